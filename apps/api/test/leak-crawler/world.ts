import type { FormDefinition, FormField, Role, StudyDefinition } from '@mini-edc/domain';
import type { App } from '../../src/app';
import { newSite } from '../../src/seed/factories';
import { readyForRandomization, signedInUser } from '../factories';
import type { TestContext } from '../helpers';
import { daysAgo, followUpVasData, odiData, today } from '../journey-helpers';
import { recordOf } from '../monitor-world';
import { call, type Session } from '../session';

/**
 * The trial the leak crawler walks (R-BLIND-2): participants of both arms at two sites, and in
 * every form that tells the arm (treatment sessions, adverse events with every revealing expected
 * event, a wrong-intervention deviation, end of study) data that names the treatment, in English
 * and Turkish free text. Around it, what unblinded people do with those records: queries and
 * answers, source verification, a signature, a lock, a correction with a reason, an emergency
 * unblinding and exports. Everything is made through the API, as the users would.
 */
export interface LeakWorld {
  assessor: Session;
  /** Site staff, who see everything planted: the control that the needles are findable. */
  coordinator: Session;
  siteIds: string[];
  participantIds: string[];
  /** Ids the crawler substitutes besides those it discovers: every planted id. */
  plantedIds: Set<string>;
  /** Ids of records the assessor must not see at all (hidden forms). */
  hiddenRecordIds: string[];
  /** Each planted free text and the phrases naming a treatment they contain. */
  freeTexts: string[];
  /** The free texts planted in form fields (the rest are queries, reasons and answers). */
  formTexts: string[];
  /** Arms the randomized participants got (the world is useless unless both are there). */
  armsUsed: Set<string>;
}

