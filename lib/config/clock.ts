import { env } from './env';

/**
 * The current time, in milliseconds since the epoch: the one clock the loader, the queries and
 * the pages read, so every "is this story published yet" question gets the same answer.
 * `BROADSHEET_NOW` sets it in tests (refused in production, see `env.ts`); otherwise it is the
 * system clock.
 */
export function now(): number {
  return env.BROADSHEET_NOW ?? Date.now();
}
