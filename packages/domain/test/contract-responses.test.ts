import { describe, expect, it } from 'vitest';
import { errorBodySchema } from '../src/contracts/errors';
import { exportAuditHeadSchema, exportManifestSchema } from '../src/contracts/exports';
import {
  lockRecordResponseSchema,
  recordHistorySchema,
  scoresBlindedResponseSchema,
  scoresResponseSchema,
  signVisitResponseSchema,
  worklistItemSchema,
} from '../src/contracts/lifecycle';
import {
  assignedSlotSchema,
  generateListResponseSchema,
  listChangePreviewSchema,
} from '../src/contracts/randomization';
import { recordGridSchema } from '../src/contracts/record-grid';
import {
  auditVerificationSchema,
  dataQuerySchema,
  participantReviewSchema,
  queryCountsSchema,
  sdvResponseSchema,
} from '../src/contracts/review';
import { amendmentDraftRequestSchema, definitionVersionEntrySchema } from '../src/contracts/study-amendments';
import { preLockChecksSchema, studyLifecycleSchema } from '../src/contracts/study-lifecycle';
import { lbpTrial } from '../src/study/lbp-trial';
import { accepted, expectRefusedAt, uuid1, uuid2 } from './fixtures/contract-check';

// What the API sends (the response contracts): each keeps every key it names and every value its
// lists allow, so a key or a value dropped from a contract shows here, not only in an API test.

const at = '2025-06-01T08:00:00Z';
const hex = 'a'.repeat(64);
const keeps = (schema: Parameters<typeof accepted>[0], value: unknown) =>
  expect(accepted(schema, value)).toEqual(value);

