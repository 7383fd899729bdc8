import type { ServerResponse } from 'node:http';
import {
  brotliCompressSync,
  brotliDecompressSync,
  constants as zlib,
  deflateSync,
  gunzipSync,
  gzipSync,
  inflateSync,
} from 'node:zlib';

/**
 * Next's answer when a page calls `notFound()` (an unknown article, topic, author or page of a
 * list): status 404, but an empty document, `<html id="__next_error__">` with no layout and
 * no text, which the browser fills in from the React payload once JavaScript runs
 * (vercel/next.js#62228, open in 16.4). Readers without JavaScript and crawlers get a blank
 * page. An address no route matches gets the real not-found page, rendered on the server.
 */
const SHELL_MARK = '<html id="__next_error__"';

/** An address no route matches, so Next answers it with its server-rendered not-found page. */
export const UNMATCHED_PATH = '/_broadsheet/not-found';

/** How long a fetched not-found page is reused: it changes only with the sections. */
const PAGE_TTL_MS = 10_000;

type Codec = { decode: (body: Buffer) => Buffer; encode: (body: Buffer) => Buffer };

const CODECS: Record<string, Codec> = {
  identity: { decode: (body) => body, encode: (body) => body },
  gzip: { decode: gunzipSync, encode: (body) => gzipSync(body) },
  deflate: { decode: inflateSync, encode: (body) => deflateSync(body) },
  // Quality 5: Brotli's default (11) takes tens of milliseconds for a page.
  br: {
    decode: brotliDecompressSync,
    encode: (body) => brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } }),
  },
};

let cached: { page: Promise<Buffer>; fetchedAt: number } | undefined;

/** The site's not-found page as the server renders it for an unmatched address. */
function notFoundPage(origin: string): Promise<Buffer> {
  const now = Date.now();
  if (cached && now - cached.fetchedAt < PAGE_TTL_MS) return cached.page;
  const page = fetch(`${origin}${UNMATCHED_PATH}`, { headers: { 'accept-encoding': 'identity' } }).then(
    async (response) => {
      const html = Buffer.from(await response.arrayBuffer());
      if (response.status !== 404 || html.includes(SHELL_MARK)) throw new Error(`not-found page: status ${response.status}`);
      return html;
    },
  );
  cached = { page, fetchedAt: now };
  page.catch(() => {
    if (cached?.page === page) cached = undefined;
  });
  return page;
}

/**
 * When `body` is Next's empty not-found document, the server-rendered not-found page to send
 * instead, encoded as the response is (`Content-Encoding`); undefined for any other response.
 * Settles to `body` itself if that page cannot be had.
 */
export function serverRenderedNotFound(response: ServerResponse, body: Buffer, origin: string): Promise<Buffer> | undefined {
  if (response.statusCode !== 404) return undefined;
  if (!String(response.getHeader('content-type') ?? '').startsWith('text/html')) return undefined;
  const codec = CODECS[String(response.getHeader('content-encoding') ?? 'identity').toLowerCase()];
  if (!codec) return undefined;
  let html: Buffer;
  try {
    html = codec.decode(body);
  } catch {
    return undefined;
  }
  if (!html.subarray(0, 512).includes(SHELL_MARK)) return undefined;
  return notFoundPage(origin)
    .then((page) => codec.encode(page))
    .catch(() => body);
}
