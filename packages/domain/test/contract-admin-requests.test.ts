import { describe, expect, it } from 'vitest';
import {
  createSiteRequestSchema,
  createUserRequestSchema,
  idParamsSchema,
  renameSiteRequestSchema,
  resetPasswordRequestSchema,
  updateUserRequestSchema,
} from '../src/contracts/admin';
import {
  casebookQuerySchema,
  listIdParamsSchema,
  participantIdParamsSchema,
  siteIdParamsSchema,
  verifyAllocationRequestSchema,
} from '../src/contracts/allocation-verification';
import { localeRequestSchema, loginRequestSchema, reauthenticateRequestSchema } from '../src/contracts/auth';
import { exportManifestSchema, exportParamsSchema, exportQuerySchema } from '../src/contracts/exports';
import { healthSchema } from '../src/contracts/health';
import {
  generateListRequestSchema,
  importListRequestSchema,
  listChangePreviewRequestSchema,
} from '../src/contracts/randomization';
import {
  amendmentReviewSchema,
  publishAmendmentRequestSchema,
  publishedAmendmentSchema,
} from '../src/contracts/study-amendments';
import { accepted, expectRefusal, expectRefusedAt, refusals, uuid1, uuid2 } from './fixtures/contract-check';

// The admin's requests (contracts/admin.ts, auth.ts, randomization.ts, study-amendments.ts,
// exports.ts, allocation-verification.ts): each rule accepts a good value and refuses a bad one
// at its path with the sentence the API sends.

const password = 'correct horse battery';
const reason3 = 'Give a reason (at least 3 characters)';

describe('sites and users', () => {
  it('create and rename a site: a trimmed code of a capital and two digits, a name of 2 to 120', () => {
    expect(accepted(createSiteRequestSchema, { code: ' S03 ', name: '  Ankara ' })).toEqual({
      code: 'S03',
      name: 'Ankara',
    });
    for (const code of ['s03', 'S3', 'S003', 'SS3']) {
      expectRefusal(
        createSiteRequestSchema,
        { code, name: 'Ankara' },
        'code',
        'Use a letter and two digits, e.g. S03',
      );
    }
    expectRefusal(createSiteRequestSchema, { code: 'S03', name: ' A ' }, 'name', 'Enter the site name');
    expectRefusal(
      createSiteRequestSchema,
      { code: 'S03', name: 'n'.repeat(121) },
      'name',
      'Use at most 120 characters',
    );
    expect(accepted(renameSiteRequestSchema, { name: 'n'.repeat(120) })).toEqual({ name: 'n'.repeat(120) });
    expectRefusal(renameSiteRequestSchema, { name: 'A' }, 'name', 'Enter the site name');
    expectRefusal(renameSiteRequestSchema, { name: 'n'.repeat(121) }, 'name', 'Use at most 120 characters');
    expectRefusedAt(renameSiteRequestSchema, { name: 'Izmir', code: 'S04' }, '');
    expectRefusal(idParamsSchema, { id: 'S03' }, 'id', 'Not a valid id');
  });

  it('create a user: a lower-cased email, a full name, a role, 1 to 50 sites, a long password', () => {
    const user = {
      email: ' Ayse@Example.ORG ',
      displayName: ' Ayşe Y ',
      role: 'coordinator',
      siteIds: [uuid1],
    };
    expect(accepted(createUserRequestSchema, { ...user, temporaryPassword: password })).toEqual({
      email: 'ayse@example.org',
      displayName: 'Ayşe Y',
      role: 'coordinator',
      siteIds: [uuid1],
      temporaryPassword: password,
    });
    const ok = { ...user, temporaryPassword: password };
    expectRefusal(createUserRequestSchema, { ...ok, email: 'ayse' }, 'email', 'Enter a valid email address');
    expect(refusals(createUserRequestSchema, { ...ok, email: `${'a'.repeat(250)}@b.org` })[0]).toEqual({
      path: 'email',
      message: 'Email is too long',
    });
    expectRefusal(
      createUserRequestSchema,
      { ...ok, displayName: ' A ' },
      'displayName',
      'Enter the full name',
    );
    expectRefusal(
      createUserRequestSchema,
      { ...ok, displayName: 'n'.repeat(121) },
      'displayName',
      'Use at most 120 characters',
    );
    expectRefusedAt(createUserRequestSchema, { ...ok, role: 'sponsor' }, 'role');
    expectRefusal(createUserRequestSchema, { ...ok, siteIds: [] }, 'siteIds', 'Choose at least one site');
    expectRefusedAt(createUserRequestSchema, { ...ok, siteIds: Array(51).fill(uuid1) }, 'siteIds');
    expectRefusedAt(createUserRequestSchema, { ...ok, siteIds: ['S01'] }, 'siteIds.0');
    expectRefusal(
      createUserRequestSchema,
      { ...ok, temporaryPassword: 'short' },
      'temporaryPassword',
      'Use at least 12 characters',
    );
    expectRefusedAt(createUserRequestSchema, { ...ok, locale: 'tr' }, '');
  });

  it('update a user with a reason: each change checked as on creation', () => {
    expect(
      accepted(updateUserRequestSchema, {
        displayName: ' New Name ',
        role: 'monitor',
        siteIds: [uuid1, uuid2],
        active: true,
        reason: ' promoted ',
      }),
    ).toEqual({
      displayName: 'New Name',
      role: 'monitor',
      siteIds: [uuid1, uuid2],
      active: true,
      reason: 'promoted',
    });
    expectRefusal(
      updateUserRequestSchema,
      { active: false, reason: ' ab ' },
      'reason',
      'Give a reason for this change',
    );
    expectRefusedAt(updateUserRequestSchema, { active: false, reason: 'r'.repeat(501) }, 'reason');
    expectRefusal(
      updateUserRequestSchema,
      { siteIds: [], reason: 'moved' },
      'siteIds',
      'Choose at least one site',
    );
    expectRefusedAt(updateUserRequestSchema, { siteIds: Array(51).fill(uuid1), reason: 'moved' }, 'siteIds');
    expectRefusal(
      updateUserRequestSchema,
      { displayName: 'A', reason: 'typo' },
      'displayName',
      'Enter the full name',
    );
    expectRefusal(
      resetPasswordRequestSchema,
      { temporaryPassword: 'x'.repeat(201) },
      'temporaryPassword',
      'Use at most 200 characters',
    );
  });
});

