/**
 * Factories for the API tests: users by role (signed in), participants taken to a stage, and
 * records. Everything goes through the HTTP API, so the same checks run and the same audit rows
 * are written as for a real user (docs/testing.md); visit, form and field codes come from the
 * app's study definition, and the eligible answers from its criteria.
 */
import {
  baselineVisitOf,
  eligibleAnswers,
  type FormInstrument,
  instrumentForm,
  type Role,
  type StudyDefinition,
  screeningVisitOf,
} from '@mini-edc/domain';
import type { App } from '../src/app';
import { type NewUserOptions, newUser } from '../src/seed/factories';
import type { TestContext } from './helpers';
import { daysAgo, demographics, odiData, vasData } from './journey-helpers';
import { call, type Session, signIn } from './session';

type Reply = Awaited<ReturnType<typeof call>>;

/** The reply's JSON, or an error naming the step and the server's answer. */
export async function okJson(res: Reply | Promise<Reply>, what: string) {
  const reply = await res;
  if (reply.statusCode >= 300) throw new Error(`${what}: ${reply.statusCode} ${reply.body}`);
  return reply.json();
}

/** A user of `role` at `siteIds`, created in the database (with its audit row) and signed in. */
export async function signedInUser(
  t: TestContext,
  options: { role: Role; siteIds: string[] } & Partial<NewUserOptions>,
) {
  const user = await newUser(t.db.db, options);
  return { ...user, session: await signIn(t.app, user.email, user.password) };
}

/** The stages a participant passes through, in order (docs/requirements.md R-ELIG, R-RAND). */
const stages = ['created', 'screened', 'eligibility', 'consented', 'baseline', 'randomized'] as const;
export type ParticipantStage = (typeof stages)[number];

export interface NewParticipantOptions {
  /** Site staff who enter the data. */
  staff: Session;
  siteId: string;
  /**
   * How far to go: created (screening opened), screened (demographics complete), eligibility
   * (answers submitted), consented, baseline (complete baseline VAS and ODI: ready for
   * randomization), randomized.
   */
  until: ParticipantStage;
  screenedAt?: string;
  /** Demographics fields replacing the defaults (sex, birth year, height, ...). */
  demographics?: Record<string, unknown>;
  /** Criteria answered against their expected answer: a screen failure on these ids. */
  failing?: string[];
  consentDate?: string;
  vas?: Record<string, unknown>;
  odi?: Record<string, unknown>;
}

function formCode(study: StudyDefinition, instrument: FormInstrument) {
  const form = instrumentForm(study, instrument);
  if (!form) throw new Error(`the study definition has no ${instrument} form`);
  return form.code;
}

/** The eligibility answers from the definition's criteria, with `failing` answered the other way. */
export function answersFailing(study: StudyDefinition, failing: readonly string[] = []) {
  const answers = eligibleAnswers(study.eligibility.criteria);
  for (const id of failing) {
    if (!(id in answers)) throw new Error(`no criterion ${id} in the study definition`);
    answers[id] = answers[id] === 'yes' ? 'no' : 'yes';
  }
  return answers;
}

/** A participant at a site, taken through the API as far as `until`; returns its id and URL. */
export async function newParticipant(app: App, options: NewParticipantOptions) {
  const { staff } = options;
  const study = app.study;
  const reached = (stage: ParticipantStage) => stages.indexOf(options.until) >= stages.indexOf(stage);
  const created = await okJson(
    call(app, staff, 'POST', '/api/v1/participants', {
      siteId: options.siteId,
      screenedAt: options.screenedAt ?? daysAgo(2),
    }),
    'create participant',
  );
  const id: string = created.id;
  const url = `/api/v1/participants/${id}`;
  const screening = screeningVisitOf(study).code;
  const baseline = baselineVisitOf(study).code;
  const save = (visit: string, form: string, data: Record<string, unknown>) =>
    okJson(
      call(app, staff, 'PUT', `${url}/visits/${visit}/forms/${form}`, { data, status: 'complete' }),
      `${visit} ${form}`,
    );

  if (reached('screened')) {
    await save(screening, formCode(study, 'body_mass_index'), { ...demographics, ...options.demographics });
  }
  if (reached('eligibility')) {
    const answers = answersFailing(study, options.failing);
    await okJson(call(app, staff, 'PUT', `${url}/eligibility`, { answers }), 'eligibility');
  }
  if (reached('consented')) {
    const consent = study.roles.consent;
    const date = options.consentDate ?? daysAgo(1);
    // The consent form version in effect on the consent date, from the definition's consentVersions.
    const version = study.consentVersions.filter((v) => v.effectiveFrom <= date).at(-1)?.version;
    await save(screening, consent.form, {
      [consent.dateField]: date,
      [consent.versionField]: version,
      obtained_by: 'Dr. Test',
    });
  }
  if (reached('baseline')) {
    await save(baseline, formCode(study, 'visual_analogue_scale'), options.vas ?? vasData(62));
    await save(baseline, formCode(study, 'oswestry_disability_index'), options.odi ?? odiData);
  }
  if (reached('randomized')) await okJson(call(app, staff, 'POST', `${url}/randomize`), 'randomize');
  return { id, url };
}

/** A participant ready for randomization: eligible, consented, complete baseline VAS and ODI. */
export async function readyForRandomization(app: App, staff: Session, siteId: string): Promise<string> {
  return (await newParticipant(app, { staff, siteId, until: 'baseline' })).id;
}

export interface SaveRecordOptions {
  staff: Session;
  participantId: string;
  visit: string;
  form: string;
  data: Record<string, unknown>;
  status?: 'draft' | 'complete';
  /** Needed when the visit is entered outside its window (docs/requirements.md R-VISIT-2). */
  outOfWindowReason?: string;
}

/** A form record saved through the API (complete unless told); returns the saved record. */
export function saveRecord(app: App, options: SaveRecordOptions) {
  const { staff, participantId, visit, form, data } = options;
  return okJson(
    call(app, staff, 'PUT', `/api/v1/participants/${participantId}/visits/${visit}/forms/${form}`, {
      data,
      status: options.status ?? 'complete',
      ...(options.outOfWindowReason ? { outOfWindowReason: options.outOfWindowReason } : {}),
    }),
    `${visit} ${form}`,
  );
}

/** Follow-up VAS (and ODI when given) at a visit after randomization. */
export async function followUpRecords(
  app: App,
  options: Omit<SaveRecordOptions, 'form' | 'data' | 'status'> & {
    vas: Record<string, unknown>;
    odi?: Record<string, unknown>;
  },
) {
  const { vas, odi, ...rest } = options;
  const vasRecord = await saveRecord(app, {
    ...rest,
    form: formCode(app.study, 'visual_analogue_scale'),
    data: vas,
  });
  const odiRecord = odi
    ? await saveRecord(app, { ...rest, form: formCode(app.study, 'oswestry_disability_index'), data: odi })
    : undefined;
  return { vas: vasRecord, odi: odiRecord };
}
