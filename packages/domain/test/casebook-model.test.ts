import { describe, expect, it } from 'vitest';
// Imported from their modules, not the package index: mutation testing re-imports a test file
// for every mutant, and the index is the whole package.
import {
  type AuditRowForReplay,
  casebookFromReplay,
  definitionVersionOf,
  replayAuditRows,
  STUDY_DEFINITION_VERSION,
} from '../src/closeout/casebook-model';
import { lbpTrial } from '../src/study/lbp-trial';

// The casebook as of a time (docs/closeout.md): the participant's audit trail replayed into rows,
// then visits and forms in the definition's order. These pin the replay and the model the PDF and
// its SHA-256 are built from.

let nextId = 1;
function audit(
  action: string,
  tableName: string,
  recordId: string | null,
  changes: Record<string, unknown> = {},
): AuditRowForReplay {
  const id = nextId++;
  return {
    id,
    occurredAt: `2026-03-01T10:00:${String(id % 60).padStart(2, '0')}.000Z`,
    actorLabel: 'site1',
    actorRole: 'site_staff',
    action,
    tableName,
    recordId,
    changes,
    reason: null,
  };
}

describe('definitionVersionOf', () => {
  it('is the study id and the one stored version', () => {
    expect(STUDY_DEFINITION_VERSION).toBe(1);
    expect(definitionVersionOf({ id: 'nct07241559' })).toBe('nct07241559 v1');
  });
});

describe('replayAuditRows', () => {
  it('applies inserts and updates in order, each column to its new value', () => {
    const tables = replayAuditRows([
      audit('INSERT', 'participants', 'p1', { study_id: [null, 'S01-0001'], status: [null, 'screened'] }),
      audit('UPDATE', 'participants', 'p1', { status: ['screened', 'consented'] }),
      audit('UPDATE', 'participants', 'p1', { consent_date: [null, '2026-03-02'] }),
    ]);
    expect([...tables.keys()]).toEqual(['participants']);
    expect(tables.get('participants')?.get('p1')).toStrictEqual({
      study_id: 'S01-0001',
      status: 'consented',
      consent_date: '2026-03-02',
    });
  });

  it('a delete removes the row, and a later insert starts it again from nothing', () => {
    const tables = replayAuditRows([
      audit('INSERT', 'signatures', 's1', { meaning: [null, 'review'], signer_name: [null, 'Dr A'] }),
      audit('INSERT', 'signatures', 's2', { meaning: [null, 'approval'] }),
      audit('DELETE', 'signatures', 's1', { meaning: ['review', null], signer_name: ['Dr A', null] }),
    ]);
    const signatures = tables.get('signatures');
    expect(signatures?.has('s1')).toBe(false);
    expect(signatures?.get('s2')).toStrictEqual({ meaning: 'approval' });
    const again = replayAuditRows([
      audit('INSERT', 'signatures', 's1', { meaning: [null, 'review'], signer_name: [null, 'Dr A'] }),
      audit('DELETE', 'signatures', 's1', {}),
      audit('INSERT', 'signatures', 's1', { meaning: [null, 'approval'] }),
    ]);
    expect(again.get('signatures')?.get('s1')).toStrictEqual({ meaning: 'approval' });
  });

  it('events that are not row changes, and changes without a record, change nothing', () => {
    const tables = replayAuditRows([
      audit('INSERT', 'form_records', 'r1', { status: [null, 'draft'] }),
      audit('SIGN', 'form_records', 'r1', { status: ['draft', 'signed'] }),
      audit('RANDOMIZED', 'participants', 'p1', { status: [null, 'randomized'] }),
      audit('EXPORT', 'exports', 'e1', { format: [null, 'csv'] }),
      audit('INSERT', 'visits', null, { status: [null, 'done'] }),
      audit('UPDATE', 'visits', null, { status: [null, 'done'] }),
    ]);
    expect([...tables.keys()]).toEqual(['form_records']);
    expect(tables.get('form_records')?.get('r1')).toStrictEqual({ status: 'draft' });
  });

  it('a delete without a record deletes nothing', () => {
    const tables = replayAuditRows([
      audit('INSERT', 'visits', 'v1', { status: [null, 'planned'] }),
      audit('DELETE', 'visits', null, {}),
    ]);
    expect(tables.get('visits')?.get('v1')).toStrictEqual({ status: 'planned' });
  });

  it('skips a column whose change is not an [old, new] pair', () => {
    const tables = replayAuditRows([
      audit('INSERT', 'visits', 'v1', {
        status: [null, 'planned'],
        scalar: 'x',
        one: ['only'],
        three: [1, 2, 3],
        empty: [],
        nil: null,
      }),
    ]);
    expect(tables.get('visits')?.get('v1')).toStrictEqual({ status: 'planned' });
  });

  it('form data is kept per field: set, changed, cleared by null, other fields kept', () => {
    const tables = replayAuditRows([
      audit('INSERT', 'form_records', 'r1', {
        status: [null, 'draft'],
        'data.vas_mm': [null, 40],
        'data.note': [null, 'first'],
      }),
      audit('UPDATE', 'form_records', 'r1', { 'data.vas_mm': [40, 35], 'data.side': [null, 'left'] }),
      audit('UPDATE', 'form_records', 'r1', { 'data.note': ['first', null] }),
    ]);
    expect(tables.get('form_records')?.get('r1')).toStrictEqual({
      status: 'draft',
      data: { vas_mm: 35, side: 'left' },
    });
  });

  it('a replayed row does not share its form data with an earlier state', () => {
    const first = audit('INSERT', 'form_records', 'r1', { 'data.a': [null, 1] });
    const early = replayAuditRows([first]).get('form_records')?.get('r1')?.data;
    const later = replayAuditRows([first, audit('UPDATE', 'form_records', 'r1', { 'data.b': [null, 2] })])
      .get('form_records')
      ?.get('r1')?.data;
    expect(early).toStrictEqual({ a: 1 });
    expect(later).toStrictEqual({ a: 1, b: 2 });
  });

  it('keeps tables and rows apart', () => {
    const tables = replayAuditRows([
      audit('INSERT', 'visits', 'x', { status: [null, 'planned'] }),
      audit('INSERT', 'form_records', 'x', { status: [null, 'draft'] }),
      audit('INSERT', 'visits', 'y', { status: [null, 'missed'] }),
    ]);
    expect(tables.get('visits')?.get('x')).toStrictEqual({ status: 'planned' });
    expect(tables.get('visits')?.get('y')).toStrictEqual({ status: 'missed' });
    expect(tables.get('form_records')?.get('x')).toStrictEqual({ status: 'draft' });
  });
});

