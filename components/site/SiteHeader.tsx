import Link from 'next/link';
import type { Section } from '@/lib/content/types';
import { sectionPath } from '@/lib/urls';

type Props = {
  siteName: string;
  sections: readonly Section[];
};

/** The masthead and section navigation on every page. */
export function SiteHeader({ siteName, sections }: Props) {
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <div className="site-header__inner">
        <p className="masthead">
          <Link href="/">{siteName}</Link>
        </p>
        <nav className="section-nav" aria-label="Sections">
          <ul>
            {sections.map((section) => (
              <li key={section.id}>
                <Link href={sectionPath(section.id)}>{section.name}</Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}
