import { now } from '@/lib/config/clock';
import type { Page } from '@/lib/content/types';
import { correctionsPath, pagePath } from '@/lib/urls';

type Props = {
  siteName: string;
  pages: readonly Page[];
};

/** The footer on every page: the newsroom's own pages, its corrections and the copyright line. */
export function SiteFooter({ siteName, pages }: Props) {
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <p className="site-footer__name">{siteName}</p>
        <nav aria-label="About us">
          <ul className="site-footer__links">
            {pages.map((page) => (
              <li key={page.id}>
                <a href={pagePath(page.id)}>{page.title}</a>
              </li>
            ))}
            <li>
              <a href={correctionsPath}>Corrections</a>
            </li>
          </ul>
        </nav>
        <p className="site-footer__copyright">
          © {new Date(now()).getUTCFullYear()} {siteName}. All rights reserved.
        </p>
      </div>
    </footer>
  );
}
