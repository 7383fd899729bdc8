/** An instant as an editor wrote it: the original ISO 8601 text (with its offset) and its epoch time. */
export type Timestamp = {
  /** Exactly as written in front matter, e.g. `2026-11-26T09:30:00+08:00`. */
  iso: string;
  epochMs: number;
};

const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Parses an ISO 8601 date-time that carries a UTC offset (`Z` or `±hh:mm`). Returns undefined
 * for anything else, including impossible calendar dates such as `2025-02-30`, which `Date`
 * would silently roll over.
 */
export function parseTimestamp(text: string): Timestamp | undefined {
  const match = ISO_WITH_OFFSET.exec(text);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s = '0', fraction = '0', offset = 'Z'] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) {
    return undefined;
  }
  // Not `Date.UTC(year, ...)`: it reads years 0-99 as 1900-1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  const local = date.getTime();
  if (date.getUTCDate() !== day) return undefined;
  let offsetMinutes = 0;
  if (offset !== 'Z') {
    const sign = offset.startsWith('-') ? -1 : 1;
    const offsetHours = Number(offset.slice(1, 3));
    const offsetMins = Number(offset.slice(4, 6));
    // Offsets in use run from -12:00 to +14:00; none is further from UTC than 14 hours.
    if (offsetHours > 14 || offsetMins > 59 || (offsetHours === 14 && offsetMins > 0)) return undefined;
    offsetMinutes = sign * (offsetHours * 60 + offsetMins);
  }
  const milliseconds = Math.floor(Number(`0.${fraction}`) * 1000);
  return { iso: text, epochMs: local - offsetMinutes * 60_000 + milliseconds };
}
