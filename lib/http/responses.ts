import { createHash } from 'node:crypto';

/**
 * Responses for the site's machine-readable files (feeds, sitemaps), with the content types
 * readers expect and an ETag: a feed reader polls the same address every few minutes, and
 * sends the ETag back (`If-None-Match`); nginx in front answers it from its cache with a
 * bodiless 304 while the file is unchanged. Each body is hashed once, when Next generates it,
 * not per request.
 */
export function xmlResponse(body: string, type = 'application/xml'): Response {
  return new Response(body, { headers: { 'Content-Type': `${type}; charset=utf-8`, ETag: entityTag(body) } });
}

export function jsonFeedResponse(body: string): Response {
  return new Response(body, {
    headers: { 'Content-Type': 'application/feed+json; charset=utf-8', ETag: entityTag(body) },
  });
}

/** A strong validator: the body's SHA-256, 128 bits of it. */
export function entityTag(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
}
