import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, type Page, test } from '@playwright/test';
import { demoPassword } from './api';

/**
 * Signs in through the sign-in form, for the tests whose subject is signing in (auth.spec.ts,
 * admin.spec.ts) or that count the clicks from it; every other test uses `signInByApi`.
 */
export async function signIn(page: Page, email: string) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/**
 * Signs in through the API inside the page's own browser context (`page.request` shares the
 * context's cookies, so the page's next load is signed in); opens no page. Arrange by API, act by
 * UI (docs/testing.md, "End-to-end: time"): the sign-in form is the subject of its own tests. A
 * browser sign-in makes the language chosen on the sign-in page the profile's
 * (apps/web/src/auth/session-context.tsx); this does the same with `locale`, so the app opens in
 * the language the test reads.
 */
export async function signInByApi(page: Page, email: string, locale: 'en' | 'tr' = 'en') {
  const login = await page.request.post('/api/v1/auth/login', {
    data: { email, password: demoPassword },
    headers: { 'x-csrf-token': 'login' },
  });
  expect(login.ok(), `sign-in of ${email}: ${login.status()}`).toBeTruthy();
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const saved = await page.request.put('/api/v1/auth/locale', {
    data: { locale },
    headers: { 'x-csrf-token': csrfToken },
  });
  expect(saved.ok(), `language of ${email}: ${saved.status()}`).toBeTruthy();
}

const screenshots = fileURLToPath(new URL('../../.output/screenshots/', import.meta.url));

/** Saves a full-page screenshot of a main screen for review (e2e/.output/screenshots). */
export async function screenshot(page: Page, name: string) {
  mkdirSync(screenshots, { recursive: true });
  const project = test.info().project.name;
  const suffix = project === 'desktop' ? '' : `-${project}`;
  await page.screenshot({ path: `${screenshots}${name}${suffix}.png`, fullPage: true });
}

/** Ticks one radio of a fieldset group, found by the group's legend. */
export async function choose(page: Page, group: string | RegExp, option: string) {
  await page.getByRole('group', { name: group }).getByRole('radio', { name: option, exact: true }).check();
}
