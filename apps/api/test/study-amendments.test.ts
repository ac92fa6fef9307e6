import { schema, selectRows } from '@mini-edc/db';
import { testDbKind } from '@mini-edc/db/testing';
import { addDays, lbpTrial, type StudyDefinition } from '@mini-edc/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateOdm } from '../../../test/xml-check.mjs';
import { buildApp } from '../src/app';
import { testConfig } from '../src/config';
import { newSite } from '../src/seed/factories';
import { auditChanges } from '../src/services/row-fields';
import { download } from './export-seed';
import { readyForRandomization, signedInUser } from './factories';
import { buildTestApp, type TestContext } from './helpers';
import { followUpVasData, today } from './journey-helpers';
import { call, type Session } from './session';

// Protocol amendments published as new definition versions (R-DEF-5, R-DEF-6;
// docs/study-definition.md "Amendments").
let t: TestContext;
let siteId: string;
let admin: Session;
let staff: Session;
let randomizedId: string;
let enrolledId: string;
const password = 'Correct-Horse-42';

beforeAll(async () => {
  t = await buildTestApp({ EDC_LOGIN_RATE_PER_MINUTE: 1000 });
  siteId = (await newSite(t.db.db, { code: 'A01' })).id;
  admin = (await signedInUser(t, { role: 'admin', siteIds: [siteId], password })).session;
  staff = (await signedInUser(t, { role: 'coordinator', siteIds: [siteId] })).session;
  await call(t.app, admin, 'POST', '/api/v1/admin/randomization-lists/generate', { name: 'A list' });
  randomizedId = await readyForRandomization(t.app, staff, siteId);
  expect(
    (await call(t.app, staff, 'POST', `/api/v1/participants/${randomizedId}/randomize`)).statusCode,
  ).toBe(201);
  enrolledId = await readyForRandomization(t.app, staff, siteId);
}, 300_000);
afterAll(() => t?.close());

const clone = (): StudyDefinition => structuredClone(lbpTrial);

/** Version 1 with a month-6 visit and a new optional field on the VAS form. */
function withMonth6(): StudyDefinition {
  const def = clone();
  const m3 = def.visits.find((v) => v.code === 'M3');
  if (!m3) throw new Error('M3 missing');
  def.visits.push({ ...m3, code: 'M6', label: { en: 'Month 6', tr: '6. ay' }, dayOffset: 168 });
  const vas = def.forms.find((f) => f.code === 'vas');
  vas?.fields.push({
    name: 'rescue_medication',
    label: { en: 'Rescue medication taken', tr: 'Kurtarma ilacı alındı' },
    type: 'yes_no',
    required: false,
  });
  return def;
}

async function draft(definition: unknown): Promise<string> {
  const res = await call(t.app, admin, 'POST', '/api/v1/admin/definition/drafts', { definition });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}
const publish = (id: string, body: object) =>
  call(t.app, admin, 'POST', `/api/v1/admin/definition/drafts/${id}/publish`, body);
const versions = async () =>
  (
    await selectRows(
      t.db.db,
      { version: schema.studyDefinitions.version },
      sql`select version from study_definitions order by version`,
    )
  ).map((r) => r.version);
const visitsOf = (id: string) =>
  selectRows(
    t.db.db,
    { visit_code: schema.visits.visitCode, target_date: schema.visits.targetDate },
    sql`select visit_code, target_date::text from visits where participant_id = ${id}::uuid order by target_date`,
  );
const studyIdOf = async (id: string) =>
  (await call(t.app, staff, 'GET', `/api/v1/participants/${id}`)).json().studyId as string;

