import type { Timestamp } from '../content/timestamp';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The offset an editor wrote, in minutes east of UTC. */
function offsetMinutes(timestamp: Timestamp): number {
  const match = /([+-])(\d{2}):(\d{2})$/.exec(timestamp.iso);
  if (!match) return 0;
  const [, sign, hours, minutes] = match;
  return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
}

const pad = (value: number) => String(value).padStart(2, '0');

/** RFC 822 (RSS) with the editor's own offset: `Thu, 26 Nov 2026 09:30:00 +0800`. */
export function toRfc822(timestamp: Timestamp): string {
  const offset = offsetMinutes(timestamp);
  const local = new Date(timestamp.epochMs + offset * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const zone = `${sign}${pad(Math.floor(Math.abs(offset) / 60))}${pad(Math.abs(offset) % 60)}`;
  return (
    `${DAYS[local.getUTCDay()]}, ${pad(local.getUTCDate())} ${MONTHS[local.getUTCMonth()]} ${local.getUTCFullYear()} ` +
    `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())} ${zone}`
  );
}

/** RFC 3339 (Atom, sitemaps, JSON-LD) with the editor's own offset and seconds always present. */
export function toRfc3339(timestamp: Timestamp): string {
  const offset = offsetMinutes(timestamp);
  const local = new Date(timestamp.epochMs + offset * 60_000);
  const zone = timestamp.iso.endsWith('Z')
    ? 'Z'
    : `${offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return `${local.toISOString().slice(0, 19)}${zone}`;
}

/** RFC 3339 in UTC for an instant with no editor-written offset (a build time). */
export function epochToRfc3339(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 19)}Z`;
}
