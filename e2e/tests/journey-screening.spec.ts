import { expect, test } from '@playwright/test';
import { type Criterion, studyCriteria } from './helpers/api';
import { choose, screenshot, signInByApi } from './helpers/ui';

test.use({ locale: 'en-GB' });

test('a coordinator screens a patient who fails one criterion and sees it named', async ({
  page,
  baseURL,
}) => {
  const criteria = await studyCriteria(baseURL ?? '');
  await signInByApi(page, 'coordinator@demo.edc');
  await page.goto('/');
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

  // Step 3: age, BMI and sex propose their criteria (the expected answers for this patient); the
  // rest is answered here. Previous spinal surgery is the one criterion this patient fails.
  await expect(page.getByRole('heading', { name: /Step 3 · Eligibility/ })).toBeVisible();
  const group = (c: Criterion) => page.getByRole('group', { name: new RegExp(`^${c.id}\\.`) });
  const answer = (yes: boolean) => (yes ? 'Yes' : 'No');
  const proposed = criteria.filter((c) => c.derivedFrom && c.derivedFrom !== 'pain_duration');
  const [ageInclusion] = proposed.filter((c) => c.derivedFrom === 'age' && c.expected === 'yes');
  if (!ageInclusion) throw new Error('the definition has no inclusion criterion derived from age');
  await expect(group(ageInclusion)).toContainText('Proposed');
  for (const c of proposed) {
    await expect(group(c).getByRole('radio', { name: answer(c.expected === 'yes') })).toBeChecked();
  }
  const failing = criteria.find((c) => c.textEn === 'Previous spinal surgery');
  if (!failing) throw new Error('the definition has no criterion "Previous spinal surgery"');
  for (const c of criteria.filter((c) => !proposed.includes(c))) {
    await choose(page, new RegExp(`^${c.id}\\.`), answer((c.expected === 'yes') !== (c === failing)));
  }
  await screenshot(page, 'screening-wizard');
  await page.getByRole('button', { name: 'Submit eligibility' }).click();

  const result = page.getByRole('alert');
  await expect(result).toContainText('Not eligible');
  await expect(result).toContainText(`${failing.id} Previous spinal surgery`);
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
