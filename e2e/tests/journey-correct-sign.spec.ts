import { expect, test } from '@playwright/test';
import { arrangeParticipant, demoPassword } from './helpers/api';
import { signInByApi } from './helpers/ui';

// The browser runs on UTC, not the study's zone (Europe/Istanbul): the form checks "Assessed at"
// against consent on the study's clock, as the server does, so from 21:00 UTC (already tomorrow
// in Istanbul) it still accepts what the server accepts (docs/study-definition.md, date rules).
test.use({ locale: 'en-GB', timezoneId: 'UTC' });

test('an investigator corrects a completed value with a reason, then signs the visit', async ({
  page,
  baseURL,
}) => {
  const participant = await arrangeParticipant(baseURL ?? '', { baseline: true });
  await signInByApi(page, 'investigator@demo.edc');
  await page.goto(`/participants/${participant.id}?tab=baseline`);
  await expect(page.getByRole('heading', { name: participant.studyId, level: 1 })).toBeVisible();

  await page.getByRole('link', { name: 'Open: Pain (VAS)' }).click();
  const form = page.getByRole('form', { name: 'Pain (VAS)' });
  await expect(form).toContainText('Completeversion 1');
  // A completed record opens read-only; Edit makes it a correction.
  await expect(page.getByLabel('Pain VAS (mm)')).toBeDisabled();
  await form.getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Pain VAS (mm)').fill('55');
  // A completed record needs a reason for the change; the form says so beside the field.
  await page.getByRole('button', { name: 'Save correction' }).click();
  const reason = page.getByLabel('Reason for the change');
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  await expect(reason).toHaveAccessibleDescription(/Give a reason\./);
  await expect(page.getByLabel('Pain VAS (mm)')).toHaveValue('55');
  await reason.fill('Transcription error: the mark measures 55 mm on the source form');
  await page.getByRole('button', { name: 'Save correction' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved as complete (version 2).' })).toBeVisible();

  // The history shows who changed what, from what, and why.
  await page.getByRole('button', { name: 'History' }).click();
  const history = page.getByRole('dialog', { name: /History · Pain \(VAS\)/ });
  const change = history.getByRole('row', { name: /Pain VAS/ }).first();
  await expect(change).toContainText('60');
  await expect(change).toContainText('55');
  await expect(history).toContainText('Transcription error: the mark measures 55 mm');
  await expect(history).toContainText('investigator@demo.edc');
  await expect(history).toContainText('(Investigator)');
  await expect(history).toContainText('UTC');
  await history.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('link', { name: `← Back to ${participant.studyId}` }).click();
  const baseline = page.getByRole('region', { name: 'Baseline' });
  await baseline.getByRole('button', { name: 'Sign visit' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign Baseline' });
  await expect(dialog).toContainText('I confirm these data are accurate');
  await dialog.getByLabel('Your password').fill('not-my-password');
  await expect(dialog.getByRole('list', { name: 'You are signing these 2 records:' })).toContainText(
    'Pain (VAS)',
  );
  await dialog.getByRole('button', { name: 'Sign' }).click();
  // One message, beside the password, with the attempts left before the lockout.
  await expect(dialog.getByLabel('Your password')).toHaveAccessibleDescription(/attempts? left/);
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await dialog.getByLabel('Your password').fill(demoPassword);
  await dialog.getByRole('button', { name: 'Sign' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'Baseline: 2 records signed.' })).toBeVisible();
  await expect(baseline.getByText('✓ Signed')).toBeVisible();
  await expect(baseline.getByRole('button', { name: 'Sign visit' })).toHaveCount(0);
  await expect(baseline.getByRole('row', { name: /Pain \(VAS\)/ })).toContainText('Signed');

  await baseline.getByRole('button', { name: 'History: Pain (VAS)' }).click();
  const signed = page.getByRole('dialog', { name: /History · Pain \(VAS\)/ });
  await expect(signed).toContainText('Valid');
  await expect(signed).toContainText('I confirm these data are accurate');
});
