import { describe, expect, it } from 'vitest';
import { adminUserSchema, renameSiteRequestSchema, siteSchema } from '../src/contracts/admin';
import {
  allocationVerificationSummarySchema,
  casebookQuerySchema,
  closeoutFileSchema,
} from '../src/contracts/allocation-verification';
import { changePasswordRequestSchema, localeRequestSchema, meResponseSchema } from '../src/contracts/auth';
import { backupStatusSchema } from '../src/contracts/backup';
import {
  eligibilityRequestSchema,
  eligibilityResultSchema,
  formParamsSchema,
  participantDetailBlindedSchema,
  participantDetailSchema,
  participantParamsSchema,
  randomizeResponseSchema,
} from '../src/contracts/participants';
import { consortSvgQuerySchema, dashboardSchema } from '../src/contracts/review-dashboard';
import { emergencyUnblindingSchema } from '../src/contracts/unblinding';
import { accepted, expectRefusal, expectRefusedAt, uuid1, uuid2 } from './fixtures/contract-check';

// More of what the API sends (sessions, sites and users, participants, the dashboard, backups,
// close-out files) and the request rules the first request tests left out: each response keeps
// every key it names and every value its lists allow.

const at = '2025-06-01T08:00:00Z';
const keeps = (schema: Parameters<typeof accepted>[0], value: unknown) =>
  expect(accepted(schema, value)).toEqual(value);

const visit = (status: string) => ({
  id: uuid1,
  visitCode: 'W1',
  targetDate: '2025-06-08',
  windowStart: '2025-06-05',
  windowEnd: '2025-06-11',
  status,
  visitDate: null,
  outOfWindowReason: null,
  missedReason: null,
  windowReasonOnFile: false,
  version: 1,
});
const record = (status: string) => ({
  id: uuid2,
  visitCode: 'BL',
  formCode: 'vas',
  seq: 1,
  status,
  version: 1,
  data: { vas_mm: 40 },
  updatedAt: at,
});
const summary = (sex: string) => ({
  id: uuid1,
  studyId: 'S01-0001',
  siteId: uuid2,
  siteCode: 'S01',
  status: 'randomized',
  sex,
  birthYear: 1980,
  screenedAt: '2025-06-01',
  eligible: true,
  failedCriteria: [],
  consentDate: '2025-06-01',
  screeningClosedReason: null,
  randomized: true,
  nextVisit: visit('upcoming'),
});
const allocation = { arm: 'A', stratum: 'S01', seq: 1, randomizedAt: at };

