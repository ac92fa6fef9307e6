import { expect, test } from '@playwright/test';
import { arrangeParticipant, ensureActiveList, today } from './helpers/api';
import { signInByApi } from './helpers/ui';

test.use({ locale: 'en-GB' });

/** The day before `date` (YYYY-MM-DD). */
function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

test('the randomization checklist shows each unmet condition from the shared readiness function', async ({
  page,
  baseURL,
}) => {
  await ensureActiveList(baseURL ?? '');
  const waiting = await arrangeParticipant(baseURL ?? '', {});
  const ready = await arrangeParticipant(baseURL ?? '', { baseline: true });
  await signInByApi(page, 'coordinator@demo.edc');

  await page.goto(`/participants/${waiting.id}?tab=randomization`);
  const checklist = page.locator('ul.checklist');
  await expect(checklist.getByText('Confirmed eligible')).toBeVisible();
  await expect(checklist.locator('li.missing')).not.toHaveCount(0);
  await expect(checklist.locator('li.missing').first()).toContainText('(not met)');
  await expect(page.getByRole('button', { name: 'Randomize' })).toBeDisabled();

  await page.goto(`/participants/${ready.id}?tab=randomization`);
  await expect(page.locator('ul.checklist li.missing')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Randomize' })).toBeEnabled();
});

test('an adverse event ending before its onset is refused beside the end date, and nothing is saved', async ({
  page,
  baseURL,
}) => {
  const p = await arrangeParticipant(baseURL ?? '', { baseline: true, randomize: true });
  await signInByApi(page, 'coordinator@demo.edc');
  await page.goto(`/participants/${p.id}/visits/UNS/forms/adverse_event?seq=1`);
  const onset = today();
  await page.getByLabel('Onset date').fill(onset);
  await page.getByLabel(/^End date/).fill(dayBefore(onset));
  await page.getByRole('button', { name: 'Save as complete' }).click();
  await expect(page.getByText(`End date cannot be before Onset date (${onset})`)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Saved as complete' })).toHaveCount(0);
});
