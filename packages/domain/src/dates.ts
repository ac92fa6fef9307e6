/**
 * Calendar-date arithmetic on ISO 'YYYY-MM-DD' strings. Dates are whole days counted in UTC, so no
 * local time zone or daylight-saving change can move a visit window (protocol §5.1).
 */

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 for a valid ISO calendar date; throws on '2025-02-30' and the like. */
export function isoDateToDayNumber(date: IsoDate): number {
  const match = ISO_DATE.exec(date);
  if (match === null) throw new RangeError(`"${date}" is not a date of the form YYYY-MM-DD`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0-99 as 1900-1999.
  const check = new Date(0);
  check.setUTCFullYear(year, month - 1, day);
  const ms = check.getTime();
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`"${date}" is not a calendar date`);
  }
  return ms / MS_PER_DAY;
}

/** The ISO date of a day number. */
export function dayNumberToIsoDate(dayNumber: number): IsoDate {
  const d = new Date(dayNumber * MS_PER_DAY);
  const year = d.getUTCFullYear().toString().padStart(4, '0');
  const month = (d.getUTCMonth() + 1).toString().padStart(2, '0');
  const day = d.getUTCDate().toString().padStart(2, '0');
  return `${year}-${month}-${day}`;
}

/** True for a well-formed, existing calendar date. */
export function isIsoDate(value: string): boolean {
  try {
    isoDateToDayNumber(value);
    return true;
  } catch {
    return false;
  }
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return dayNumberToIsoDate(isoDateToDayNumber(date) + days);
}

/** `to − from` in days (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return isoDateToDayNumber(to) - isoDateToDayNumber(from);
}

/** -1, 0 or 1. ISO dates also compare correctly as strings; this validates them as well. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return Math.sign(daysBetween(b, a));
}

// Building an Intl.DateTimeFormat costs far more than formatting with one (it led the save path's
// CPU profile, docs/benchmarks.md), so each time zone's formatter is built once.
const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (YYYY-MM-DD) of a moment in a time zone. */
export function calendarDateIn(moment: Date, timeZone: string): string {
  let formatter = dateFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dateFormatters.set(timeZone, formatter);
  }
  return formatter.format(moment);
}

/** The calendar date of an instant in a time zone. */
export function dateIn(instant: string, timeZone: string): string | null {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return null;
  return calendarDateIn(new Date(ms), timeZone);
}
