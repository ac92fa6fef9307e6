import { describe, expect, it } from 'vitest';
import {
  dateBoundSchema,
  defaultVisitDates,
  isDateEvent,
  plausibleDatesSchema,
  requiredWhenSchema,
  visitDatesSchema,
} from '../src/study/field-rules';

describe('field rules as data (field-rules.ts)', () => {
  it('tells a milestone of the participant from anything else', () => {
    expect(['today', 'screening', 'consent', 'randomization'].every(isDateEvent)).toBe(true);
    expect(['Today', 'baseline', '', null, undefined, 0, ['today']].some(isDateEvent)).toBe(false);
  });

  it('takes a date bound as a field, a milestone limited to visit roles, or a fixed day', () => {
    for (const bound of [
      { field: 'onset_date' },
      { field: 'onset_date', at: ['follow_up'] },
      { event: 'randomization', at: ['baseline', 'unscheduled'] },
      { date: '2026-02-28' },
    ])
      expect(dateBoundSchema.parse(bound)).toEqual(bound);
  });

  it.each([
    ['a field name that starts with a capital', { field: 'Onset' }],
    ['an unknown milestone', { event: 'birth' }],
    ['an empty list of visit roles', { event: 'consent', at: [] }],
    ['an unknown visit role', { event: 'consent', at: ['closeout'] }],
    ['an impossible day', { date: '2026-02-30' }],
    ['a fixed day limited to visit roles', { date: '2026-02-28', at: ['baseline'] }],
    ['a field and a milestone at once', { field: 'onset_date', event: 'consent' }],
  ])('refuses a date bound with %s', (_, bound) => {
    expect(dateBoundSchema.safeParse(bound).success).toBe(false);
  });

  it('words a bad field name and a bad day for the admin', () => {
    const messages = (value: unknown) =>
      dateBoundSchema.safeParse(value).error?.issues.flatMap((i) => [i.message, JSON.stringify(i)]) ?? [];
    expect(messages({ field: '1st' }).join()).toContain('field names start with a lower-case letter');
    expect(messages({ date: '1 May 2026' }).join()).toContain('expected a date YYYY-MM-DD');
    expect(messages({ field: 'onset_date' })).toEqual([]);
  });

  it('requires a condition to name a field and at least one non-empty value', () => {
    expect(requiredWhenSchema.parse({ field: 'serious', in: ['yes'] })).toEqual({
      field: 'serious',
      in: ['yes'],
    });
    expect(requiredWhenSchema.safeParse({ field: 'serious', in: [] }).success).toBe(false);
    expect(requiredWhenSchema.safeParse({ field: 'serious', in: [''] }).success).toBe(false);
    expect(requiredWhenSchema.safeParse({ field: 'serious', in: ['yes'], also: 1 }).success).toBe(false);
  });

  it('takes plausible dates as two days, and visit dates as non-empty lists of bounds', () => {
    expect(plausibleDatesSchema.safeParse({ earliest: '1900-01-01', latest: '2100-12-31' }).success).toBe(
      true,
    );
    expect(plausibleDatesSchema.safeParse({ earliest: '1900', latest: '2100-12-31' }).success).toBe(false);
    expect(visitDatesSchema.parse({})).toEqual({});
    expect(visitDatesSchema.safeParse({ notBefore: [] }).success).toBe(false);
    expect(visitDatesSchema.safeParse(defaultVisitDates).success).toBe(true);
  });

  it('keeps for old definitions what the API always enforced: not before consent, not after today', () => {
    expect(defaultVisitDates).toEqual({ notBefore: [{ event: 'consent' }], notAfter: [{ event: 'today' }] });
  });
});
