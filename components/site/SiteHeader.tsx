import { SearchForm } from '@/components/search/SearchForm';
import type { Section } from '@/lib/content/types';
import { sectionPath } from '@/lib/urls';

type Props = {
  siteName: string;
  sections: readonly Section[];
  /** The section the page belongs to, highlighted in the navigation. */
  currentSectionId?: string;
};

/**
 * The masthead, the search field and the section navigation. On a phone the sections fold into
 * a native `<details>` menu, which opens without JavaScript; on wider screens they show as a
 * row. The search field sits under the masthead, and beside it on a desktop.
 */
export function SiteHeader({ siteName, sections, currentSectionId }: Props) {
  const links = (
    <ul>
      {sections.map((section) => (
        <li key={section.id}>
          <a
            href={sectionPath(section.id)}
            aria-current={section.id === currentSectionId ? 'page' : undefined}
          >
            {section.name}
          </a>
        </li>
      ))}
    </ul>
  );
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <div className="site-header__inner">
        <p className="masthead">
          <a href="/">{siteName}</a>
        </p>
        <SearchForm variant="header" />
        <nav className="section-nav" aria-label="Sections">
          {links}
        </nav>
        <details className="section-menu">
          <summary>Sections</summary>
          <nav aria-label="Sections menu">{links}</nav>
        </details>
      </div>
    </header>
  );
}