describe('sign-in requests', () => {
  it('sign in with an email and a password of 1 to 200 characters', () => {
    expect(accepted(loginRequestSchema, { email: 'A@B.ORG', password: 'p' })).toEqual({
      email: 'a@b.org',
      password: 'p',
    });
    expectRefusal(loginRequestSchema, { email: 'a@b.org', password: '' }, 'password', 'Enter your password');
    expectRefusal(
      loginRequestSchema,
      { email: 'a@b.org', password: 'p'.repeat(201) },
      'password',
      'Password is too long',
    );
    expectRefusal(
      loginRequestSchema,
      { email: 'ab.org', password: 'p' },
      'email',
      'Enter a valid email address',
    );
    expectRefusal(reauthenticateRequestSchema, { password: '' }, 'password', 'Enter your password');
    expectRefusedAt(reauthenticateRequestSchema, { password: 'p'.repeat(201) }, 'password');
    expect(accepted(localeRequestSchema, { locale: 'tr' })).toEqual({ locale: 'tr' });
    expectRefusedAt(localeRequestSchema, { locale: 'de' }, 'locale');
  });
});

describe('randomization list requests', () => {
  it('generate a list by name; a correction adds a reason, the password and some strata', () => {
    expect(accepted(generateListRequestSchema, { name: '  List A ' })).toEqual({ name: 'List A' });
    expect(
      accepted(generateListRequestSchema, {
        name: 'List B',
        reason: ' new site ',
        password: 'p',
        strata: ['S04'],
      }),
    ).toEqual({ name: 'List B', reason: 'new site', password: 'p', strata: ['S04'] });
    const name = 'Name the list (at least 3 characters)';
    expectRefusal(generateListRequestSchema, { name: ' ab ' }, 'name', name);
    expectRefusedAt(generateListRequestSchema, { name: 'n'.repeat(121) }, 'name');
    expectRefusal(generateListRequestSchema, { name: 'List', reason: 'ab' }, 'reason', reason3);
    expectRefusedAt(generateListRequestSchema, { name: 'List', reason: 'r'.repeat(1001) }, 'reason');
    expectRefusal(
      generateListRequestSchema,
      { name: 'List', password: '' },
      'password',
      'Enter your password',
    );
    expectRefusedAt(generateListRequestSchema, { name: 'List', password: 'p'.repeat(201) }, 'password');
    expectRefusedAt(generateListRequestSchema, { name: 'List', strata: [] }, 'strata');
    expectRefusedAt(generateListRequestSchema, { name: 'List', strata: [''] }, 'strata.0');
    expectRefusedAt(generateListRequestSchema, { name: 'List', strata: ['s'.repeat(41)] }, 'strata.0');
    expectRefusedAt(generateListRequestSchema, { name: 'List', strata: Array(101).fill('S01') }, 'strata');
    expectRefusedAt(generateListRequestSchema, { name: 'List', seedHex: 'ab' }, '');
  });

  it('import a list from CSV text of at most 2,000,000 characters', () => {
    expect(accepted(importListRequestSchema, { name: 'Imported', csv: 'stratum,seq\n' })).toEqual({
      name: 'Imported',
      csv: 'stratum,seq\n',
    });
    expectRefusal(importListRequestSchema, { name: 'Imported', csv: '' }, 'csv', 'Paste or upload the CSV');
    expectRefusal(
      importListRequestSchema,
      { name: 'Imported', csv: 'x'.repeat(2_000_001) },
      'csv',
      'The file is too large',
    );
    expect(
      accepted(listChangePreviewRequestSchema, { method: 'imported', csv: 'x', strata: ['S01'] }),
    ).toEqual({
      method: 'imported',
      csv: 'x',
      strata: ['S01'],
    });
    expect(accepted(listChangePreviewRequestSchema, { method: 'generated' })).toEqual({
      method: 'generated',
    });
    expectRefusedAt(listChangePreviewRequestSchema, { method: 'manual' }, 'method');
    expectRefusal(
      listChangePreviewRequestSchema,
      { method: 'imported', csv: '' },
      'csv',
      'Paste or upload the CSV',
    );
    expectRefusedAt(listChangePreviewRequestSchema, { method: 'generated', strata: [] }, 'strata');
  });

  it('verify an allocation by list id; casebooks as of a time in English or Turkish', () => {
    expectRefusal(
      verifyAllocationRequestSchema,
      { listId: 'l', csv: 'x' },
      'listId',
      'Choose a randomization list',
    );
    expectRefusal(
      verifyAllocationRequestSchema,
      { listId: uuid1, seedHex: 'g'.repeat(64) },
      'seedHex',
      'The seed is 64 hexadecimal digits',
    );
    expect(
      accepted(verifyAllocationRequestSchema, { listId: uuid1, seedHex: ` ${'A'.repeat(64)} ` }),
    ).toEqual({
      listId: uuid1,
      seedHex: 'A'.repeat(64),
    });
    expectRefusal(verifyAllocationRequestSchema, { listId: uuid1, csv: '' }, 'csv', 'Upload the list file');
    expectRefusal(
      verifyAllocationRequestSchema,
      { listId: uuid1, csv: 'x'.repeat(2_000_001) },
      'csv',
      'The file is too large',
    );
    expectRefusal(listIdParamsSchema, { listId: 'l' }, 'listId', 'Not a valid list id');
    expectRefusal(
      participantIdParamsSchema,
      { participantId: 'p' },
      'participantId',
      'Not a valid participant id',
    );
    expectRefusal(siteIdParamsSchema, { siteId: 's' }, 'siteId', 'Not a valid site id');
    expect(accepted(casebookQuerySchema, { asOf: '2026-06-30T17:00:00Z', lang: 'tr' })).toEqual({
      asOf: '2026-06-30T17:00:00Z',
      lang: 'tr',
    });
    expect(refusals(casebookQuerySchema, { asOf: '2026-06-30' })[0]).toEqual({
      path: 'asOf',
      message: 'Use a date and time like 2026-06-30T17:00:00Z',
    });
    expectRefusedAt(casebookQuerySchema, { lang: 'de' }, 'lang');
    expectRefusedAt(casebookQuerySchema, { site: 'S01' }, '');
  });
});

