import type { Section } from '@/lib/content/types';
import { sectionPath } from '@/lib/urls';

type Props = { section: Section };

/** The section name above a headline, linking to the section. */
export function SectionLabel({ section }: Props) {
  return (
    <p className="section-label">
      <a href={sectionPath(section.id)}>{section.name}</a>
    </p>
  );
}
