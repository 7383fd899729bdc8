import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Whether the secret a request brought is the preview secret, compared in constant time (on
 * fixed-length digests, so not even the length leaks): a wrong guess costs as long as a near
 * one.
 */
export function isPreviewSecret(given: string | null, secret: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given ?? ''), digest(secret)) && given !== null;
}
