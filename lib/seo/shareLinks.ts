/**
 * Plain share links: one address per network, built here so the article page needs no
 * third-party script. Each network's documented "share intent" URL takes the story's
 * canonical address (and, where the network allows, its headline) as query parameters.
 */

export type ShareNetwork = 'email' | 'x' | 'facebook' | 'linkedin' | 'whatsapp' | 'bluesky';

/** What is shared: the headline and the story's canonical absolute URL. */
export type ShareTarget = { title: string; url: string };

export type ShareLink = {
  network: ShareNetwork;
  /** The visible link text: the network's name. */
  label: string;
  /** The accessible name, which contains the visible text: "Share on LinkedIn". */
  name: string;
  href: string;
  /** Networks open in a new tab; email opens the reader's mail program. */
  newTab: boolean;
};

/** Lone UTF-16 surrogates, which `encodeURIComponent` refuses with a URIError. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A query value, percent-encoded as RFC 3986 asks: UTF-8, with the five characters
 * `encodeURIComponent` leaves alone (`!'()*`) encoded too, and spaces as `%20` (mail programs
 * show a `+` literally in a `mailto:` subject).
 */
export function encodeQueryValue(value: string): string {
  return encodeURIComponent(value.replace(LONE_SURROGATE, '\uFFFD')).replace(
    /[!'()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function query(params: Record<string, string>): string {
  return Object.entries(params)
    .map(([key, value]) => `${key}=${encodeQueryValue(value)}`)
    .join('&');
}

/** The share links for one story, in the order the article shows them. */
export function shareLinks({ title, url }: ShareTarget): ShareLink[] {
  const headlineAndUrl = `${title} ${url}`;
  const network = (id: ShareNetwork, label: string, href: string): ShareLink => ({
    network: id,
    label,
    name: `Share on ${label}`,
    href,
    newTab: true,
  });
  return [
    {
      network: 'email',
      label: 'Email',
      name: 'Share by email',
      href: `mailto:?${query({ subject: title, body: url })}`,
      newTab: false,
    },
    network('x', 'X', `https://twitter.com/intent/tweet?${query({ url, text: title })}`),
    network(
      'facebook',
      'Facebook',
      `https://www.facebook.com/sharer/sharer.php?${query({ u: url })}`,
    ),
    network(
      'linkedin',
      'LinkedIn',
      `https://www.linkedin.com/sharing/share-offsite/?${query({ url })}`,
    ),
    network('whatsapp', 'WhatsApp', `https://wa.me/?${query({ text: headlineAndUrl })}`),
    network(
      'bluesky',
      'Bluesky',
      `https://bsky.app/intent/compose?${query({ text: headlineAndUrl })}`,
    ),
  ];
}
