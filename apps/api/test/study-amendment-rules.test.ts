import { selectRows } from '@mini-edc/db';
import { testDbKind } from '@mini-edc/db/testing';
import { addDays, lbpTrial, loadStudyDefinition, type StudyDefinition } from '@mini-edc/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSite } from '../src/seed/factories';
import { auditChanges } from '../src/services/row-fields';
import { readyForRandomization, signedInUser } from './factories';
import { buildTestApp, type TestContext } from './helpers';
import { today } from './journey-helpers';
import { call, type Session } from './session';

// An amendment that changes only a rule (a visit-date rule, a field's date limits or conditional
// requirement) is a change, published with a recorded difference that names it (R-DEF-5;
// docs/study-definition.md "Amendments").
let t: TestContext;
let admin: Session;
let participantId: string;
const password = 'Correct-Horse-42';

beforeAll(async () => {
  t = await buildTestApp({ EDC_LOGIN_RATE_PER_MINUTE: 1000 });
  const siteId = (await newSite(t.db.db, { code: 'A01' })).id;
  admin = (await signedInUser(t, { role: 'admin', siteIds: [siteId], password })).session;
  const staff = (await signedInUser(t, { role: 'coordinator', siteIds: [siteId] })).session;
  // Screening and baseline complete, entered today; the date of birth left empty.
  participantId = await readyForRandomization(t.app, staff, siteId);
}, 300_000);
afterAll(() => t?.close());

async function publishAmendment(definition: StudyDefinition, reason: string) {
  const drafted = await call(t.app, admin, 'POST', '/api/v1/admin/definition/drafts', { definition });
  expect(drafted.statusCode, drafted.body).toBe(201);
  const id: string = drafted.json().id;
  const review = (await call(t.app, admin, 'GET', `/api/v1/admin/definition/drafts/${id}`)).json();
  const published = await call(t.app, admin, 'POST', `/api/v1/admin/definition/drafts/${id}/publish`, {
    password,
    reason,
  });
  return { review, published };
}

const auditedDiff = async (version: number) => {
  const [event] = await selectRows(
    t.db.db,
    { changes: auditChanges },
    sql`select changes from audit_log where action = 'DEFINITION_PUBLISHED' and record_id = ${String(version)}`,
  );
  return event?.changes;
};

describe(`amendments of rules alone on ${testDbKind()}`, () => {
  it('publishes a change of the visit-date rules alone, and records it in the difference', async () => {
    const def = structuredClone(lbpTrial);
    def.visitDates = { ...def.visitDates, notBefore: [{ event: 'screening' }] };
    const { review, published } = await publishAmendment(def, 'Visits from screening on');
    const changes = [{ change: 'setting_changed', params: { setting: 'visitDates' } }];
    expect(review.changes).toEqual(changes);
    expect(review.conflicts).toEqual([]);
    expect(published.statusCode, published.body).toBe(201);
    expect(published.json()).toMatchObject({ version: 2, changes });
    expect(await auditedDiff(2)).toMatchObject({ diff: changes });
    const versions = (await call(t.app, admin, 'GET', '/api/v1/admin/definition/versions')).json();
    expect(versions.at(-1)).toMatchObject({ version: 2, reason: 'Visits from screening on', changes });
    const study = (await call(t.app, admin, 'GET', '/api/v1/study')).json();
    expect(study.definition.visitDates.notBefore).toEqual([{ event: 'screening' }]);
  });

  it('names a field’s date limits, its conditional requirement and a form setting changed together', async () => {
    const def = loadStudyDefinition((await call(t.app, admin, 'GET', '/api/v1/study')).json().definition);
    const adverseEvent = def.forms.find((f) => f.code === 'adverse_event');
    const endDate = adverseEvent?.fields.find((f) => f.name === 'end_date');
    if (!adverseEvent || !endDate) throw new Error('adverse_event.end_date missing');
    endDate.notAfter = [{ date: '2030-12-31' }];
    endDate.requiredWhen = { field: 'serious', in: ['yes'] };
    adverseEvent.repeating = false;
    const { review, published } = await publishAmendment(def, 'Rules of the adverse event form');
    const changes = [
      { change: 'form_settings_changed', params: { form: 'adverse_event' } },
      { change: 'field_condition_changed', params: { form: 'adverse_event', field: 'end_date' } },
      { change: 'field_date_limits_changed', params: { form: 'adverse_event', field: 'end_date' } },
    ];
    expect(review.changes).toEqual(changes);
    expect(published.statusCode, published.body).toBe(201);
    expect(await auditedDiff(3)).toMatchObject({ diff: changes });
  });

  it('still refuses a draft equal to the current version as unchanged', async () => {
    const def = (await call(t.app, admin, 'GET', '/api/v1/study')).json().definition;
    const { review, published } = await publishAmendment(def, 'Nothing');
    expect(review.changes).toEqual([]);
    expect(published.statusCode).toBe(409);
    expect(published.json().error).toMatchObject({ code: 'CONFLICT', messageCode: 'AMENDMENT_UNCHANGED' });
  });

  it('refuses a rule that entered data would break, naming each record in the way', async () => {
    const studyId = (await call(t.app, admin, 'GET', `/api/v1/participants/${participantId}`)).json().studyId;
    const def = loadStudyDefinition((await call(t.app, admin, 'GET', '/api/v1/study')).json().definition);
    const birthDate = def.forms
      .find((f) => f.code === 'demographics')
      ?.fields.find((f) => f.name === 'birth_date');
    if (!birthDate) throw new Error('demographics.birth_date missing');
    birthDate.required = true;
    // Everything was entered today: from tomorrow on, every date entered is implausible.
    def.plausibleDates = { earliest: addDays(today(), 1), latest: '2100-12-31' };
    const { review, published } = await publishAmendment(def, 'Tighter rules');
    expect(review.conflicts).toEqual(
      expect.arrayContaining([
        {
          problem: 'required_value_missing',
          studyId,
          visit: 'SCR',
          form: 'demographics',
          field: 'birth_date',
          value: '',
        },
        expect.objectContaining({
          problem: 'date_out_of_limits',
          studyId,
          visit: 'BL',
          form: 'vas',
          field: 'assessed_at',
        }),
      ]),
    );
    expect(published.statusCode).toBe(409);
    expect(published.json().error.code).toBe('AMENDMENT_CONFLICTS_WITH_DATA');
    expect(published.json().error.fields).toContainEqual(
      expect.objectContaining({
        path: `records.${studyId}.SCR.demographics.birth_date`,
        code: 'required_value_missing',
      }),
    );
  });
});