describe(`study definition amendments on ${testDbKind()}`, () => {
  it('refuses a draft that is not a valid definition, naming the path and the problem by code, and stores nothing', async () => {
    const def = clone();
    def.visits[2] = { ...(def.visits[2] as StudyDefinition['visits'][number]), forms: ['no_such_form'] };
    const res = await call(t.app, admin, 'POST', '/api/v1/admin/definition/drafts', { definition: def });
    expect(res.statusCode).toBe(400);
    // The web words the code with the draft's labels (docs/errors.md "Field codes").
    expect(res.json().error.fields).toEqual([
      {
        path: 'body.definition.visits.2.forms.0',
        code: 'DEF_FORM_UNDEFINED',
        params: { form: 'no_such_form' },
        message: 'The definition has no form “no_such_form”.',
      },
    ]);
    expect(await selectRows(t.db.db, {}, sql`select 1 from study_definition_drafts`)).toHaveLength(0);
  });

  it('only admins draft, review and publish', async () => {
    const res = await call(t.app, staff, 'POST', '/api/v1/admin/definition/drafts', { definition: clone() });
    expect(res.statusCode).toBe(403);
    expect((await call(t.app, staff, 'GET', '/api/v1/admin/definition/versions')).statusCode).toBe(403);
  });

  it('refuses an amendment that would invalidate entered data, naming each record in the way', async () => {
    const def = clone();
    const demographics = def.forms.find((f) => f.code === 'demographics');
    if (!demographics) throw new Error('demographics missing');
    // Height 165 cm was entered: a minimum of 170 would make it invalid.
    demographics.fields = demographics.fields
      .map((f) => (f.name === 'height_cm' ? { ...f, min: 170 } : f))
      .filter((f) => f.name !== 'pain_duration_months');
    // The randomized participant has M1 on the schedule.
    def.visits = def.visits.filter((v) => v.code !== 'M1');
    const id = await draft(def);

    const review = (await call(t.app, admin, 'GET', `/api/v1/admin/definition/drafts/${id}`)).json();
    expect(review.baseVersion).toBe(1);
    expect(review.changes).toEqual(
      expect.arrayContaining([
        { change: 'visit_removed', params: { visit: 'M1' } },
        { change: 'field_removed', params: { form: 'demographics', field: 'pain_duration_months' } },
        { change: 'field_range_changed', params: { form: 'demographics', field: 'height_cm' } },
      ]),
    );
    const randomizedStudyId = await studyIdOf(randomizedId);
    const enrolledStudyId = await studyIdOf(enrolledId);
    expect(review.conflicts).toEqual(
      expect.arrayContaining([
        { problem: 'scheduled_visit_removed', studyId: randomizedStudyId, visit: 'M1' },
        {
          problem: 'value_out_of_range',
          studyId: enrolledStudyId,
          visit: 'SCR',
          form: 'demographics',
          field: 'height_cm',
          value: '165',
        },
        {
          problem: 'field_removed_with_data',
          studyId: randomizedStudyId,
          visit: 'SCR',
          form: 'demographics',
          field: 'pain_duration_months',
          value: '14',
        },
      ]),
    );

    const res = await publish(id, { password, reason: 'Narrow the height range' });
    expect(res.statusCode).toBe(409);
    const error = res.json().error;
    expect(error.code).toBe('AMENDMENT_CONFLICTS_WITH_DATA');
    expect(error.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: `records.${randomizedStudyId}.SCR.demographics.height_cm`,
          code: 'value_out_of_range',
          params: expect.objectContaining({ studyId: randomizedStudyId, field: 'height_cm' }),
        }),
      ]),
    );
    expect(await versions()).toEqual([1]);
  });

  it('publishing needs the password again and a reason; a wrong password publishes nothing', async () => {
    const id = await draft(withMonth6());
    expect((await publish(id, { password })).statusCode).toBe(400);
    const wrong = await publish(id, { password: 'not-the-password-1', reason: 'Month 6 follow-up' });
    expect(wrong.statusCode).toBe(401);
    expect(await versions()).toEqual([1]);
  });

  it('adding a month-6 visit schedules it for randomized participants from their own anchor', async () => {
    const id = await draft(withMonth6());
    const review = (await call(t.app, admin, 'GET', `/api/v1/admin/definition/drafts/${id}`)).json();
    expect(review.conflicts).toEqual([]);
    expect(review.changes).toEqual([
      { change: 'visit_added', params: { visit: 'M6' } },
      { change: 'field_added', params: { form: 'vas', field: 'rescue_medication' } },
    ]);

    const second = await buildApp({ db: t.db, config: testConfig(), logger: false });
    const res = await publish(id, { password, reason: 'Amendment 1: month-6 follow-up' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ version: 2, scheduledVisits: 1 });
    expect(await versions()).toEqual([1, 2]);

    // Randomized today: month 6 is day 168 from randomization, like every other follow-up visit.
    expect(await visitsOf(randomizedId)).toContainEqual({
      visit_code: 'M6',
      target_date: addDays(today(), 168),
    });
    expect(await visitsOf(enrolledId)).toEqual([]);

    // The next request works with version 2, and its audit event carries the difference.
    const study = (await call(t.app, staff, 'GET', '/api/v1/study')).json();
    expect(study.version).toBe(2);
    expect(study.definition.visits.map((v: { code: string }) => v.code)).toContain('M6');
    const [event] = await selectRows(
      t.db.db,
      { changes: auditChanges, reason: schema.auditLog.reason },
      sql`select changes, reason from audit_log where action = 'DEFINITION_PUBLISHED' and record_id = '2'`,
    );
    expect(event?.reason).toBe('Amendment 1: month-6 follow-up');
    expect(event?.changes).toMatchObject({ diff: review.changes, scheduled_visits: 1 });

    // A record entered now states version 2, and the new field is accepted.
    const save = await call(t.app, staff, 'PUT', `/api/v1/participants/${randomizedId}/visits/M6/forms/vas`, {
      data: { ...followUpVasData(30), rescue_medication: 'no' },
      status: 'draft',
      // Month 6 is months away: entering it now needs a reason (R-VISIT-2).
      outOfWindowReason: 'test: month 6 entered early',
    });
    expect(save.statusCode, save.body).toBe(200);
    const [record] = await selectRows(
      t.db.db,
      { definition_version: schema.formRecords.definitionVersion },
      sql`select definition_version from form_records where participant_id = ${randomizedId}::uuid and visit_code = 'M6'`,
    );
    expect(record?.definition_version).toBe(2);

    // A second process started before the amendment takes version 2 when the web asks for it.
    expect(second.studyVersion.version).toBe(1);
    const fromSecond = await call(second, staff, 'GET', '/api/v1/study');
    expect(fromSecond.json().version).toBe(2);
    expect(second.study.visits.map((v) => v.code)).toContain('M6');
    await second.close();

    // The same draft cannot be published twice; the version list shows both.
    expect((await publish(id, { password, reason: 'again' })).statusCode).toBe(409);
    const list = (await call(t.app, admin, 'GET', '/api/v1/admin/definition/versions')).json();
    expect(list.map((v: { version: number }) => v.version)).toEqual([1, 2]);
  });

  it('exports say which version each record was entered under; ODM has one metadata version each', async () => {
    const randomizedStudyId = await studyIdOf(randomizedId);
    const long = (await download(t.app, admin, 'long.csv')).text.split('\r\n').map((l) => l.split(','));
    const header = long[0] ?? [];
    const col = (name: string) => header.indexOf(name);
    const versionsAt = (visit: string) =>
      new Set(
        long
          .filter((r) => r[col('study_id')] === randomizedStudyId && r[col('visit')] === visit)
          .map((r) => r[col('definition_version')]),
      );
    expect(versionsAt('M6')).toEqual(new Set(['2']));
    expect(versionsAt('SCR')).toEqual(new Set(['1']));

    const wide = (await download(t.app, admin, 'wide.csv')).text.split('\r\n').map((l) => l.split(','));
    const row = wide.find((r) => r[0] === randomizedStudyId) ?? [];
    const wideCol = (name: string) => row[(wide[0] ?? []).indexOf(name)];
    expect(wideCol('vas_definition_version_m6')).toBe('2');
    expect(wideCol('vas_definition_version_bl')).toBe('1');
    expect((await download(t.app, admin, 'dictionary.csv')).text).toContain('vas_definition_version_m6');

    for (const session of [admin, staff]) {
      const xml = (await download(t.app, session, 'odm.xml')).text;
      expect(validateOdm(xml)).toEqual({ ok: true, errors: [] });
      expect(xml).toContain('<MetaDataVersion OID="MDV.1"');
      expect(xml).toContain('<MetaDataVersion OID="MDV.2"');
      const blocks = xml.split('<ClinicalData ').slice(1);
      expect(blocks.map((b) => b.match(/MetaDataVersionOID="([^"]+)"/)?.[1])).toEqual(['MDV.1', 'MDV.2']);
      // The month-6 record sits in version 2's clinical data, the screening records in version 1's.
      expect(blocks[1]).toContain('<StudyEventData StudyEventOID="SE.M6">');
      expect(blocks[1]).toContain('I.VAS.RESCUE_MEDICATION');
      expect(blocks[0]).not.toContain('SE.M6');
      expect(blocks[0]).toContain('<StudyEventData StudyEventOID="SE.SCR">');
    }
  });
});
