import { shareLinks } from '@/lib/seo/shareLinks';
import { ShareButton } from './ShareButton';

type Props = {
  title: string;
  /** The story's canonical absolute URL. */
  url: string;
};

/**
 * A compact row of plain links that share the story by email and on the networks, with no
 * third-party script; where the browser has a share sheet, a "Share…" button joins them once
 * the page is interactive (`ShareButton`). Not printed (`share.css`).
 */
export function ShareLinks({ title, url }: Props) {
  return (
    <div className="share">
      <p id="share-heading" className="share__heading">
        Share this article
      </p>
      <ShareButton title={title} url={url} />
      <ul className="share__links" aria-labelledby="share-heading">
        {shareLinks({ title, url }).map((link) => (
          <li key={link.network}>
            <a
              className="share__link"
              href={link.href}
              aria-label={link.name}
              {...(link.newTab ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
            >
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
