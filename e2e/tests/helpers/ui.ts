import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, type Page, test } from '@playwright/test';
import { demoPassword } from './api';

export async function signIn(page: Page, email: string) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/** Signs in from the Turkish sign-in page (the browser's language tr-TR picks it). */
export async function signInTr(page: Page, email: string) {
  await page.goto('/login');
  await page.getByLabel('E-posta').fill(email);
  await page.getByLabel('Parola', { exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: 'Giriş yap' }).click();
  await expect(page.getByRole('button', { name: 'Çıkış yap' })).toBeVisible();
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
