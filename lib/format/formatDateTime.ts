import type { Timestamp } from '../content/timestamp';

/**
 * "27 Nov 2026, 9:30am GMT+8": a news dateline time in the newsroom's zone, with the zone
 * shown so readers elsewhere are not misled.
 */
export function formatDateTime(timestamp: Timestamp, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    hourCycle: 'h12',
    timeZoneName: 'shortOffset',
  }).formatToParts(new Date(timestamp.epochMs));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const dayPeriod = part('dayPeriod').toLowerCase().replace(/\s|\./g, '');
  const month = part('month').replace(/\.$/, '').slice(0, 3);
  return `${part('day')} ${month} ${part('year')}, ${part('hour')}:${part('minute')}${dayPeriod} ${part('timeZoneName')}`;
}
