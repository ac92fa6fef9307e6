import { apiSession, today } from './api';

/** Marks a visit done today with an out-of-window reason, so its forms need none (arrange by API). */
export async function visitDoneToday(baseURL: string, participantId: string, visitCode: string) {
  const coordinator = await apiSession(baseURL, 'coordinator@demo.edc');
  try {
    await coordinator.send('PUT', `/participants/${participantId}/visits/${visitCode}`, {
      status: 'done',
      visitDate: today(),
      outOfWindowReason: 'Patient seen early for travel',
    });
  } finally {
    await coordinator.dispose();
  }
}

/** An adverse event left as a draft (arrange by API), filed under the unscheduled visit. */
export async function adverseEventDraft(baseURL: string, participantId: string) {
  const coordinator = await apiSession(baseURL, 'coordinator@demo.edc');
  try {
    await coordinator.send('PUT', `/participants/${participantId}/visits/UNS/forms/adverse_event`, {
      seq: 1,
      status: 'draft',
      data: { onset_date: today(), description: 'Soreness after the session' },
    });
  } finally {
    await coordinator.dispose();
  }
}

/** A complete Week 1 VAS (arrange by API): the visit's ODI is left not started. */
export async function week1VasOnly(baseURL: string, participantId: string) {
  await visitDoneToday(baseURL, participantId, 'W1');
  const coordinator = await apiSession(baseURL, 'coordinator@demo.edc');
  try {
    await coordinator.send('PUT', `/participants/${participantId}/visits/W1/forms/vas`, {
      data: { vas_mm: 30, vas_method: 'paper', assessed_at: new Date().toISOString(), assessor_id: 'Can' },
      status: 'complete',
    });
  } finally {
    await coordinator.dispose();
  }
}

/**
 * A date-time input's value two minutes from now in the browser's zone (`timeZone`, as the test's
 * `timezoneId`; the machine's when absent): a VAS assessed "now".
 */
export function assessedSoon(timeZone?: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(Date.now() + 120_000));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
}

/**
 * Week 1's VAS and ODI complete (arrange by API), entered early with the reason the window asks
 * for; the visit itself is not marked done, so only its data can make it done.
 */
export async function week1EnteredNotMarked(baseURL: string, participantId: string) {
  const coordinator = await apiSession(baseURL, 'coordinator@demo.edc');
  const outOfWindowReason = 'Patient seen early for travel';
  try {
    await coordinator.send('PUT', `/participants/${participantId}/visits/W1/forms/vas`, {
      data: { vas_mm: 30, vas_method: 'paper', assessed_at: new Date().toISOString(), assessor_id: 'Can' },
      status: 'complete',
      outOfWindowReason,
    });
    await coordinator.send('PUT', `/participants/${participantId}/visits/W1/forms/odi`, {
      data: { odi_version: '2.1a-en', q1: 1, q2: 1, q3: 1, q4: 1, q5: 1, q6: 2, q7: 2, q8: 1, q9: 1, q10: 1 },
      status: 'complete',
      outOfWindowReason,
    });
  } finally {
    await coordinator.dispose();
  }
}
