import { expect, test } from '@playwright/test';
import { choose, screenshot, signIn } from './helpers/ui';

test.use({ locale: 'en-GB' });

test('a coordinator screens a patient who fails one criterion and sees it named', async ({ page }) => {
  await signIn(page, 'coordinator@demo.edc');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Participants' }).click();
  await expect(page.getByRole('heading', { name: 'Participants', level: 1 })).toBeVisible();
  await page.getByRole('link', { name: 'Screen a new patient' }).click();

  // Step 1: one site, so only the screening date (today by default).
  await expect(page.getByRole('heading', { name: 'Step 1 · Site and screening date' })).toBeVisible();
  await expect(page.getByLabel('Screening date')).not.toHaveValue('');
  await page.getByRole('button', { name: 'Start screening' }).click();

  // Step 2: demographics; BMI is computed as the values are typed.
  await expect(page.getByRole('heading', { name: /Step 2 · Demographics/ })).toBeVisible();
  await page.getByLabel('Year of birth').fill('1981');
  await choose(page, 'Sex', 'Male');
  await page.getByLabel('Height (cm)').fill('178');
  await page.getByLabel('Weight (kg)').fill('82');
  await expect(page.getByText('25.9 kg/m²')).toBeVisible();
  await page.getByLabel('Pain duration (months)').fill('18');
  await page.getByRole('button', { name: 'Save and continue' }).click();

  // Step 3: age, BMI and sex propose I1, E1, E2 and E3; the rest is answered here.
  await expect(page.getByRole('heading', { name: /Step 3 · Eligibility/ })).toBeVisible();
  const i1 = page.getByRole('group', { name: /^I1\./ });
  await expect(i1.getByRole('radio', { name: 'Yes' })).toBeChecked();
  await expect(i1).toContainText('Proposed');
  await expect(page.getByRole('group', { name: /^E2\./ }).getByRole('radio', { name: 'No' })).toBeChecked();
  await expect(page.getByRole('group', { name: /^E3\./ }).getByRole('radio', { name: 'No' })).toBeChecked();
  for (const id of ['I2', 'I3', 'I4']) await choose(page, new RegExp(`^${id}\\.`), 'Yes');
  for (const id of ['E4', 'E6', 'E7', 'E8', 'E9', 'E10', 'E11']) {
    await choose(page, new RegExp(`^${id}\\.`), 'No');
  }
  // Previous spinal surgery: the one criterion this patient fails.
  await choose(page, /^E5\./, 'Yes');
  await screenshot(page, 'screening-wizard');
  await page.getByRole('button', { name: 'Submit eligibility' }).click();

  const result = page.getByRole('alert');
  await expect(result).toContainText('Not eligible');
  await expect(result).toContainText('E5 Previous spinal surgery');
  await expect(result.getByRole('listitem')).toHaveCount(1);

  // The list shows the screen failure.
  await page.getByRole('link', { name: 'Open the participant' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/S01-\d{4}/);
  const studyId = (await page.getByRole('heading', { level: 1 }).textContent())?.trim() ?? '';
  await page.getByRole('link', { name: /Back to participants/ }).click();
  await page.getByLabel('Status').selectOption('screen_failed');
  const row = page.getByRole('row', { name: new RegExp(studyId) });
  await expect(row).toContainText('Screen failure');
  await page.getByLabel('Status').selectOption('');
  await screenshot(page, 'participant-list');
});
