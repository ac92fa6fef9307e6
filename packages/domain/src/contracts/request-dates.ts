import { z } from 'zod';
import { isIsoDate } from '../dates';

/**
 * Dates and date-times a request may carry: well-formed, existing, and within the range a trial
 * can hold (docs/errors.md). Year 0000 or 0001 and 9999 are mistypes; PostgreSQL refuses some of
 * them with an error that must never become a 500, and stores the others.
 */
export const EARLIEST_REQUEST_DATE = '1900-01-01';
export const LATEST_REQUEST_DATE = '2100-12-31';

const outOfRange = {
  error: `Use a date between ${EARLIEST_REQUEST_DATE} and ${LATEST_REQUEST_DATE}`,
  params: { code: 'DATE_OUT_OF_RANGE', earliest: EARLIEST_REQUEST_DATE, latest: LATEST_REQUEST_DATE },
};

/** True for a calendar day within the request range. */
export function isPlausibleDate(date: string): boolean {
  return isIsoDate(date) && date >= EARLIEST_REQUEST_DATE && date <= LATEST_REQUEST_DATE;
}

/** True for an ISO 8601 instant whose UTC day is within the request range. */
export function isPlausibleInstant(value: string): boolean {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return false;
  const day = new Date(ms).toISOString().slice(0, 10);
  return day >= EARLIEST_REQUEST_DATE && day <= LATEST_REQUEST_DATE;
}

// `abort`: a value that is not a date at all gets the one sentence about its form, not the
// range's as well (zod runs a refinement after a failed format check unless told not to).
export const requestDate = (error = 'Use a date like 2026-01-31') =>
  z.iso.date({ error, abort: true }).refine(isPlausibleDate, outOfRange);

export const requestDateTime = (error = 'Use an ISO date-time like 2026-01-31T08:00:00Z') =>
  z.iso.datetime({ offset: true, error, abort: true }).refine(isPlausibleInstant, outOfRange);
