import { paragraphs } from './wordDiff';
import type { DiffPart } from './wordDiff';

/** What a revision shows of a field: its diff, with long unchanged stretches left out. */
export type ShownPart = DiffPart | { kind: 'skipped'; paragraphs: number };

/**
 * A revision's diff with the unchanged paragraphs between its changes left out, so a comma
 * fixed in a 3,000-word story shows as that paragraph, not the whole story again. What stays
 * around each change: the rest of the paragraph it is in, and the paragraph before or after
 * it. A stretch is cut only when at least two paragraphs would go.
 */
export function collapseUnchanged(parts: readonly DiffPart[]): ShownPart[] {
  if (parts.every((part) => part.kind === 'same')) return [...parts];
  return parts.flatMap((part, index): ShownPart[] => {
    if (part.kind !== 'same') return [part];
    const paras = paragraphs(part.text);
    // The paragraph a change is in, and one more for context, on the change's side.
    const keepHead = index > 0 ? 2 : 0;
    const keepTail = index < parts.length - 1 ? 2 : 0;
    const hidden = paras.length - keepHead - keepTail;
    if (hidden < 2) return [part];
    const same = (texts: string[]): ShownPart[] =>
      texts.length > 0 ? [{ kind: 'same', text: texts.join('') }] : [];
    return [
      ...same(paras.slice(0, keepHead)),
      { kind: 'skipped', paragraphs: hidden },
      ...same(paras.slice(paras.length - keepTail)),
    ];
  });
}