describe('response contracts keep what they name', () => {
  it('the error body', () => {
    keeps(errorBodySchema, {
      error: {
        code: 'VALIDATION_FAILED',
        message: 'Some entries are not valid; see the marked fields.',
        messageCode: 'FIELDS_INVALID',
        params: { n: 1, s: 'x' },
        fields: [
          { path: 'body.x', message: 'Enter 1 or more.', code: 'FIELD_MIN', params: { min: 1, f: 'y' } },
        ],
        current: { version: 2 },
      },
    });
  });

  it('an export manifest and its audit head, with lower-case SHA-256 only', () => {
    const head = {
      capturedAt: at,
      maxAuditId: 9,
      chains: 2,
      headsDigest: hex,
      global: { seq: 3, hash: 'h' },
    };
    keeps(exportAuditHeadSchema, head);
    for (const headsDigest of [`x${hex}`, `${hex}x`]) {
      expectRefusedAt(exportAuditHeadSchema, { ...head, headsDigest }, 'headsDigest');
    }
    const manifest = {
      exportId: uuid1,
      format: 'wide_csv',
      status: 'started',
      fileName: 'x.csv',
      contentType: 'text/csv',
      exportedBy: { userId: uuid2, email: 'a@b.org', role: 'admin' },
      blinded: true,
      filters: { siteId: uuid2, siteCodes: [] },
      study: { nctId: 'NCT00000001', sourceSystem: 'mini-edc' },
      startedAt: at,
      finishedAt: at,
      rowCount: null,
      counts: null,
      byteCount: null,
      sha256: null,
      auditHead: head,
    };
    for (const status of ['started', 'completed', 'failed'])
      keeps(exportManifestSchema, { ...manifest, status });
    for (const sha256 of [`x${hex}`, `${hex}x`])
      expectRefusedAt(exportManifestSchema, { ...manifest, sha256 }, 'sha256');
  });

  it('a worklist item, scores, a signing, a lock and a record history', () => {
    const visit = {
      id: uuid1,
      visitCode: 'W1',
      targetDate: '2025-06-08',
      windowStart: '2025-06-05',
      windowEnd: '2025-06-11',
      status: 'due',
      visitDate: null,
      version: 1,
    };
    keeps(worklistItemSchema, { participantId: uuid1, studyId: 'S01-0001', siteCode: 'S01', visit });
    const point = { visitCode: 'W1', vasMm: 30, odiPctX10: 240 };
    keeps(scoresBlindedResponseSchema, { points: [point] });
    keeps(scoresResponseSchema, {
      thresholds: {
        vas: { absoluteMm: 15, relativeFraction: 0.3 },
        odi: { absolutePoints: 10, relativeFraction: 0.3 },
      },
      points: [
        {
          ...point,
          vasDelta: -20,
          vasResponder: true,
          vasLargeChange: false,
          odiDeltaX10: -100,
          odiResponder: null,
        },
      ],
    });
    keeps(signVisitResponseSchema, { signed: 2, signedAt: at, meaning: 'review' });
    keeps(lockRecordResponseSchema, { id: uuid1, status: 'locked' });
    expectRefusedAt(lockRecordResponseSchema, { id: uuid1, status: 'complete' }, 'status');
    const record = {
      id: uuid1,
      visitCode: 'BL',
      formCode: 'vas',
      seq: 1,
      status: 'signed',
      version: 3,
      data: { vas_mm: 40 },
      updatedAt: at,
    };
    keeps(recordHistorySchema, {
      record,
      history: [
        {
          auditId: 5,
          occurredAt: at,
          actorLabel: 'Ayşe',
          actorRole: 'coordinator',
          action: 'UPDATE',
          reason: 'typo',
          changes: [{ field: 'data.vas_mm', old: 30, new: 40 }],
        },
      ],
      signatures: [
        {
          id: uuid2,
          recordVersion: 3,
          signerName: 'Dr A',
          meaning: 'review',
          contentHash: hex,
          signedAt: at,
          voidedAt: null,
          voidReason: null,
          valid: true,
        },
      ],
    });
  });

  it('a randomization list, its preview and an assigned slot', () => {
    const list = {
      id: uuid1,
      name: 'List A',
      method: 'generated',
      commitment: hex,
      active: true,
      createdAt: at,
      params: { arms: ['A', 'B'] },
      strata: [{ stratum: 'S01', total: 80, assigned: 3 }],
      followsListId: null,
      seqOffsets: { S01: 0 },
      reason: null,
      inUse: true,
    };
    for (const method of ['generated', 'imported']) {
      keeps(generateListResponseSchema, { list: { ...list, method }, seedHex: hex });
    }
    expectRefusedAt(
      generateListResponseSchema,
      { list: { ...list, method: 'manual' }, seedHex: hex },
      'list.method',
    );
    keeps(listChangePreviewSchema, {
      correction: true,
      atLeast: true,
      strata: [{ stratum: 'S01', used: 3, remaining: 77, toAppend: 10, firstNewSeq: 81, added: false }],
      uncovered: ['S04'],
    });
    keeps(assignedSlotSchema, { stratum: 'S01', seq: 1, arm: 'A', studyId: 'S01-0001', assignedAt: at });
  });

  it('the record grid, with every record status and no negative count', () => {
    const cell = {
      visitCode: 'BL',
      formCode: 'vas',
      status: 'draft',
      recordId: uuid2,
      openQueries: 1,
      sdvDone: true,
      outOfWindow: true,
      due: false,
    };
    const series = { code: 'treatment', count: 0, status: 'not_started', openQueries: 0, sdvDone: false };
    const grid = (status: string) => ({
      columns: [{ visitCode: 'BL', formCode: 'vas' }],
      series: [{ code: 'treatment', forms: ['tlf_session'] }],
      rows: [
        {
          participantId: uuid1,
          studyId: 'S01-0001',
          siteId: uuid2,
          siteCode: 'S01',
          participantStatus: 'randomized',
          cells: [{ ...cell, status }],
          series: [{ ...series, status }],
        },
      ],
    });
    for (const status of ['not_started', 'draft', 'complete', 'signed', 'locked'])
      keeps(recordGridSchema, grid(status));
    const row = grid('draft').rows[0];
    expectRefusedAt(
      recordGridSchema,
      { ...grid('draft'), rows: [{ ...row, series: [{ ...series, count: -1 }] }] },
      'rows.0.series.0.count',
    );
    expectRefusedAt(
      recordGridSchema,
      { ...grid('draft'), rows: [{ ...row, series: [{ ...series, openQueries: -1 }] }] },
      'rows.0.series.0.openQueries',
    );
  });

  it('audit verification, queries, query counts, SDV marks and the review state', () => {
    for (const problem of ['hash_mismatch', 'prev_hash_mismatch', 'sequence_gap', 'head_mismatch']) {
      keeps(auditVerificationSchema, {
        ok: false,
        rowsChecked: 3,
        chains: 1,
        firstBreak: { id: 2, chainKey: 'k', chainSeq: 2, problem },
      });
    }
    const query = {
      id: uuid1,
      recordId: uuid2,
      participantId: uuid1,
      participantStudyId: 'S01-0001',
      siteId: uuid2,
      siteCode: 'S01',
      visitCode: 'BL',
      formCode: 'vas',
      field: 'vas_mm',
      status: 'open',
      openedBy: { id: 'u1', name: 'Mon', role: 'monitor' },
      selfCheck: false,
      openedAt: at,
      closedAt: null,
      version: 1,
      messages: [] as unknown[],
    };
    for (const kind of ['open', 'answer', 'close', 'reopen', 'comment']) {
      const message = {
        id: uuid2,
        kind,
        message: 'm',
        authorId: 'u1',
        authorName: null,
        authorRole: 'monitor',
        createdAt: at,
      };
      keeps(dataQuerySchema, { ...query, messages: [message] });
    }
    keeps(queryCountsSchema, {
      total: { open: 1, answered: 2 },
      byParticipant: [{ participantId: uuid1, studyId: 'S01-0001', open: 1, answered: 0 }],
      bySite: [{ siteId: uuid2, siteCode: 'S01', open: 1, answered: 2 }],
    });
    const mark = {
      id: uuid1,
      recordId: uuid2,
      recordVersion: 2,
      verifiedBy: { id: 'u1', name: 'Mon' },
      verifiedAt: at,
      clearedAt: null,
      clearedReason: null,
    };
    keeps(sdvResponseSchema, { marks: [mark], created: 1 });
    const signature = (state: string) => ({
      state,
      signerName: null,
      meaning: null,
      recordVersion: null,
      signedAt: null,
      voidedAt: null,
      voidReason: null,
    });
    const review = (status: string, sdv: string, sig: string) => ({
      participantId: uuid1,
      studyId: 'S01-0001',
      siteCode: 'S01',
      records: [
        {
          recordId: uuid2,
          visitCode: 'BL',
          formCode: 'vas',
          seq: 1,
          status,
          version: 1,
          updatedAt: at,
          sdv: { state: sdv, mark: sdv === 'none' ? null : mark },
          openQueries: 0,
          signature: signature(sig),
        },
      ],
    });
    const statuses = ['draft', 'complete', 'signed', 'locked'];
    const sdvStates = ['verified', 'cleared', 'none'];
    const signatureStates = ['signed', 'voided', 'none'];
    statuses.forEach((status, i) => {
      keeps(
        participantReviewSchema,
        review(status, sdvStates[i % 3] ?? 'none', signatureStates[i % 3] ?? 'none'),
      );
    });
  });

  it('amendment drafts and versions, the study lifecycle and pre-lock checks', () => {
    expect(accepted(amendmentDraftRequestSchema, { definition: lbpTrial })).toMatchObject({
      definition: { id: lbpTrial.id, arms: lbpTrial.arms },
    });
    keeps(definitionVersionEntrySchema, {
      version: 1,
      publishedAt: at,
      publishedBy: null,
      reason: 'first',
      changes: [],
    });
    expectRefusedAt(
      definitionVersionEntrySchema,
      { version: 0, publishedAt: at, publishedBy: null, reason: 'r', changes: [] },
      'version',
    );
    keeps(studyLifecycleSchema, {
      status: { state: 'locked', changedAt: at, lockedAt: at, allocationReleasedAt: null },
      history: [
        {
          auditId: 1,
          occurredAt: at,
          actorLabel: 'Admin',
          action: 'LOCK',
          from: 'entry_closed',
          to: 'locked',
          reason: 'done',
        },
      ],
    });
    keeps(preLockChecksSchema, {
      state: 'entry_closed',
      checks: [
        {
          code: 'open_queries',
          count: 1,
          examples: [
            { studyId: 'S01-0001', visitCode: 'BL', formCode: 'vas', field: 'vas_mm', note: 'open' },
          ],
        },
      ],
      openItems: 1,
      checkedAt: at,
    });
  });
});
