import { describe, expect, it } from 'vitest';
import { encodeQueryValue, shareLinks } from '@/lib/seo/shareLinks';
import type { ShareNetwork } from '@/lib/seo/shareLinks';

const URL_ = 'https://news.example.com/article/china-rare-earths-spy-warning';
const ENCODED_URL = 'https%3A%2F%2Fnews.example.com%2Farticle%2Fchina-rare-earths-spy-warning';

function hrefOf(network: ShareNetwork, title: string, url = URL_): string {
  const link = shareLinks({ title, url }).find((candidate) => candidate.network === network);
  if (!link) throw new Error(`no ${network} link`);
  return link.href;
}

/** The decoded query parameters of a share address, as the network will read them. */
function paramsOf(href: string): Record<string, string> {
  const query = href.slice(href.indexOf('?') + 1);
  return Object.fromEntries(
    query.split('&').map((pair) => {
      const [key = '', value = ''] = pair.split('=');
      return [key, decodeURIComponent(value)];
    }),
  );
}

describe('shareLinks', () => {
  it('offers email, X, Facebook, LinkedIn, WhatsApp and Bluesky, in that order', () => {
    expect(
      shareLinks({ title: 'Headline', url: URL_ }).map((link) => [link.label, link.name]),
    ).toEqual([
      ['Email', 'Share by email'],
      ['X', 'Share on X'],
      ['Facebook', 'Share on Facebook'],
      ['LinkedIn', 'Share on LinkedIn'],
      ['WhatsApp', 'Share on WhatsApp'],
      ['Bluesky', 'Share on Bluesky'],
    ]);
  });

  it.each<[ShareNetwork, string]>([
    ['email', `mailto:?subject=Rare%20earths&body=${ENCODED_URL}`],
    ['x', `https://twitter.com/intent/tweet?url=${ENCODED_URL}&text=Rare%20earths`],
    ['facebook', `https://www.facebook.com/sharer/sharer.php?u=${ENCODED_URL}`],
    ['linkedin', `https://www.linkedin.com/sharing/share-offsite/?url=${ENCODED_URL}`],
    ['whatsapp', `https://wa.me/?text=Rare%20earths%20${ENCODED_URL}`],
    ['bluesky', `https://bsky.app/intent/compose?text=Rare%20earths%20${ENCODED_URL}`],
  ])('builds the %s address from the headline and the canonical URL', (network, expected) => {
    expect(hrefOf(network, 'Rare earths')).toBe(expected);
  });

  it('opens the networks in a new tab, and email in the mail program', () => {
    expect(
      shareLinks({ title: 'Headline', url: URL_ }).map((link) => [link.network, link.newTab]),
    ).toEqual([
      ['email', false],
      ['x', true],
      ['facebook', true],
      ['linkedin', true],
      ['whatsapp', true],
      ['bluesky', true],
    ]);
  });

  const TRICKY = `Q&A: "Rates" fall #2 — it's 50% off? Straße über Łódź, 稀土 & 🇨🇳 (a+b=c)`;

  it.each<[ShareNetwork, string, (url: string) => string]>([
    ['email', 'subject', () => TRICKY],
    ['x', 'text', () => TRICKY],
    ['whatsapp', 'text', (url) => `${TRICKY} ${url}`],
    ['bluesky', 'text', (url) => `${TRICKY} ${url}`],
  ])(
    'carries a headline with &, #, quotes and non-ASCII intact to %s (%s)',
    (network, key, expected) => {
      const href = hrefOf(network, TRICKY);
      // One parameter each: an unencoded & or # would have split or cut the query.
      expect(paramsOf(href)[key]).toBe(expected(URL_));
      expect(href.slice(href.indexOf('?') + 1)).toMatch(/^[A-Za-z0-9%._~=&-]+$/);
    },
  );

  it('encodes a URL with its own query and fragment as one value', () => {
    const url = 'https://news.example.com/article/a?b=1&c=2#top';
    expect(hrefOf('facebook', 'x', url)).toBe(
      'https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fnews.example.com%2Farticle%2Fa%3Fb%3D1%26c%3D2%23top',
    );
  });
});

describe('encodeQueryValue', () => {
  it.each([
    ['spaces as %20, never +', 'a b+c', 'a%20b%2Bc'],
    ['& # = ? /', '&#=?/', '%26%23%3D%3F%2F'],
    ['straight and curly quotes', `"it's" ‘so’`, '%22it%27s%22%20%E2%80%98so%E2%80%99'],
    ['the characters encodeURIComponent leaves alone', "!'()*", '%21%27%28%29%2A'],
    ['non-ASCII as UTF-8', 'Łódź 稀土', '%C5%81%C3%B3d%C5%BA%20%E7%A8%80%E5%9C%9F'],
    ['an emoji', '🇨🇳', '%F0%9F%87%A8%F0%9F%87%B3'],
    ['a lone surrogate as U+FFFD instead of throwing', 'a\uD800b', 'a%EF%BF%BDb'],
  ])('encodes %s', (_, value, expected) => {
    expect(encodeQueryValue(value)).toBe(expected);
  });
});
