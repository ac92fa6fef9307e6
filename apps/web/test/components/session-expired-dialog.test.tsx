import type { SessionInfo } from '@mini-edc/domain';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SessionExpiredDialog } from '../../src/auth/session-expired-dialog';
import { applyLocale, i18n } from '../../src/i18n';

const t = i18n.t.bind(i18n);
const email = 'nurse@site-a.example';
/** 14:05 UTC is 17:05 in Ankara (GMT+3 all year). */
const endedAt = '2026-12-01T14:05:00.000Z';

const session: SessionInfo = {
  user: {
    id: '00000000-0000-4000-8000-000000000001',
    email,
    displayName: 'Nurse A',
    role: 'coordinator',
    locale: 'en',
    mustChangePassword: false,
    sites: [],
    allocationReleased: false,
  },
  csrfToken: 'token-after-sign-in',
  idleExpiresAt: '2026-12-01T10:30:00.000Z',
  absoluteExpiresAt: '2026-12-01T18:00:00.000Z',
};

/** The API's answers to POST /auth/login, one per call; the requests are kept to be read. */
function serverAnswering(...answers: Array<{ status: number; body: unknown }>) {
  const requests: Request[] = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    requests.push(new Request(new URL(String(input), 'http://localhost'), init));
    const answer = answers.shift();
    if (!answer) throw new Error('no more answers');
    return new Response(JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': 'application/json' },
    });
  });
  return requests;
}

function renderDialog() {
  const onSignedIn = vi.fn<(info: SessionInfo) => void>();
  const onSignOut = vi.fn(async () => undefined);
  const user = userEvent.setup();
  render(
    <>
      <label>
        Note
        <input defaultValue="typed before the session ended" />
      </label>
      <SessionExpiredDialog email={email} endedAt={endedAt} onSignedIn={onSignedIn} onSignOut={onSignOut} />
    </>,
  );
  const dialog = screen.getByRole('dialog', { name: t('sessionEnded.title') });
  return { user, dialog, onSignedIn, onSignOut };
}

// The user's own zone differs from UTC, so a time shown in UTC (or the server's zone) is caught.
const zoneBefore = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Europe/Istanbul';
});
afterAll(() => {
  process.env.TZ = zoneBefore;
});

afterEach(async () => {
  await applyLocale('en');
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('SessionExpiredDialog', () => {
  it('opens as a modal over the page, with the email filled in and the password focused', () => {
    const { dialog } = renderDialog();
    expect((dialog as HTMLDialogElement).open).toBe(true);
    expect(within(dialog).getByLabelText<HTMLInputElement>(t('login.email')).value).toBe(email);
    expect(document.activeElement).toBe(within(dialog).getByLabelText(t('login.password')));
    // The page underneath stays mounted with what was typed in it.
    expect(screen.getByDisplayValue('typed before the session ended')).toBeTruthy();
  });

  it.each([
    ['en', '1 Dec 2026, 17:05 (GMT+3)'],
    ['tr', '1 Ara 2026 17:05 (GMT+3)'],
  ] as const)('says when the session ended in the user’s own zone, worded in %s', async (locale, time) => {
    await applyLocale(locale);
    const { dialog } = renderDialog();
    expect(within(dialog).getByText(t('sessionEnded.at', { time }))).toBeTruthy();
  });

  it('signs in again with the password and hands the new session to the app', async () => {
    const requests = serverAnswering({ status: 200, body: session });
    const { user, dialog, onSignedIn } = renderDialog();
    await user.type(within(dialog).getByLabelText(t('login.password')), 'correct horse battery');
    await user.click(within(dialog).getByRole('button', { name: t('login.submit') }));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(session));
    const [request] = requests;
    expect(request?.method).toBe('POST');
    expect(new URL(request?.url ?? '').pathname).toBe('/api/v1/auth/login');
    expect(await request?.json()).toEqual({ email, password: 'correct horse battery' });
  });

  it('shows a refused password in the interface language, clears it, and keeps the dialog open', async () => {
    serverAnswering({
      status: 401,
      body: { error: { code: 'INVALID_CREDENTIALS', message: 'Invalid email or password' } },
    });
    const { user, dialog, onSignedIn } = renderDialog();
    const password = within(dialog).getByLabelText<HTMLInputElement>(t('login.password'));
    await user.type(password, 'wrong');
    await user.click(within(dialog).getByRole('button', { name: t('login.submit') }));
    expect(await within(dialog).findByText(t('errors.INVALID_CREDENTIALS'))).toBeTruthy();
    expect(password.value).toBe('');
    expect(onSignedIn).not.toHaveBeenCalled();
    expect((dialog as HTMLDialogElement).open).toBe(true);
  });

  it('signs out instead and goes to the sign-in page', async () => {
    const assign = vi.spyOn(window.location, 'assign').mockImplementation(() => undefined);
    const { user, dialog, onSignOut } = renderDialog();
    await user.click(within(dialog).getByRole('button', { name: t('sessionEnded.signOut') }));
    expect(onSignOut).toHaveBeenCalledOnce();
    await waitFor(() => expect(assign).toHaveBeenCalledWith('/login'));
  });
});