describe('casebookFromReplay', () => {
  const site = { code: 'S01', name: 'Site one' };
  const base = (auditTrail: AuditRowForReplay[]) => ({
    site,
    asOf: '2026-06-01T00:00:00.000Z',
    allocation: { arm: 'A', stratum: 'S01', seq: 4 },
    auditTrail,
    participantId: 'p1',
  });

  const record = (id: string, visit: string, form: string, seq: number) =>
    audit('INSERT', 'form_records', id, {
      visit_code: [null, visit],
      form_code: [null, form],
      seq: [null, seq],
      status: [null, 'complete'],
      version: [null, 2],
    });

  it('the study, the participant as replayed, the site, the allocation, the time and the trail', () => {
    const trail = [
      audit('INSERT', 'participants', 'p1', {
        study_id: [null, 'S01-0001'],
        status: [null, 'screened'],
        screened_at: [null, '2026-03-01T09:00:00.000Z'],
      }),
      audit('UPDATE', 'participants', 'p1', {
        status: ['screened', 'randomized'],
        consent_date: [null, '2026-03-02'],
      }),
      audit('UPDATE', 'participants', 'p1', { randomized_at: [null, '2026-03-03T09:00:00.000Z'] }),
      audit('INSERT', 'participants', 'p2', { study_id: [null, 'S01-0002'] }),
    ];
    const model = casebookFromReplay(lbpTrial, base(trail));
    expect(model).toStrictEqual({
      study: { nctId: lbpTrial.nctId, name: lbpTrial.name },
      definitionVersion: `${lbpTrial.id} v1`,
      site,
      participant: {
        studyId: 'S01-0001',
        status: 'randomized',
        screenedAt: '2026-03-01T09:00:00.000Z',
        consentDate: '2026-03-02',
        randomizedAt: '2026-03-03T09:00:00.000Z',
      },
      allocation: { arm: 'A', stratum: 'S01', seq: 4 },
      asOf: '2026-06-01T00:00:00.000Z',
      visits: [],
      records: [],
      auditTrail: trail,
    });
  });

  it('a participant not in the trail yet: empty strings and nulls, no records', () => {
    const model = casebookFromReplay(lbpTrial, { ...base([]), allocation: null });
    expect(model.participant).toStrictEqual({
      studyId: '',
      status: '',
      screenedAt: null,
      consentDate: null,
      randomizedAt: null,
    });
    expect(model.allocation).toBeNull();
    expect(model.visits).toEqual([]);
    expect(model.records).toEqual([]);
  });

  it('records in the order of the definition: visit, then form, then seq', () => {
    const trail = [
      record('r-m1-vas', 'M1', 'vas', 1),
      record('r-uns', 'UNS', 'vas', 1),
      record('r-other', 'XX', 'vas', 1),
      record('r-bl-odi', 'BL', 'odi', 1),
      record('r-bl-vas-2', 'BL', 'vas', 2),
      record('r-tx', 'TX', 'intervention_tlf_mob', 1),
      record('r-bl-vas-1', 'BL', 'vas', 1),
      record('r-scr-cons', 'SCR', 'consent', 1),
      record('r-scr-elig', 'SCR', 'eligibility', 1),
      record('r-bl-vas-3', 'BL', 'vas', 3),
    ];
    const model = casebookFromReplay(lbpTrial, base(trail));
    expect(model.records.map((r) => r.id)).toEqual([
      'r-scr-elig',
      'r-scr-cons',
      'r-bl-vas-1',
      'r-bl-vas-2',
      'r-bl-vas-3',
      'r-bl-odi',
      'r-m1-vas',
      'r-tx',
      'r-uns',
      'r-other',
    ]);
  });

  it('a record carries its values, data, signatures and queries with their messages in time order', () => {
    const trail = [
      audit('INSERT', 'form_records', 'r1', {
        visit_code: [null, 'BL'],
        form_code: [null, 'vas'],
        seq: [null, 1],
        status: [null, 'draft'],
        version: [null, 1],
        updated_at: [null, '2026-03-04T10:00:00.000Z'],
        'data.vas_mm': [null, 52],
      }),
      audit('UPDATE', 'form_records', 'r1', { status: ['draft', 'signed'], version: [1, 3] }),
      audit('INSERT', 'form_records', 'r2', { visit_code: [null, 'BL'], form_code: [null, 'odi'] }),
      audit('INSERT', 'signatures', 's1', {
        record_id: [null, 'r1'],
        signer_name: [null, 'Dr A'],
        meaning: [null, 'review'],
        signed_at: [null, '2026-03-05T10:00:00.000Z'],
        record_version: [null, 3],
      }),
      audit('INSERT', 'signatures', 's2', {
        record_id: [null, 'r1'],
        signer_name: [null, 'Dr B'],
        meaning: [null, 'approval'],
        signed_at: [null, '2026-03-06T10:00:00.000Z'],
        record_version: [null, 3],
        voided_at: [null, '2026-03-07T10:00:00.000Z'],
        void_reason: [null, 'signed the wrong record'],
      }),
      audit('INSERT', 'signatures', 's3', { record_id: [null, 'r2'], signer_name: [null, 'Dr C'] }),
      audit('INSERT', 'data_queries', 'q1', {
        record_id: [null, 'r1'],
        field: [null, 'vas_mm'],
        status: [null, 'open'],
        opened_at: [null, '2026-03-05T11:00:00.000Z'],
      }),
      audit('INSERT', 'data_queries', 'q2', { record_id: [null, 'r2'], field: [null, 'odi_1'] }),
      audit('INSERT', 'query_messages', 'm2', {
        query_id: [null, 'q1'],
        kind: [null, 'answer'],
        author_role: [null, 'site_staff'],
        message: [null, 'checked the source'],
        created_at: [null, '2026-03-05T13:00:00.000Z'],
      }),
      audit('INSERT', 'query_messages', 'm1', {
        query_id: [null, 'q1'],
        kind: [null, 'open'],
        author_role: [null, 'monitor'],
        message: [null, 'please check'],
        created_at: [null, '2026-03-05T11:00:00.000Z'],
      }),
      audit('INSERT', 'query_messages', 'm3', {
        query_id: [null, 'q1'],
        kind: [null, 'close'],
        author_role: [null, 'monitor'],
        message: [null, 'thanks'],
        created_at: [null, '2026-03-05T14:00:00.000Z'],
      }),
      audit('INSERT', 'query_messages', 'm4', { query_id: [null, 'q2'], message: [null, 'other query'] }),
    ];
    const [r1, r2] = casebookFromReplay(lbpTrial, base(trail)).records;
    expect(r1).toStrictEqual({
      id: 'r1',
      visitCode: 'BL',
      formCode: 'vas',
      seq: 1,
      status: 'signed',
      version: 3,
      updatedAt: '2026-03-04T10:00:00.000Z',
      data: { vas_mm: 52 },
      signatures: [
        {
          signerName: 'Dr A',
          meaning: 'review',
          signedAt: '2026-03-05T10:00:00.000Z',
          recordVersion: 3,
          voidedAt: null,
          voidReason: null,
        },
        {
          signerName: 'Dr B',
          meaning: 'approval',
          signedAt: '2026-03-06T10:00:00.000Z',
          recordVersion: 3,
          voidedAt: '2026-03-07T10:00:00.000Z',
          voidReason: 'signed the wrong record',
        },
      ],
      queries: [
        {
          field: 'vas_mm',
          status: 'open',
          openedAt: '2026-03-05T11:00:00.000Z',
          messages: [
            {
              kind: 'open',
              authorRole: 'monitor',
              message: 'please check',
              createdAt: '2026-03-05T11:00:00.000Z',
            },
            {
              kind: 'answer',
              authorRole: 'site_staff',
              message: 'checked the source',
              createdAt: '2026-03-05T13:00:00.000Z',
            },
            {
              kind: 'close',
              authorRole: 'monitor',
              message: 'thanks',
              createdAt: '2026-03-05T14:00:00.000Z',
            },
          ],
        },
      ],
    });
    // What the trail does not hold: empty strings, nulls, seq and version 1, signature version 0.
    expect(r2).toStrictEqual({
      id: 'r2',
      visitCode: 'BL',
      formCode: 'odi',
      seq: 1,
      status: '',
      version: 1,
      updatedAt: null,
      data: {},
      signatures: [
        { signerName: 'Dr C', meaning: '', signedAt: '', recordVersion: 0, voidedAt: null, voidReason: null },
      ],
      queries: [
        {
          field: 'odi_1',
          status: '',
          openedAt: '',
          messages: [{ kind: '', authorRole: '', message: 'other query', createdAt: '' }],
        },
      ],
    });
  });

  it('messages at the same time keep the order of the trail', () => {
    const msg = (id: string, at: string) =>
      audit('INSERT', 'query_messages', id, {
        query_id: [null, 'q1'],
        message: [null, id],
        created_at: [null, at],
      });
    const trail = [
      record('r1', 'BL', 'vas', 1),
      audit('INSERT', 'data_queries', 'q1', { record_id: [null, 'r1'] }),
      msg('b', '2026-03-05T12:00:00.000Z'),
      msg('c', '2026-03-05T12:00:00.000Z'),
      msg('a', '2026-03-05T11:00:00.000Z'),
      msg('d', '2026-03-05T12:00:00.000Z'),
      msg('e', '2026-03-05T13:00:00.000Z'),
    ];
    const messages = casebookFromReplay(lbpTrial, base(trail)).records[0]?.queries[0]?.messages;
    expect(messages?.map((m) => m.message)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('values that are not strings are printed as strings, numbers that are not numbers fall back', () => {
    const trail = [
      audit('INSERT', 'form_records', 'r1', {
        visit_code: [null, 'BL'],
        form_code: [null, 'vas'],
        seq: [null, '2'],
        version: [null, '7'],
        status: [null, 0],
        updated_at: [null, false],
      }),
    ];
    const [r] = casebookFromReplay(lbpTrial, base(trail)).records;
    expect(r?.seq).toBe(1);
    expect(r?.version).toBe(1);
    expect(r?.status).toBe('0');
    expect(r?.updatedAt).toBe('false');
  });

  it('visits in the order of the definition, with the out-of-window reason or else the missed reason', () => {
    const visit = (id: string, code: string, extra: Record<string, unknown> = {}) =>
      audit('INSERT', 'visits', id, {
        visit_code: [null, code],
        status: [null, 'done'],
        ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, [null, v]])),
      });
    const trail = [
      visit('v-m3', 'M3', { missed_reason: 'moved away' }),
      visit('v-tx', 'TX'),
      visit('v-bl', 'BL', {
        target_date: '2026-03-10',
        window_start: '2026-03-08',
        window_end: '2026-03-12',
        visit_date: '2026-03-13',
        out_of_window_reason: 'holiday',
        missed_reason: 'not used',
      }),
      visit('v-scr', 'SCR'),
      visit('v-w1', 'W1', { out_of_window_reason: null, missed_reason: 'ill' }),
    ];
    const visits = casebookFromReplay(lbpTrial, base(trail)).visits;
    expect(visits.map((v) => v.visitCode)).toEqual(['SCR', 'BL', 'W1', 'M3', 'TX']);
    expect(visits[1]).toStrictEqual({
      visitCode: 'BL',
      targetDate: '2026-03-10',
      windowStart: '2026-03-08',
      windowEnd: '2026-03-12',
      status: 'done',
      visitDate: '2026-03-13',
      note: 'holiday',
    });
    expect(visits[0]).toStrictEqual({
      visitCode: 'SCR',
      targetDate: null,
      windowStart: null,
      windowEnd: null,
      status: 'done',
      visitDate: null,
      note: null,
    });
    expect(visits[2]?.note).toBe('ill');
    expect(visits[3]?.note).toBe('moved away');
  });

  it('a visit, record, signature, query or message without its text has empty text', () => {
    const trail = [
      audit('INSERT', 'visits', 'v1', {}),
      audit('INSERT', 'form_records', 'r1', {}),
      audit('INSERT', 'signatures', 's1', { record_id: [null, 'r1'] }),
      audit('INSERT', 'data_queries', 'q1', { record_id: [null, 'r1'] }),
      audit('INSERT', 'query_messages', 'm1', { query_id: [null, 'q1'] }),
    ];
    const model = casebookFromReplay(lbpTrial, base(trail));
    expect(model.visits[0]?.visitCode).toBe('');
    expect(model.visits[0]?.status).toBe('');
    expect(model.records[0]?.visitCode).toBe('');
    expect(model.records[0]?.formCode).toBe('');
    expect(model.records[0]?.signatures[0]?.signerName).toBe('');
    expect(model.records[0]?.queries[0]?.field).toBe('');
    expect(model.records[0]?.queries[0]?.messages).toStrictEqual([
      { kind: '', authorRole: '', message: '', createdAt: '' },
    ]);
  });

  it('a long thread is in time order too, ties in the order of the trail', () => {
    // Long enough that the sort merges runs rather than inserting one by one.
    const times = Array.from(
      { length: 120 },
      (_, i) => `2026-03-05T${String(10 + ((i * 7) % 5)).padStart(2, '0')}:00:00.000Z`,
    );
    const trail = [
      record('r1', 'BL', 'vas', 1),
      audit('INSERT', 'data_queries', 'q1', { record_id: [null, 'r1'] }),
      ...times.map((at, i) =>
        audit('INSERT', 'query_messages', `m${i}`, {
          query_id: [null, 'q1'],
          message: [null, String(i)],
          created_at: [null, at],
        }),
      ),
    ];
    const messages = casebookFromReplay(lbpTrial, base(trail)).records[0]?.queries[0]?.messages ?? [];
    const expected = times
      .map((at, i) => ({ at, i }))
      .sort((a, b) => (a.at === b.at ? a.i - b.i : a.at < b.at ? -1 : 1))
      .map(({ i }) => String(i));
    expect(messages.map((m) => m.message)).toEqual(expected);
  });
});
