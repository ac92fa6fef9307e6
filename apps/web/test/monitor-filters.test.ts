import { describe, expect, it } from 'vitest';
import {
  exportHref,
  filterFromSearch,
  filterFromValues,
  searchFromFilter,
  valuesFromFilter,
} from '../src/audit/audit-filter';
import { axisMax, cumulativeOn, monthRange } from '../src/dashboard/enrollment-series';

const participantId = '0efb4669-857b-48c5-a401-1b6a56c7c2a8';

describe('audit filter', () => {
  it('reads valid filters from the URL and drops the ones that do not parse', () => {
    const filter = filterFromSearch(
      new URLSearchParams({ participantId, field: 'data.vas_mm', action: 'update; drop', cursor: 'x' }),
    );
    expect(filter).toEqual({ participantId, field: 'data.vas_mm' });
  });

  it('sends the same filter to the list and the CSV export', () => {
    const filter = { participantId, form: 'vas', field: 'data.vas_mm' };
    expect(searchFromFilter(filter).toString()).toBe(
      `participantId=${participantId}&form=vas&field=data.vas_mm`,
    );
    expect(exportHref(filter)).toBe(`/api/v1/audit/export.csv?${searchFromFilter(filter).toString()}`);
    expect(exportHref({})).toBe('/api/v1/audit/export.csv');
  });

  it('round-trips form values, with times typed in the local zone and sent as UTC', () => {
    const filter = { form: 'vas', from: '2026-01-31T08:00:00.000Z', to: '2026-02-01T08:00:00.000Z' };
    const values = valuesFromFilter(filter);
    expect(values.source).toBe('form:vas');
    expect(filterFromValues(values)).toEqual({ filter, problems: [] });
  });

  it('names the field of each problem', () => {
    const values = { ...valuesFromFilter({}), from: '2026-02-02T00:00:00', to: '2026-02-01T00:00:00' };
    expect(filterFromValues(values).problems).toEqual([{ field: 'to', key: 'endBeforeStart' }]);
    const bad = filterFromValues({ ...valuesFromFilter({}), field: 'x'.repeat(101) });
    expect(bad.filter).toBeNull();
    // The contract's refusal as the field code the API sends, worded by the form: never its English.
    expect(bad.problems).toEqual([
      { field: 'field', coded: { at: [], code: 'TOO_LONG', params: { maximum: 100 } } },
    ]);
  });

  it('sends the field box as words of a label, searched on the server (R-AUDIT-5)', () => {
    const words = filterFromValues({ ...valuesFromFilter({}), field: ' ağrı vas ' });
    expect(words).toEqual({ filter: { fieldText: 'ağrı vas' }, problems: [] });
    // A link with a raw path (an API user's) still fills the box and keeps finding the field.
    expect(valuesFromFilter({ field: 'data.vas_mm' }).field).toBe('data.vas_mm');
    expect(filterFromSearch(new URLSearchParams({ fieldText: 'pain' }))).toEqual({ fieldText: 'pain' });
  });
});

describe('enrollment series', () => {
  it('spans every month from the first enrollment to now and carries totals forward', () => {
    const months = monthRange([[{ month: '2026-11', cumulative: 2 }]], '2027-02');
    expect(months).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(
      cumulativeOn(months, [
        { month: '2026-11', cumulative: 2 },
        { month: '2027-01', cumulative: 5 },
      ]),
    ).toEqual([2, 2, 5, 5]);
    expect(monthRange([], '2026-11')).toEqual(['2026-11']);
  });

  it('keeps the target inside the y axis', () => {
    expect(axisMax(75, [4])).toBe(80);
    expect(axisMax(75, [90])).toBe(100);
  });
});