describe('more response contracts keep what they name', () => {
  it('sites, users and the session', () => {
    keeps(siteSchema, { id: uuid1, code: 'S01', name: 'Ankara', createdAt: at });
    keeps(adminUserSchema, {
      id: uuid1,
      email: 'a@b.org',
      displayName: 'A',
      role: 'assessor',
      active: true,
      mustChangePassword: false,
      locked: false,
      siteIds: [uuid2],
      createdAt: at,
    });
    const user = (locale: string) => ({
      id: uuid1,
      email: 'a@b.org',
      displayName: 'A',
      role: 'investigator',
      locale,
      mustChangePassword: false,
      sites: [{ id: uuid2, code: 'S01', name: 'Ankara' }],
      allocationReleased: false,
    });
    for (const locale of ['en', 'tr']) {
      keeps(meResponseSchema, {
        user: user(locale),
        csrfToken: 't',
        idleExpiresAt: at,
        absoluteExpiresAt: at,
      });
    }
    keeps(meResponseSchema, { user: null });
    expect(
      meResponseSchema.safeParse({
        user: user('de'),
        csrfToken: 't',
        idleExpiresAt: at,
        absoluteExpiresAt: at,
      }).success,
    ).toBe(false);
  });

  it('participants, their visits and records, eligibility and randomization', () => {
    const statuses = ['upcoming', 'due', 'overdue', 'missed', 'done'];
    const recordStatuses = ['draft', 'complete', 'signed', 'locked'];
    statuses.forEach((status, i) => {
      const detail = {
        ...summary(i % 2 ? 'male' : 'female'),
        visits: [visit(status)],
        records: [record(recordStatuses[i % 4] ?? 'draft')],
      };
      keeps(participantDetailBlindedSchema, detail);
      keeps(participantDetailSchema, { ...detail, allocation });
    });
    keeps(participantDetailSchema, { ...summary('female'), allocation: null, visits: [], records: [] });
    keeps(eligibilityResultSchema, { eligible: false, failedCriteria: ['E3'], participant: summary('male') });
    keeps(randomizeResponseSchema, {
      allocation,
      armLabel: 'Exercise',
      visits: [visit('upcoming')],
      created: true,
    });
    keeps(emergencyUnblindingSchema, {
      id: uuid1,
      participantId: uuid2,
      studyId: 'S01-0001',
      siteCode: 'S01',
      unblindedAt: at,
      unblindedBy: 'Dr A',
      reason: 'allergy',
      arm: 'A',
    });
  });

  it('the dashboard with arms', () => {
    const followUp = {
      visitCode: 'W1',
      label: { en: 'Week 1', tr: '1. hafta' },
      followedUp: 1,
      withdrawn: 0,
      missing: 0,
      notYetDue: 0,
    };
    const month = { month: '2025-06', randomized: 1, cumulative: 1 };
    keeps(dashboardSchema, {
      generatedAt: at,
      enrollment: {
        target: 80,
        randomized: 1,
        months: [month],
        bySite: [{ siteId: uuid1, siteCode: 'S01', randomized: 1, months: [month] }],
      },
      consort: {
        assessed: 2,
        excluded: {
          total: 1,
          notEligible: 1,
          byCriterion: [{ criterion: 'E3', count: 1 }],
          eligibleNotRandomized: 0,
          eligibilityPending: 0,
          screeningClosed: 0,
        },
        randomized: 1,
        followUp: [followUp],
        analysed: 1,
        excludedFromAnalysis: 0,
        arms: [
          {
            code: 'A',
            label: { en: 'A', tr: 'A' },
            allocated: 1,
            followUp: [followUp],
            analysed: 1,
            excludedFromAnalysis: 0,
          },
        ],
      },
      visits: [{ visitCode: 'W1', upcoming: 0, due: 1, overdue: 0, missed: 0, done: 1 }],
      queries: { open: 1, answered: 0 },
      emergencyUnblindingCount: 0,
      emergencyUnblindings: [],
    });
  });

  it('backups, allocation verifications and close-out files', () => {
    const backup = (engine: string) => ({
      file: 'b.tar',
      takenAt: at,
      engine,
      bytes: 10,
      verified: true,
      failedChecks: [],
    });
    keeps(backupStatusSchema, {
      folder: '/b',
      maxAgeHours: 24,
      latest: backup('pg'),
      latestVerified: backup('pglite'),
      overdue: false,
      unreadableManifests: 0,
    });
    const mismatch = (expected: string | number) => ({
      kind: 'arm',
      stratum: 'S01',
      seq: 1,
      expected,
      stored: expected,
      studyId: 'S01-0001',
    });
    for (const value of ['A', 3]) {
      keeps(allocationVerificationSummarySchema, {
        id: uuid1,
        listId: uuid2,
        listName: 'List A',
        verifiedAt: at,
        verifiedBy: 'Admin',
        match: false,
        commitmentMatches: true,
        mismatchCount: 1,
        firstMismatch: mismatch(value),
        verdict: 'Mismatch',
        allocations: 3,
        htmlSha256: 'h',
        pdfSha256: 'p',
      });
    }
    keeps(closeoutFileSchema, {
      id: uuid1,
      kind: 'casebook',
      status: 'completed',
      asOf: at,
      language: 'tr',
      startedAt: at,
      finishedAt: null,
      sha256: null,
      byteCount: null,
      manifest: { files: 1 },
    });
  });
});

describe('request rules not yet covered', () => {
  it('trims a site name, names a participant and a form, and takes both languages', () => {
    expect(accepted(renameSiteRequestSchema, { name: ' Izmir ' })).toEqual({ name: 'Izmir' });
    expectRefusal(participantParamsSchema, { id: 'p' }, 'id', 'Not a valid participant id');
    for (const visitCode of ['xW1', 'W1-', 'M3_X!']) {
      expectRefusedAt(formParamsSchema, { id: uuid1, visitCode, formCode: 'vas' }, 'visitCode');
    }
    expect(accepted(formParamsSchema, { id: uuid1, visitCode: 'M3_X', formCode: 'vas' })).toMatchObject({
      visitCode: 'M3_X',
    });
    expectRefusedAt(eligibilityRequestSchema, { answers: {}, reason: ' ab ' }, 'reason');
    for (const locale of ['en', 'tr']) {
      expect(accepted(localeRequestSchema, { locale })).toEqual({ locale });
      expect(accepted(casebookQuerySchema, { lang: locale })).toEqual({ lang: locale });
      expect(accepted(consortSvgQuerySchema, { locale })).toEqual({ locale });
    }
    for (const download of ['0', '1'])
      expect(accepted(consortSvgQuerySchema, { download })).toEqual({ download });
    expectRefusedAt(consortSvgQuerySchema, { download: 'yes' }, 'download');
    expectRefusedAt(consortSvgQuerySchema, { locale: 'de' }, 'locale');
    expectRefusal(
      changePasswordRequestSchema,
      { currentPassword: '', newPassword: 'correct horse battery' },
      'currentPassword',
      'Enter your current password',
    );
  });
});
