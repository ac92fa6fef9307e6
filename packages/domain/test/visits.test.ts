import { describe, expect, it } from 'vitest';
import { addDays, calendarDateIn, dateIn, daysBetween, isIsoDate, isoDateToDayNumber } from '../src/dates';
import { studyDefinitionSchema } from '../src/study/definition-schema';
import { lbpTrial } from '../src/study/lbp-trial';
import { computeVisitSchedule, daysOutsideWindow, isWithinWindow, visitStatus } from '../src/visits';

describe('date arithmetic', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-25', 7)).toBe('2024-03-03');
    expect(addDays('2025-02-25', 7)).toBe('2025-03-04');
    expect(addDays('2025-12-28', 7)).toBe('2026-01-04');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
  });

  it('is unaffected by daylight-saving changes (UTC days)', () => {
    expect(addDays('2025-03-29', 1)).toBe('2025-03-30');
    expect(addDays('2025-10-25', 2)).toBe('2025-10-27');
    expect(daysBetween('2025-03-01', '2025-04-01')).toBe(31);
  });

  it('rejects malformed and impossible dates', () => {
    expect(isIsoDate('2025-02-28')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-2-28')).toBe(false);
    expect(isIsoDate('2025-02-28T00:00:00Z')).toBe(false);
    expect(() => addDays('2025-13-01', 1)).toThrow(RangeError);
  });
});

describe('visit schedule (protocol §5.1)', () => {
  // Computed inside each test, so a mutant of the schedule is active when it is computed
  // (docs/testing.md "Speed").
  const scheduleOf = () => computeVisitSchedule(lbpTrial.visits, { randomization: '2025-05-20' });
  const visit = (code: string) => {
    const v = scheduleOf().find((s) => s.code === code);
    if (v === undefined) throw new Error(code);
    return v;
  };

  it('schedules W1, M1 and M3 from the randomization date', () => {
    expect(scheduleOf()).toEqual([
      { code: 'W1', targetDate: '2025-05-27', windowStart: '2025-05-25', windowEnd: '2025-05-30' },
      { code: 'M1', targetDate: '2025-06-17', windowStart: '2025-06-10', windowEnd: '2025-06-24' },
      { code: 'M3', targetDate: '2025-08-12', windowStart: '2025-07-29', windowEnd: '2025-08-26' },
    ]);
  });

  it('offers no anchor and no stratification factor that nothing would apply', () => {
    const visits = lbpTrial.visits.map((v) => (v.code === 'M3' ? { ...v, anchor: 'end_of_treatment' } : v));
    expect(studyDefinitionSchema.safeParse({ ...lbpTrial, visits }).success).toBe(false);
    const stratification = { ...lbpTrial.stratification, factors: ['site', 'sex'] };
    expect(studyDefinitionSchema.safeParse({ ...lbpTrial, stratification }).success).toBe(false);
    expect(studyDefinitionSchema.safeParse(lbpTrial).success).toBe(true);
  });

  it('treats both window ends as inside', () => {
    const w1 = visit('W1');
    expect(isWithinWindow(w1, '2025-05-24')).toBe(false);
    expect(isWithinWindow(w1, '2025-05-25')).toBe(true);
    expect(isWithinWindow(w1, '2025-05-27')).toBe(true);
    expect(isWithinWindow(w1, '2025-05-30')).toBe(true);
    expect(isWithinWindow(w1, '2025-05-31')).toBe(false);
  });

  it('measures how far outside the window a visit was done', () => {
    const w1 = visit('W1');
    expect(daysOutsideWindow(w1, '2025-05-22')).toBe(-3);
    expect(daysOutsideWindow(w1, '2025-05-28')).toBe(0);
    // The window's first day is inside: 0, not −0 (a deviation check compares with Object.is).
    expect(daysOutsideWindow(w1, '2025-05-25')).toBe(0);
    expect(daysOutsideWindow(w1, '2025-05-30')).toBe(0);
    expect(daysOutsideWindow(w1, '2025-06-01')).toBe(2);
  });

  it('derives upcoming, due and overdue from today, window ends included', () => {
    const m1 = visit('M1');
    expect(visitStatus(m1, '2025-06-09')).toBe('upcoming');
    expect(visitStatus(m1, '2025-06-10')).toBe('due');
    expect(visitStatus(m1, '2025-06-24')).toBe('due');
    expect(visitStatus(m1, '2025-06-25')).toBe('overdue');
  });

  it('lets recorded facts win: done, then missed', () => {
    const m3 = visit('M3');
    expect(visitStatus(m3, '2025-06-01', { done: true })).toBe('done');
    expect(visitStatus(m3, '2025-09-01', { missed: true })).toBe('missed');
    expect(visitStatus(m3, '2025-09-01', { done: true, missed: true })).toBe('done');
  });
});

describe('dates: parsing, printing, time zones', () => {
  it('says which way a date string is wrong', () => {
    expect(() => isoDateToDayNumber('2025-2-28')).toThrow('"2025-2-28" is not a date of the form YYYY-MM-DD');
    expect(() => isoDateToDayNumber('2025-02-30')).toThrow('"2025-02-30" is not a calendar date');
    expect(() => isoDateToDayNumber('2025-13-01')).toThrow('"2025-13-01" is not a calendar date');
    expect(() => isoDateToDayNumber('2025-03-00')).toThrow('"2025-03-00" is not a calendar date');
  });

  it('prints years before 1000 with four digits', () => {
    expect(addDays('0999-12-31', 1)).toBe('1000-01-01');
    expect(addDays('1000-01-01', -1)).toBe('0999-12-31');
  });

  it('takes the calendar date of an instant in the given time zone', () => {
    const lateEvening = new Date('2025-03-01T22:30:00Z');
    expect(calendarDateIn(lateEvening, 'UTC')).toBe('2025-03-01');
    expect(calendarDateIn(lateEvening, 'Europe/Istanbul')).toBe('2025-03-02');
    // The formatter is kept per time zone: asking again gives the same answer.
    expect(calendarDateIn(lateEvening, 'Europe/Istanbul')).toBe('2025-03-02');
    expect(dateIn('2025-03-01T22:30:00Z', 'Europe/Istanbul')).toBe('2025-03-02');
    expect(dateIn('not an instant', 'UTC')).toBeNull();
  });
});