type Res = Awaited<ReturnType<typeof call>>;
async function ok(res: Res, what: string) {
  if (res.statusCode >= 300) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Texts naming a treatment; a numbered probe keeps each planted field's text unique. */
const treatmentPhrases = [
  'after the dextrose injection',
  'dekstroz enjeksiyonu sonrası',
  'after the fascia mobilization session',
  'fasya mobilizasyonu sonrası',
];

/** A value every field of a form accepts, with free text naming the treatment. */
function plantedValue(field: FormField, text: () => string, choice?: string): unknown {
  if (choice !== undefined) return field.type === 'multi_choice' ? [choice] : choice;
  if (field.allowedValues && field.allowedValues.length > 0) {
    const first = field.allowedValues[0]?.code;
    return field.type === 'multi_choice' ? [first] : first;
  }
  switch (field.type) {
    case 'integer':
      return Math.max(field.min ?? 1, Math.min(field.max ?? 10, 2));
    case 'decimal':
      return Math.max(field.min ?? 1, Math.min(field.max ?? 10, 2.5));
    case 'date':
      return today();
    case 'yes_no':
      return 'yes';
    default:
      return text();
  }
}

export async function buildLeakWorld(t: TestContext, study: StudyDefinition): Promise<LeakWorld> {
  const app: App = t.app;
  const db = t.db.db;
  const siteA = (await newSite(db, { code: 'S01' })).id;
  const siteB = (await newSite(db, { code: 'S02' })).id;
  const sites = [siteA, siteB];
  const sessions = {} as Record<Role, Session>;
  for (const role of ['admin', 'coordinator', 'investigator', 'assessor', 'monitor'] as const) {
    sessions[role] = (await signedInUser(t, { role, siteIds: sites })).session;
  }
  const { coordinator, investigator, monitor, admin } = sessions;
  const plantedIds = new Set<string>([siteA, siteB]);
  const hiddenRecordIds: string[] = [];
  const freeTexts: string[] = [...treatmentPhrases];
  const formTexts: string[] = [];
  let probe = 0;
  const text = () => {
    const phrase = treatmentPhrases[probe % treatmentPhrases.length];
    const planted = `Leak probe ${++probe}: ${phrase}`;
    freeTexts.push(planted);
    return planted;
  };
  await ok(
    await call(app, admin, 'POST', '/api/v1/admin/randomization-lists/generate', { name: 'Leak list' }),
    'list',
  );

  const firstFollowUp = study.visits.find((v) => v.kind === 'follow_up')?.code ?? 'W1';
  const formOf = (code: string): FormDefinition => {
    const form = study.forms.find((f) => f.code === code);
    if (!form) throw new Error(`no form ${code}`);
    return form;
  };
  const formText = () => {
    const planted = text();
    formTexts.push(planted);
    return planted;
  };
  const dataOf = (form: FormDefinition, choices: Record<string, string> = {}) =>
    Object.fromEntries(form.fields.map((f) => [f.name, plantedValue(f, formText, choices[f.name])]));
  // Follow-up forms are entered on the day of randomization, before their visit's window opens.
  const early = 'Entered before the window for the test';
  const save = async (p: string, visit: string, form: string, body: Record<string, unknown>) => {
    const withReason = visit === firstFollowUp ? { ...body, outOfWindowReason: early } : body;
    const saved = await ok(
      await call(
        app,
        coordinator,
        'PUT',
        `/api/v1/participants/${p}/visits/${visit}/forms/${form}`,
        withReason,
      ),
      `${form} at ${visit}`,
    );
    plantedIds.add(saved.id);
    return saved.id as string;
  };
  const hidden = (id: string) => {
    hiddenRecordIds.push(id);
    return id;
  };

  // Four at one site reach both arms whatever the block size (1:1 blocks of 4 or 6), one more
  // at the other site.
  const armsUsed = new Set<string>();
  const participants: { id: string; arm: string }[] = [];
  for (const siteId of [siteA, siteA, siteA, siteA, siteB]) {
    const id = await readyForRandomization(app, coordinator, siteId);
    const r = await ok(await call(app, coordinator, 'POST', `/api/v1/participants/${id}/randomize`), 'rand');
    participants.push({ id, arm: r.allocation.arm });
    armsUsed.add(r.allocation.arm);
    plantedIds.add(id);
  }

  const treatmentVisit = study.roles.treatmentVisit.code;
  const unscheduled = study.roles.unscheduledVisit.code;
  const ae = study.roles.adverseEvent.form;
  const aeValues = study.blinding.revealingValues.filter((v) => v.form === ae).flatMap((v) => v.values);
  const eos = study.roles.endOfParticipation;
  const queryTargets: { recordId: string; field: string }[] = [];
  /** The first participant's first adverse event's texts, replaced by a correction below. */
  const firstAeTexts: string[] = [];

  for (const [i, { id, arm }] of participants.entries()) {
    const armDef = study.arms.find((a) => a.code === arm);
    if (!armDef) throw new Error(`unknown arm ${arm}`);
    // Outcome data the assessor does see, so every outcome surface has something to show.
    await ok(
      await call(
        app,
        sessions.assessor,
        'PUT',
        `/api/v1/participants/${id}/visits/${firstFollowUp}/forms/vas`,
        {
          data: followUpVasData(30 + i),
          status: 'complete',
          outOfWindowReason: early,
        },
      ),
      'follow-up vas',
    );
    await ok(
      await call(
        app,
        sessions.assessor,
        'PUT',
        `/api/v1/participants/${id}/visits/${firstFollowUp}/forms/odi`,
        {
          data: odiData,
          status: 'complete',
          outOfWindowReason: early,
        },
      ),
      'follow-up odi',
    );
    plantedIds.add(await recordOf(t, id, firstFollowUp, 'vas'));
    // Treatment: a complete session with every field filled and a second one in draft.
    const intervention = formOf(armDef.interventionForm);
    const revealingChoice = Object.fromEntries(
      study.blinding.revealingValues
        .filter((v) => v.form === intervention.code)
        .map((v) => [v.field, v.values[0] ?? '']),
    );
    const session1 = hidden(
      await save(id, treatmentVisit, intervention.code, {
        data: dataOf(intervention, revealingChoice),
        status: 'complete',
        seq: 1,
      }),
    );
    hidden(
      await save(id, treatmentVisit, intervention.code, { data: { date: today() }, status: 'draft', seq: 2 }),
    );
    queryTargets.push({ recordId: session1, field: intervention.fields[0]?.name ?? 'date' });
    // Adverse events: one per revealing expected event, and one with a neutral event whose
    // free text still names the treatment.
    const aeForm = formOf(ae);
    const events = [
      ...aeValues,
      ...(aeForm.fields.find((f) => f.name === 'expected_event')?.allowedValues ?? [])
        .map((v) => v.code)
        .filter((c) => !aeValues.includes(c))
        .slice(0, 1),
    ];
    for (const [seq, event] of events.entries()) {
      const before = formTexts.length;
      const recordId = hidden(
        await save(id, firstFollowUp, ae, {
          data: dataOf(aeForm, { expected_event: event, serious: seq === 0 ? 'yes' : 'no' }),
          status: 'complete',
          seq: seq + 1,
        }),
      );
      if (seq === 0) queryTargets.push({ recordId, field: 'description' });
      if (seq === 0 && i === 0) firstAeTexts.push(...formTexts.slice(before));
    }
    // A wrong-intervention deviation on an unscheduled visit.
    const deviation = formOf(study.roles.deviationForm);
    const deviationChoices = Object.fromEntries(
      study.blinding.revealingValues
        .filter((v) => v.form === deviation.code)
        .map((v) => [v.field, v.values[0] ?? '']),
    );
    const deviationId = hidden(
      await save(id, unscheduled, deviation.code, {
        data: dataOf(deviation, deviationChoices),
        status: 'complete',
        seq: 1,
      }),
    );
    queryTargets.push({ recordId: deviationId, field: 'description' });
    // End of study for every other participant: withdrawn, with free text naming the treatment.
    if (i % 2 === 0) {
      const eosForm = formOf(eos.form);
      await save(id, unscheduled, eos.form, {
        data: { ...dataOf(eosForm, { [eos.statusField]: 'withdrawn', reason: 'other' }), date: daysAgo(0) },
        status: 'complete',
      });
    }
  }

  // Visit free text written by site staff who know the arm: why a later visit fell outside its
  // window and why another was missed (R-BLIND-2: a blinded viewer reads neither).
  const [outOfWindowVisit, missedVisit] = study.visits
    .filter((v) => v.kind === 'follow_up')
    .slice(1)
    .map((v) => v.code);
  for (const { id } of participants) {
    const visitUrl = (code: string) => `/api/v1/participants/${id}/visits/${code}`;
    if (outOfWindowVisit) {
      const body = { status: 'done', visitDate: today(), outOfWindowReason: `Out of window: ${text()}` };
      await ok(await call(app, coordinator, 'PUT', visitUrl(outOfWindowVisit), body), 'out of window');
    }
    if (missedVisit) {
      const body = { status: 'missed', missedReason: `Missed: ${text()}` };
      await ok(await call(app, coordinator, 'PUT', visitUrl(missedVisit), body), 'missed visit');
    }
  }

  // What unblinded people do with those records.
  for (const target of queryTargets) {
    const q = await ok(
      await call(app, monitor, 'POST', '/api/v1/queries', { ...target, message: `Query: ${text()}` }),
      'query',
    );
    plantedIds.add(q.id);
    await ok(
      await call(app, coordinator, 'POST', `/api/v1/queries/${q.id}/answer`, {
        message: `Answer: ${text()}`,
      }),
      'answer',
    );
    await ok(
      await call(app, monitor, 'POST', `/api/v1/queries/${q.id}/close`, { message: `Closed: ${text()}` }),
      'close',
    );
  }
  const [firstHidden] = hiddenRecordIds;
  if (firstHidden) {
    await ok(await call(app, monitor, 'POST', '/api/v1/sdv', { recordId: firstHidden }), 'sdv');
    await ok(await call(app, admin, 'POST', `/api/v1/records/${firstHidden}/lock`), 'lock');
  }
  const first = participants[0];
  if (first) {
    // A correction of an adverse event's description, its reason naming the treatment. The
    // replaced text stays a needle (it is in the record's history) but is no longer current data.
    const aeForm = formOf(ae);
    const corrected = dataOf(aeForm, { expected_event: aeValues[0] ?? 'other', serious: 'yes' });
    await save(first.id, firstFollowUp, ae, {
      data: corrected,
      status: 'complete',
      seq: 1,
      reason: `Correction: ${text()}`,
    });
    formTexts.splice(0, formTexts.length, ...formTexts.filter((t) => !firstAeTexts.includes(t)));
    await ok(
      await call(app, investigator, 'POST', `/api/v1/participants/${first.id}/visits/${firstFollowUp}/sign`, {
        password: 'Correct-Horse-42',
      }),
      'sign',
    );
    const unblinding = await ok(
      await call(app, investigator, 'POST', `/api/v1/participants/${first.id}/emergency-unblinding`, {
        reason: `Emergency: ${text()}`,
        password: 'Correct-Horse-42',
      }),
      'unblinding',
    );
    if (typeof unblinding.id === 'string') plantedIds.add(unblinding.id);
  }
  // Exports by unblinded users: their ids are planted too (another user's export is not the
  // assessor's to read).
  for (const [who, path] of [
    [admin, 'wide.csv'],
    [coordinator, 'long.csv'],
    [monitor, 'odm.xml'],
  ] as const) {
    const res = await call(app, who, 'GET', `/api/v1/exports/${path}`);
    const exportId = res.headers['x-export-id'];
    if (typeof exportId === 'string') plantedIds.add(exportId);
  }
  return {
    assessor: sessions.assessor,
    coordinator,
    siteIds: sites,
    participantIds: participants.map((p) => p.id),
    plantedIds,
    hiddenRecordIds,
    freeTexts,
    formTexts,
    armsUsed,
  };
}
