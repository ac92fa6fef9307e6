import type { FormField } from '@mini-edc/domain';
import { screen, waitFor } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { defaultsFor } from '../../src/forms/field-defaults';
import { FormFieldInput } from '../../src/forms/form-field-input';
import { formDefinition } from '../../src/forms/study';
import { renderInStudyForm } from './render';

// The web runs the server's date rules on the study's clock (Europe/Istanbul, as setup.ts and the
// server's default EDC_STUDY_TIMEZONE), never the browser's (docs/study-definition.md): here a
// monitor's laptop on UTC at 22:30, when it is already 01:30 the next day in Istanbul.
const zoneBefore = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'UTC';
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-10T22:30:00Z'));
});
afterAll(() => {
  vi.useRealTimers();
  process.env.TZ = zoneBefore;
});

const studyToday = '2026-03-11';
const browserToday = '2026-03-10';

function fieldOf(formCode: string, name: string): FormField {
  const field = formDefinition(formCode).fields.find((f) => f.name === name);
  if (!field) throw new Error(`${formCode}.${name} is not in the study definition`);
  return field;
}

/** Submits one field of a form; resolves to whether the web's rules accept it, and the refusal. */
async function submitted(formCode: string, name: string, value: string, facts = {}) {
  const form = formDefinition(formCode);
  const field = fieldOf(formCode, name);
  const onValid = vi.fn();
  const { user, container, unmount } = renderInStudyForm(
    form,
    <FormFieldInput field={field} disabled={false} />,
    {
      data: { [name]: value },
      // A draft: the form's other fields may stay blank, its date rules still apply.
      mode: 'draft',
      facts: { events: facts },
      onValid,
    },
  );
  await user.click(screen.getByRole('button', { name: 'submit' }));
  await waitFor(() =>
    expect(onValid.mock.calls.length > 0 || container.querySelector('.field-error')).toBeTruthy(),
  );
  const refusal = container.querySelector('.field-error')?.textContent ?? null;
  unmount();
  return { accepted: onValid.mock.calls.length > 0, refusal };
}

describe('a browser on UTC checks dates on the study clock, as the server does', () => {
  it("takes the study's today as today: a consent dated today there is not in the future", async () => {
    expect(new Date().getDate()).toBe(Number(browserToday.slice(8)));
    expect(await submitted('consent', 'consent_date', studyToday, { screening: browserToday })).toEqual({
      accepted: true,
      refusal: null,
    });
    const tomorrow = await submitted('consent', 'consent_date', '2026-03-12', { screening: browserToday });
    expect(tomorrow.accepted).toBe(false);
    // The refusal names the study's today as the bound, as the server's DATE_TOO_LATE does.
    expect(tomorrow.refusal).toContain(studyToday);
  });

  it("proposes the study's today for a new consent", () => {
    const consent = defaultsFor(formDefinition('consent'), {
      seq: 1,
      userName: 'Ayşe',
      language: 'en',
      lastDoneVisit: undefined,
    });
    expect(consent.consent_date).toBe(studyToday);
  });

  it('reads a typed date-time in the browser zone, then compares its day in the study zone with consent', async () => {
    // 22:30 UTC is 01:30 on the day of a consent given this night in Istanbul: the server accepts it.
    expect(await submitted('vas', 'assessed_at', '2026-03-10T22:30:00Z', { consent: studyToday })).toEqual({
      accepted: true,
      refusal: null,
    });
    // 20:30 UTC is 23:30 the day before in Istanbul: before consent, refused by both.
    const before = await submitted('vas', 'assessed_at', '2026-03-10T20:30:00Z', { consent: studyToday });
    expect(before.accepted).toBe(false);
    expect(before.refusal).toContain(studyToday);
  });
});
