import { expect, type Page, test } from '@playwright/test';
import { type Criterion, ensureActiveList, studyCriteria } from './helpers/api';
import { choose, screenshot, signInByApi } from './helpers/ui';

test.use({ locale: 'en-GB' });

async function screenEligible(page: Page, criteria: Criterion[]) {
  await page.getByRole('link', { name: 'Screen a new patient' }).click();
  await page.getByRole('button', { name: 'Start screening' }).click();
  await page.getByLabel('Year of birth').fill('1975');
  await choose(page, 'Sex', 'Female');
  await page.getByLabel('Height (cm)').fill('168');
  await page.getByLabel('Weight (kg)').fill('64.5');
  await page.getByLabel('Pain duration (months)').fill('9');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByRole('heading', { name: /Step 3 · Eligibility/ })).toBeVisible();
  // Age and BMI are proposed; for a woman the criterion derived from sex must be asked.
  for (const c of criteria.filter((c) => c.derivedFrom !== 'age' && c.derivedFrom !== 'bmi')) {
    await choose(page, new RegExp(`^${c.id}\\.`), c.expected === 'yes' ? 'Yes' : 'No');
  }
  await page.getByRole('button', { name: 'Submit eligibility' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Eligible' })).toBeVisible();
  await page.getByRole('button', { name: 'Continue to consent' }).click();

  await expect(page.getByRole('heading', { name: /Step 4 · Informed consent/ })).toBeVisible();
  await expect(page.getByLabel('Consent form version')).toHaveValue('1.0');
  await expect(page.getByLabel('Obtained by')).toHaveValue('Can Coordinator');
  await page.getByRole('button', { name: 'Record consent and enrol' }).click();
  await expect(page.getByText(/S01-\d{4} is enrolled\./)).toBeVisible();
  await page.getByRole('link', { name: 'Open participant · baseline' }).click();
}

test('a coordinator screens, consents, enters the baseline, randomizes and sees the schedule', async ({
  page,
  baseURL,
}) => {
  await ensureActiveList(baseURL ?? '');
  await signInByApi(page, 'coordinator@demo.edc');
  await page.goto('/participants');
  await screenEligible(page, await studyCriteria(baseURL ?? ''));

  // Baseline VAS.
  await expect(page.getByRole('tab', { name: 'Baseline' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('link', { name: 'Enter: Pain (VAS)' }).click();
  await page.getByLabel('Pain VAS (mm)').fill('64');
  await page.getByRole('button', { name: 'Save as complete' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved as complete (version 1).' })).toBeVisible();
  await page.getByRole('link', { name: /^← Back to S01-/ }).click();

  // Baseline ODI: the percentage and band follow each answer.
  await page.getByRole('link', { name: 'Enter: Oswestry Disability Index' }).click();
  // The version is the paper form the patient filled, chosen, not taken from the interface language.
  await page.getByRole('radio', { name: 'English ODI v2.1a' }).check();
  const percent = page.getByTestId('odi-percent');
  await expect(percent).toHaveText('—');
  // Keyboard: the first section is answered with the arrow keys.
  await page.getByRole('group', { name: '1. Pain intensity' }).getByRole('radio', { name: '0' }).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(
    page.getByRole('group', { name: '1. Pain intensity' }).getByRole('radio', { name: '3' }),
  ).toBeChecked();
  await expect(percent).toHaveText('60.0%');
  const answers: [string, string][] = [
    ['2. Personal care', '2'],
    ['3. Lifting', '3'],
    ['4. Walking', '2'],
    ['5. Sitting', '3'],
    ['6. Standing', '2'],
    ['7. Sleeping', '1'],
    ['9. Social life', '2'],
    ['10. Travelling', '2'],
  ];
  for (const [section, value] of answers) await choose(page, section, value);
  // 20 of 45 with section 8 blank: 44.4 %, severe disability (41–60 %).
  await expect(percent).toHaveText('44.4%');
  await expect(page.getByText('Severe disability')).toBeVisible();
  await expect(page.getByText('9 of 10')).toBeVisible();
  await screenshot(page, 'odi-form');
  await page.getByRole('button', { name: 'Save as complete' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved as complete (version 1).' })).toBeVisible();
  await page.getByRole('link', { name: /^← Back to S01-/ }).click();

  // Randomization: the dialog says what will happen before anything does.
  await page.getByRole('tab', { name: 'Randomization' }).click();
  await page.getByRole('button', { name: 'Randomize' }).click();
  const dialog = page.getByRole('dialog', { name: /Randomize S01-\d{4}\?/ });
  await expect(dialog).toContainText('assign an arm from the concealed list');
  await expect(dialog).toContainText('cannot be undone');
  await expect(dialog).toContainText('create the follow-up visit schedule');
  await dialog.getByRole('button', { name: 'Yes, randomize now' }).click();

  await expect(page.getByRole('heading', { name: 'Allocation' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(/TLF_MOB|US_D5W/);
  const schedule = page.getByRole('table', { name: 'Visit schedule' });
  await expect(schedule.getByRole('row')).toHaveCount(4);
  for (const visit of ['Week 1', 'Month 1', 'Month 3']) await expect(schedule).toContainText(visit);
  await expect(schedule).toContainText('Upcoming');

  await page.getByRole('tab', { name: 'Visits' }).click();
  await expect(page.getByRole('heading', { name: 'Week 1' })).toBeVisible();
  await screenshot(page, 'participant-schedule');
  await page.getByRole('tab', { name: 'Scores' }).click();
  await expect(page.getByRole('img', { name: /VAS and ODI over visits/ })).toBeVisible();
});
