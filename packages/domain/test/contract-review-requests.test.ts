import { describe, expect, it } from 'vitest';
import {
  auditFilterSchema,
  auditListQuerySchema,
  auditPageSchema,
  auditVerificationSchema,
  closeQueryRequestSchema,
  createQueryRequestSchema,
  queryListQuerySchema,
  queryMessageRequestSchema,
  queryParamsSchema,
  sdvRequestSchema,
  sdvUndoRequestSchema,
} from '../src/contracts/review';
import { accepted, expectRefusal, expectRefusedAt, refusals, uuid1, uuid2 } from './fixtures/contract-check';

// The monitor's requests (contracts/review.ts): audit review filters and pages, data queries,
// source data verification. Each rule accepts a good value and refuses a bad one at its path with
// the sentence the API sends.

describe('audit review filters', () => {
  it('take ids, an actor, and the action, table, form and field names in their own forms', () => {
    expect(
      accepted(auditFilterSchema, {
        participantId: uuid1,
        siteId: uuid2,
        actorId: '  system ',
        action: 'SIGN_VISIT',
        table: 'form_records',
        form: 'odi2',
        field: 'data.vas_mm',
        fieldText: '  ağrı ',
        from: '2025-06-01T00:00:00Z',
        to: '2025-06-02T00:00:00+03:00',
      }),
    ).toEqual({
      participantId: uuid1,
      siteId: uuid2,
      actorId: 'system',
      action: 'SIGN_VISIT',
      table: 'form_records',
      form: 'odi2',
      field: 'data.vas_mm',
      fieldText: 'ağrı',
      from: '2025-06-01T00:00:00Z',
      to: '2025-06-02T00:00:00+03:00',
    });
    expect(accepted(auditFilterSchema, {})).toEqual({});
    expect(accepted(auditFilterSchema, { action: 'A'.repeat(40), table: 'a'.repeat(60) })).toEqual({
      action: 'A'.repeat(40),
      table: 'a'.repeat(60),
    });
    expect(accepted(auditFilterSchema, { field: 'F'.repeat(100), actorId: 'u'.repeat(100) })).toEqual({
      field: 'F'.repeat(100),
      actorId: 'u'.repeat(100),
    });
  });

  it('refuse each malformed filter at its name with its sentence', () => {
    expectRefusal(auditFilterSchema, { participantId: 'p1' }, 'participantId', 'Not a valid participant id');
    expectRefusal(auditFilterSchema, { siteId: 's1' }, 'siteId', 'Not a valid site id');
    for (const action of ['update', 'A', 'A'.repeat(41), 'UP DATE']) {
      expectRefusal(auditFilterSchema, { action }, 'action', 'An action is upper-case, e.g. UPDATE');
    }
    for (const table of ['Form_records', 'a', 'a'.repeat(61), 'form-records']) {
      expectRefusal(auditFilterSchema, { table }, 'table', 'Not a table name');
    }
    for (const form of ['2odi', 'Vas', '_vas', 'vas-1']) {
      expectRefusal(auditFilterSchema, { form }, 'form', 'Not a form code');
    }
    for (const field of ['', 'data vas', 'F'.repeat(101), 'data.vas;']) {
      expectRefusal(auditFilterSchema, { field }, 'field', 'Not a field name');
    }
    expectRefusedAt(auditFilterSchema, { actorId: '   ' }, 'actorId');
    expectRefusedAt(auditFilterSchema, { actorId: 'u'.repeat(101) }, 'actorId');
    expectRefusedAt(auditFilterSchema, { fieldText: ' ' }, 'fieldText');
    expectRefusedAt(auditFilterSchema, { fieldText: 'w'.repeat(101) }, 'fieldText');
    expectRefusal(
      auditFilterSchema,
      { from: '2025-06-01' },
      'from',
      'Use an ISO date-time like 2026-01-31T08:00:00Z',
    );
    expectRefusal(
      auditFilterSchema,
      { to: '9999-01-01T00:00:00Z' },
      'to',
      'Use a date between 1900-01-01 and 2100-12-31',
    );
  });

  it('page with an opaque cursor and a limit of 1 to 500, 100 by default', () => {
    expect(accepted(auditListQuerySchema, {})).toEqual({ limit: 100 });
    expect(accepted(auditListQuerySchema, { limit: '500', cursor: 'Ab_-9', action: 'LOGIN' })).toEqual({
      limit: 500,
      cursor: 'Ab_-9',
      action: 'LOGIN',
    });
    expect(accepted(auditListQuerySchema, { limit: '1', cursor: 'c'.repeat(120) })).toEqual({
      limit: 1,
      cursor: 'c'.repeat(120),
    });
    for (const limit of ['0', '501', '2.5', 'x']) expectRefusedAt(auditListQuerySchema, { limit }, 'limit');
    for (const cursor of ['', 'a b', 'a=', 'c'.repeat(121)]) {
      expectRefusal(auditListQuerySchema, { cursor }, 'cursor', 'Not a cursor from this API');
    }
    expectRefusal(auditListQuerySchema, { form: 'X' }, 'form', 'Not a form code');
  });

  it('describe a page and a chain verification as the API sends them', () => {
    const page = {
      items: [
        {
          id: 7,
          occurredAt: '2025-06-01T08:00:00.123456Z',
          actor: { id: 'u1', label: 'Ayşe', role: 'coordinator' },
          siteCode: 'S01',
          action: 'UPDATE',
          table: 'form_records',
          recordId: uuid1,
          participantStudyId: 'S01-0001',
          entity: 'form_record',
          verb: 'completed',
          formCode: 'vas',
          visitCode: 'BL',
          changes: [{ field: 'data.vas_mm', old: null, new: 40, item: { kind: 'field', code: 'vas_mm' } }],
          reason: null,
          requestId: 'r1',
          occurrences: { count: 3, lastAt: '2025-06-01T08:00:59Z' },
        },
      ],
      nextCursor: null,
    };
    expect(accepted(auditPageSchema, page)).toEqual(page);
    expectRefusedAt(
      auditPageSchema,
      { ...page, items: [{ ...page.items[0], verb: 'edited' }] },
      'items.0.verb',
    );
    const verification = {
      ok: false,
      rowsChecked: 10,
      chains: 2,
      firstBreak: { id: 4, chainKey: 'p:1', chainSeq: 3, problem: 'head_mismatch' },
    };
    expect(accepted(auditVerificationSchema, verification)).toEqual(verification);
    expectRefusedAt(
      auditVerificationSchema,
      { ...verification, firstBreak: { ...verification.firstBreak, problem: 'other' } },
      'firstBreak.problem',
    );
  });
});

