import { type APIRequestContext, expect, request } from '@playwright/test';

/** The demo seed's password (apps/api/src/seed/demo.ts), as `npm start` prints it. */
export const demoPassword = 'Vapur-Pusula-42';

/** A signed-in API session of one demo user, separate from the browser's cookies. */
export interface ApiSession {
  context: APIRequestContext;
  get<T = unknown>(path: string): Promise<T>;
  send<T = unknown>(method: 'POST' | 'PUT' | 'PATCH', path: string, json?: unknown): Promise<T>;
  dispose(): Promise<void>;
}

/** Signs in through the API (arrange by API, act by UI: docs/testing.md). */
export async function apiSession(baseURL: string, email: string): Promise<ApiSession> {
  const context = await request.newContext({ baseURL });
  const login = await context.post('/api/v1/auth/login', {
    data: { email, password: demoPassword },
    headers: { 'x-csrf-token': 'login' },
  });
  expect(login.ok(), `sign-in of ${email}`).toBeTruthy();
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  // The caller names the type it expects; the API's own tests check the shapes.
  const check = async <T>(
    response: Awaited<ReturnType<APIRequestContext['get']>>,
    what: string,
  ): Promise<T> => {
    expect(response.ok(), `${what}: ${response.status()} ${await response.text()}`).toBeTruthy();
    return (await response.json()) as T;
  };
  return {
    context,
    get: async (path) => check(await context.get(`/api/v1${path}`), `GET ${path}`),
    send: async (method, path, json) =>
      check(
        await context.fetch(`/api/v1${path}`, {
          method,
          headers: { 'x-csrf-token': csrfToken },
          ...(json === undefined ? {} : { data: json }),
        }),
        `${method} ${path}`,
      ),
    dispose: () => context.dispose(),
  };
}

/** Makes sure a randomization list is active (an admin generates one on a fresh database). */
export async function ensureActiveList(baseURL: string): Promise<void> {
  const admin = await apiSession(baseURL, 'admin@demo.edc');
  try {
    const lists = await admin.get<{ active: boolean }[]>('/admin/randomization-lists');
    if (!lists.some((l) => l.active)) {
      await admin.send('POST', '/admin/randomization-lists/generate', { name: 'E2E journeys list' });
    }
  } finally {
    await admin.dispose();
  }
}

/**
 * Today's date (YYYY-MM-DD) where the trial runs: the server decides "today" in the study's time
 * zone (EDC_STUDY_TIMEZONE, Europe/Istanbul by default, apps/api/src/config.ts), and from 21:00 UTC
 * the machine's own date is a day behind it (a visit dated so would precede a randomization made
 * the same evening).
 */
export function today(): string {
  // en-CA formats a date as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: process.env.EDC_STUDY_TIMEZONE ?? 'Europe/Istanbul',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

/** An eligibility criterion of the definition in force, as GET /study gives it. */
export interface Criterion {
  id: string;
  textEn: string;
  expected: 'yes' | 'no';
  /** The demographics fact the wizard proposes the answer from, if any. */
  derivedFrom?: 'age' | 'bmi' | 'sex' | 'pain_duration';
}

async function criteriaOf(session: ApiSession): Promise<Criterion[]> {
  const study = await session.get<{ definition: { eligibility: { criteria: Criterion[] } } }>('/study');
  return study.definition.eligibility.criteria;
}

/**
 * The eligibility criteria of the study definition in force, so a spec answers them from the
 * definition (each with its expected answer) rather than naming them by id.
 */
export async function studyCriteria(baseURL: string): Promise<Criterion[]> {
  const coordinator = await apiSession(baseURL, 'coordinator@demo.edc');
  try {
    return await criteriaOf(coordinator);
  } finally {
    await coordinator.dispose();
  }
}

export interface ArrangedParticipant {
  id: string;
  studyId: string;
}

/**
 * A participant at the coordinator's site, screened eligible and consented; optionally with a
 * complete baseline VAS and ODI, and optionally randomized. Each test makes its own.
 */
export async function arrangeParticipant(
  baseURL: string,
  options: { baseline?: boolean; randomize?: boolean; siteCode?: string } = {},
): Promise<ArrangedParticipant> {
  const coordinator = await apiSession(baseURL, 'coordinator@demo.edc');
  try {
    const me = await coordinator.get<{ user: { sites: { id: string; code: string }[] } }>('/auth/me');
    const site = options.siteCode ? me.user.sites.find((s) => s.code === options.siteCode) : me.user.sites[0];
    const siteId = site?.id;
    const p = await coordinator.send<{ id: string; studyId: string }>('POST', '/participants', {
      siteId,
      screenedAt: today(),
    });
    const form = (visit: string, code: string, data: object) =>
      coordinator.send('PUT', `/participants/${p.id}/visits/${visit}/forms/${code}`, {
        data,
        status: 'complete',
      });
    await form('SCR', 'demographics', {
      birth_year: 1979,
      sex: 'female',
      height_cm: 165,
      weight_kg: 62,
      pain_duration_months: 14,
    });
    await coordinator.send('PUT', `/participants/${p.id}/eligibility`, {
      answers: Object.fromEntries((await criteriaOf(coordinator)).map((c) => [c.id, c.expected])),
    });
    await form('SCR', 'consent', {
      consent_date: today(),
      icf_version: '1.0',
      obtained_by: 'Can Coordinator',
    });
    if (options.baseline || options.randomize) {
      await form('BL', 'vas', {
        vas_mm: 60,
        vas_method: 'paper',
        assessed_at: new Date().toISOString(),
        assessor_id: 'Can Coordinator',
      });
      await form('BL', 'odi', {
        odi_version: '2.1a-en',
        q1: 3,
        q2: 2,
        q3: 3,
        q4: 2,
        q5: 3,
        q6: 2,
        q7: 1,
        q8: 2,
        q9: 2,
        q10: 2,
      });
    }
    if (options.randomize) {
      await ensureActiveList(baseURL);
      await coordinator.send('POST', `/participants/${p.id}/randomize`);
    }
    return { id: p.id, studyId: p.studyId };
  } finally {
    await coordinator.dispose();
  }
}