describe('amendments, exports and health', () => {
  it('publish an amendment with a reason and the password; versions count from 1 and 2', () => {
    expect(accepted(publishAmendmentRequestSchema, { reason: ' v2.0 ', password: 'p' })).toEqual({
      reason: 'v2.0',
      password: 'p',
    });
    expectRefusal(publishAmendmentRequestSchema, { reason: 'v2', password: 'p' }, 'reason', reason3);
    expectRefusedAt(publishAmendmentRequestSchema, { reason: 'r'.repeat(1001), password: 'p' }, 'reason');
    expectRefusal(
      publishAmendmentRequestSchema,
      { reason: 'v2 ok', password: '' },
      'password',
      'Enter your password',
    );
    expectRefusedAt(
      publishAmendmentRequestSchema,
      { reason: 'v2 ok', password: 'p'.repeat(201) },
      'password',
    );
    const draft = {
      id: uuid1,
      createdAt: '2025-06-01T08:00:00Z',
      createdBy: 'admin',
      publishedVersion: null,
    };
    const review = {
      draft,
      baseVersion: 1,
      changes: [{ change: 'form_added', params: { form: 'x' } }],
      conflicts: [{ problem: 'record_orphaned', studyId: 'S01-0001', visit: 'BL', form: 'x' }],
    };
    expect(accepted(amendmentReviewSchema, review)).toEqual(review);
    expectRefusedAt(amendmentReviewSchema, { ...review, baseVersion: 0 }, 'baseVersion');
    expect(accepted(publishedAmendmentSchema, { version: 2, changes: [], scheduledVisits: 0 })).toEqual({
      version: 2,
      changes: [],
      scheduledVisits: 0,
    });
    expectRefusedAt(publishedAmendmentSchema, { version: 1, changes: [], scheduledVisits: 0 }, 'version');
    expectRefusedAt(
      publishedAmendmentSchema,
      { version: 2, changes: [], scheduledVisits: -1 },
      'scheduledVisits',
    );
  });

  it('export with an optional site filter and no other key; a manifest carries lower-case SHA-256', () => {
    expect(accepted(exportQuerySchema, { siteId: uuid1 })).toEqual({ siteId: uuid1 });
    expectRefusal(exportQuerySchema, { siteId: 'S01' }, 'siteId', 'Not a valid site id');
    expectRefusedAt(exportQuerySchema, { site: uuid1 }, '');
    expectRefusal(exportParamsSchema, { exportId: 'e' }, 'exportId', 'Not a valid export id');
    const hex = 'a'.repeat(64);
    const manifest = {
      exportId: uuid1,
      format: 'odm_xml',
      status: 'completed',
      fileName: 'x.xml',
      contentType: 'application/xml',
      exportedBy: { userId: uuid2, email: 'a@b.org', role: 'monitor' },
      blinded: false,
      filters: { siteId: null, siteCodes: ['S01'] },
      study: { nctId: 'NCT00000001', sourceSystem: 'mini-edc' },
      startedAt: '2025-06-01T08:00:00Z',
      finishedAt: null,
      rowCount: 1,
      counts: { participants: 1, records: 2, auditEntries: 3 },
      byteCount: 100,
      sha256: hex,
      auditHead: {
        capturedAt: '2025-06-01T08:00:00Z',
        maxAuditId: 9,
        chains: 2,
        headsDigest: hex,
        global: null,
      },
    };
    expect(accepted(exportManifestSchema, manifest)).toEqual(manifest);
    expectRefusedAt(exportManifestSchema, { ...manifest, sha256: 'A'.repeat(64) }, 'sha256');
    expectRefusedAt(
      exportManifestSchema,
      { ...manifest, auditHead: { ...manifest.auditHead, headsDigest: 'a'.repeat(63) } },
      'auditHead.headsDigest',
    );
    expectRefusedAt(exportManifestSchema, { ...manifest, format: 'xlsx' }, 'format');
  });

  it('health says ok or degraded and which engine answered', () => {
    const health = {
      status: 'degraded',
      database: { reachable: false, engine: 'pglite' },
      study: { id: 'lbp', name: 'LBP' },
      version: '1.0.0',
    };
    expect(accepted(healthSchema, health)).toEqual(health);
    expect(
      accepted(healthSchema, { ...health, status: 'ok', database: { reachable: true, engine: 'pg' } }),
    ).toEqual({
      ...health,
      status: 'ok',
      database: { reachable: true, engine: 'pg' },
    });
    expectRefusedAt(healthSchema, { ...health, status: 'down' }, 'status');
    expectRefusedAt(
      healthSchema,
      { ...health, database: { reachable: true, engine: 'mysql' } },
      'database.engine',
    );
  });
});
