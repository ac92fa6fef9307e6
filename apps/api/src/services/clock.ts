import { calendarDateIn } from '@mini-edc/domain';

/** Today's calendar date (YYYY-MM-DD) in the study's time zone. */
export function todayIn(timeZone: string, now = new Date()): string {
  return calendarDateIn(now, timeZone);
}
