import { describe, expect, it } from 'vitest';
import { blindRules } from '../src/access/blinding';
import type { GridRecordStatus } from '../src/contracts/record-grid';
import { gridSeriesColumns, seriesCell, seriesCellState, seriesNeedsAction } from '../src/record-grid';
import { lbpTrial } from '../src/study/lbp-trial';

/** A repeating record as the grid's query reads it. */
const rec = (
  formCode: string,
  status: GridRecordStatus,
  over: { openQueries?: number; sdvDone?: boolean } = {},
) => ({
  formCode,
  status,
  openQueries: over.openQueries ?? 0,
  sdvDone: over.sdvDone ?? false,
});

describe('repeating records in the record grid (R-MON-2)', () => {
  it('has one treatment column for the arms’ sessions, then adverse events and deviations', () => {
    expect(gridSeriesColumns(lbpTrial, null)).toEqual([
      { code: 'treatment', forms: ['intervention_tlf_mob', 'intervention_us_d5w'] },
      { code: 'adverse_event', forms: ['adverse_event'] },
      { code: 'deviation', forms: ['deviation'] },
    ]);
  });

  it('has no column of a form hidden from a blinded viewer (R-BLIND-2)', () => {
    const view = blindRules(lbpTrial);
    const columns = gridSeriesColumns(lbpTrial, view);
    expect(columns.flatMap((c) => c.forms).some((f) => view.hiddenForms.has(f))).toBe(false);
    expect(columns.some((c) => c.code === 'treatment')).toBe(false);
    // The trial hides every repeating form from the assessor: no column at all.
    expect(columns).toEqual([]);
  });

  it('counts the column’s records and shows the least advanced status', () => {
    const ae = { code: 'adverse_event', forms: ['adverse_event'] };
    const records = [
      rec('adverse_event', 'signed'),
      rec('adverse_event', 'complete'),
      rec('deviation', 'draft'),
    ];
    expect(seriesCell(ae, records)).toEqual({
      code: 'adverse_event',
      count: 2,
      status: 'complete',
      openQueries: 0,
      sdvDone: false,
    });
    expect(seriesCell(ae, [rec('adverse_event', 'locked'), rec('adverse_event', 'draft')]).status).toBe(
      'draft',
    );
    expect(seriesCell(ae, [])).toEqual({
      code: 'adverse_event',
      count: 0,
      status: 'not_started',
      openQueries: 0,
      sdvDone: false,
    });
  });

  it('sums queries, and is verified only when every record is', () => {
    const tx = { code: 'treatment', forms: ['intervention_tlf_mob', 'intervention_us_d5w'] };
    const some = seriesCell(tx, [
      rec('intervention_tlf_mob', 'complete', { openQueries: 1, sdvDone: true }),
      rec('intervention_tlf_mob', 'complete', { openQueries: 2 }),
    ]);
    expect(some).toMatchObject({ count: 2, openQueries: 3, sdvDone: false });
    expect(seriesCellState(some)).toBe('open_query');
    const all = seriesCell(tx, [rec('intervention_us_d5w', 'signed', { sdvDone: true })]);
    expect(all.sdvDone).toBe(true);
    expect(seriesCellState(all)).toBe('sdv_done');
    expect(seriesCellState(seriesCell(tx, []))).toBe('not_started');
  });

  it('waits for someone only when something was recorded: a draft, a query, a signature, SDV', () => {
    const ae = { code: 'adverse_event', forms: ['adverse_event'] };
    const coordinator = { role: 'coordinator' };
    const investigator = { role: 'investigator' };
    const monitor = { role: 'monitor' };
    const none = seriesCell(ae, []);
    expect(seriesNeedsAction(coordinator, lbpTrial, ae, none)).toBe(false);
    expect(seriesNeedsAction(investigator, lbpTrial, ae, none)).toBe(false);
    expect(seriesNeedsAction(monitor, lbpTrial, ae, none)).toBe(false);
    const draft = seriesCell(ae, [rec('adverse_event', 'draft')]);
    expect(seriesNeedsAction(coordinator, lbpTrial, ae, draft)).toBe(true);
    expect(seriesNeedsAction(monitor, lbpTrial, ae, draft)).toBe(false);
    const complete = seriesCell(ae, [rec('adverse_event', 'complete')]);
    expect(seriesNeedsAction(coordinator, lbpTrial, ae, complete)).toBe(false);
    expect(seriesNeedsAction(investigator, lbpTrial, ae, complete)).toBe(true);
    expect(seriesNeedsAction(monitor, lbpTrial, ae, complete)).toBe(true);
    const queried = seriesCell(ae, [rec('adverse_event', 'signed', { openQueries: 1, sdvDone: true })]);
    expect(seriesNeedsAction(coordinator, lbpTrial, ae, queried)).toBe(true);
    expect(seriesNeedsAction(monitor, lbpTrial, ae, queried)).toBe(false);
  });

  it('leaves a draft to whoever enters any one of the column’s forms', () => {
    const mixed = { code: 'mixed', forms: ['adverse_event', 'vas'] };
    const draft = seriesCell(mixed, [rec('adverse_event', 'draft')]);
    expect(seriesNeedsAction({ role: 'assessor' }, lbpTrial, mixed, draft)).toBe(true);
    expect(seriesNeedsAction({ role: 'monitor' }, lbpTrial, mixed, draft)).toBe(false);
  });
});
