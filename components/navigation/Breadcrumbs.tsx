import type { Crumb } from '@/lib/seo/jsonLd';

type Props = {
  /** From Home to the current page; the last one is the page itself. */
  trail: readonly Crumb[];
};

/** Home › Section › Headline: where this page sits in the site. */
export function Breadcrumbs({ trail }: Props) {
  return (
    <nav className="breadcrumbs" aria-label="Breadcrumb">
      <ol>
        {trail.map((crumb, index) => (
          <li key={crumb.href}>
            {index === trail.length - 1 ? (
              <span aria-current="page">{crumb.name}</span>
            ) : (
              <a href={crumb.href}>{crumb.name}</a>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
