import { createHash } from 'node:crypto';

/** A short, stable key for a text: the first 128 bits of its SHA-256, in hex. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}
