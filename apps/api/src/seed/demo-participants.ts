import type { Db } from '@mini-edc/db';
import { SYSTEM_ACTOR } from '@mini-edc/db';
import {
  baselineVisitOf,
  eligibleAnswers,
  instrumentForm,
  type StudyDefinition,
  screeningVisitOf,
} from '@mini-edc/domain';
import { todayIn } from '../services/clock';
import { saveForm } from '../services/forms';
import { createParticipant, submitEligibility } from '../services/participants';
import { generateList, randomize } from '../services/randomization';
import type { AuthUser } from '../services/sessions';

interface Staff {
  id: string;
  email: string;
  displayName: string;
  siteIds: string[];
}

function daysBefore(today: string, n: number) {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}

/**
 * A handful of demo participants in various states, entered through the same services (and so
 * the same checks and audit trail) as real data: a screen failure, a consented patient awaiting
 * baseline, randomized patients with and without follow-up data, and one still in screening.
 */
export async function seedDemoParticipants(db: Db, study: StudyDefinition, timeZone: string, staff: Staff[]) {
  const env = { db, study, timeZone };
  const today = todayIn(timeZone);
  const eligible = eligibleAnswers(study.eligibility.criteria);
  // The demo data is this trial's (demographics with BMI, VAS and ODI at baseline); the codes come
  // from the definition's roles.
  const forms = {
    screening: screeningVisitOf(study).code,
    baseline: baselineVisitOf(study).code,
    demographics: instrumentForm(study, 'body_mass_index')?.code ?? '',
    vas: instrumentForm(study, 'visual_analogue_scale')?.code ?? '',
    odi: instrumentForm(study, 'oswestry_disability_index')?.code ?? '',
  };
  await generateList(env, {
    ctx: { ...SYSTEM_ACTOR, reason: 'demo seed' },
    name: 'Demo list (not for production)',
  });

  for (const member of staff) {
    const siteId = member.siteIds[0] ?? '';
    const user: AuthUser = {
      id: member.id,
      email: member.email,
      displayName: member.displayName,
      role: 'coordinator',
      locale: 'en',
      mustChangePassword: false,
      siteIds: member.siteIds,
      allocationReleased: false,
      sessionId: 'seed',
      csrfToken: 'seed',
      idleExpiresAt: new Date(),
      absoluteExpiresAt: new Date(),
    };
    const ctx = { actorId: user.id, actorRole: 'coordinator', actorLabel: user.email, reason: 'demo seed' };
    const form = (id: string, visit: string, code: string, data: Record<string, unknown>) =>
      saveForm(env, {
        user,
        ctx,
        participantId: id,
        visitCode: visit,
        formCode: code,
        input: { data, status: 'complete' },
      });
    const consent = (id: string, date: string) =>
      form(id, forms.screening, study.roles.consent.form, {
        [study.roles.consent.dateField]: date,
        [study.roles.consent.versionField]: study.consentVersions[0]?.version,
        obtained_by: user.displayName,
      });
    const screen = async (daysAgo: number, sex: 'male' | 'female', weight: number) => {
      const p = await createParticipant(env, {
        user,
        ctx,
        input: { siteId, screenedAt: daysBefore(today, daysAgo) },
      });
      await form(p.id, forms.screening, forms.demographics, {
        birth_year: 1975 + daysAgo,
        sex,
        height_cm: 170,
        weight_kg: weight,
        pain_duration_months: 6 + daysAgo,
      });
      return p.id;
    };
    const consentAndBaseline = async (id: string, vas: number, odi: number[]) => {
      await submitEligibility(env, { user, ctx, participantId: id, input: { answers: eligible } });
      await consent(id, daysBefore(today, 1));
      await form(id, forms.baseline, forms.vas, {
        vas_mm: vas,
        vas_method: 'electronic',
        assessed_at: new Date().toISOString(),
        assessor_id: user.email,
      });
      await form(id, forms.baseline, forms.odi, {
        odi_version: '2.1a-en',
        ...Object.fromEntries(odi.map((v, i) => [`q${i + 1}`, v])),
      });
    };

    const failed = await screen(6, 'female', 98);
    await submitEligibility(env, {
      user,
      ctx,
      participantId: failed,
      input: { answers: { ...eligible, E2: 'yes' } },
    });

    for (const [vas, odi] of [
      [72, [3, 2, 3, 2, 3, 3, 2, 1, 2, 2]],
      [58, [2, 1, 2, 1, 2, 2, 1, 0, 1, 1]],
    ] as const) {
      const id = await screen(5, 'male', 80);
      await consentAndBaseline(id, vas, [...odi]);
      await randomize(env, { user, ctx, participantId: id });
    }
    const waiting = await screen(3, 'female', 64);
    await submitEligibility(env, { user, ctx, participantId: waiting, input: { answers: eligible } });
    await consent(waiting, today);
    await screen(0, 'male', 75);
  }
}
