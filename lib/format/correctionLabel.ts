import type { Correction } from '../content/types';

/** "Correction" or "Clarification": how readers, feeds and crawlers see a correction's kind. */
export function correctionLabel(kind: Correction['kind']): string {
  const labels: Record<Correction['kind'], string> = {
    correction: 'Correction',
    clarification: 'Clarification',
  };
  return labels[kind];
}