describe('data query requests', () => {
  it('open a query on a field of a record with a trimmed message', () => {
    expect(
      accepted(createQueryRequestSchema, { recordId: uuid1, field: 'odiQ3_b', message: '  Check this  ' }),
    ).toEqual({ recordId: uuid1, field: 'odiQ3_b', message: 'Check this' });
    expect(accepted(queryMessageRequestSchema, { message: 'm'.repeat(2000) })).toEqual({
      message: 'm'.repeat(2000),
    });
    expect(accepted(closeQueryRequestSchema, {})).toEqual({});
    expect(accepted(closeQueryRequestSchema, { message: ' done ' })).toEqual({ message: 'done' });
  });

  it('refuse a missing, blank or long message, a bad field name or record id, and unknown keys', () => {
    const good = { recordId: uuid1, field: 'vas_mm', message: 'Check' };
    expectRefusal(createQueryRequestSchema, { ...good, message: undefined }, 'message', 'Write a message');
    expectRefusal(createQueryRequestSchema, { ...good, message: '   ' }, 'message', 'Write a message');
    expectRefusal(queryMessageRequestSchema, { message: 7 }, 'message', 'Write a message');
    expectRefusal(
      queryMessageRequestSchema,
      { message: 'm'.repeat(2001) },
      'message',
      'At most 2000 characters',
    );
    expectRefusal(closeQueryRequestSchema, { message: ' ' }, 'message', 'Write a message');
    for (const field of ['Vas', '_x', '1a', 'vas mm', 'data.vas']) {
      expectRefusal(createQueryRequestSchema, { ...good, field }, 'field', 'Not a field name');
    }
    expectRefusal(createQueryRequestSchema, { ...good, recordId: 'r' }, 'recordId', 'Not a valid record id');
    expect(refusals(createQueryRequestSchema, { ...good, status: 'open' })).toEqual([
      { path: '', message: 'Unrecognized key: "status"' },
    ]);
    expectRefusedAt(queryMessageRequestSchema, { message: 'x', to: 'y' }, '');
  });

  it('name a query by id and list by status and participant', () => {
    expect(accepted(queryParamsSchema, { id: uuid1 })).toEqual({ id: uuid1 });
    expectRefusal(queryParamsSchema, { id: 'q' }, 'id', 'Not a valid query id');
    expect(accepted(queryListQuerySchema, { status: 'answered', participantId: uuid2 })).toEqual({
      status: 'answered',
      participantId: uuid2,
    });
    for (const status of ['open', 'closed'])
      expect(accepted(queryListQuerySchema, { status })).toEqual({ status });
    expectRefusedAt(queryListQuerySchema, { status: 'reopened' }, 'status');
    expectRefusal(
      queryListQuerySchema,
      { participantId: 'p' },
      'participantId',
      'Not a valid participant id',
    );
  });
});

describe('source data verification requests', () => {
  it('mark one record, or every record of a visit', () => {
    expect(accepted(sdvRequestSchema, { recordId: uuid1 })).toEqual({ recordId: uuid1 });
    expect(accepted(sdvRequestSchema, { participantId: uuid1, visitCode: 'M3_B' })).toEqual({
      participantId: uuid1,
      visitCode: 'M3_B',
    });
    // Both at once is neither form: each is a strict object.
    expect(
      sdvRequestSchema.safeParse({ recordId: uuid1, participantId: uuid1, visitCode: 'BL' }).success,
    ).toBe(false);
    expectRefusal(sdvRequestSchema, { recordId: 'r' }, 'recordId', 'Not a valid record id');
    for (const visitCode of ['bl', '3M', 'B-L']) {
      expectRefusal(sdvRequestSchema, { participantId: uuid1, visitCode }, 'visitCode', 'Not a visit code');
    }
    expectRefusal(
      sdvRequestSchema,
      { participantId: 'p', visitCode: 'BL' },
      'participantId',
      'Not a valid participant id',
    );
  });

  it('undo a mark with a reason of at least 3 characters after trimming', () => {
    expect(accepted(sdvUndoRequestSchema, { recordId: uuid1, reason: '  wrong record ' })).toEqual({
      recordId: uuid1,
      reason: 'wrong record',
    });
    const reason = 'Give a reason (at least 3 characters)';
    expectRefusal(sdvUndoRequestSchema, { recordId: uuid1, reason: ' ab ' }, 'reason', reason);
    expectRefusedAt(sdvUndoRequestSchema, { recordId: uuid1, reason: 'r'.repeat(1001) }, 'reason');
    expect(accepted(sdvUndoRequestSchema, { recordId: uuid1, reason: 'r'.repeat(1000) })).toMatchObject({
      reason: 'r'.repeat(1000),
    });
    expectRefusal(
      sdvUndoRequestSchema,
      { recordId: 'x', reason: 'wrong' },
      'recordId',
      'Not a valid record id',
    );
  });
});
