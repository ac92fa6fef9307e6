import { expect, type Page, test } from '@playwright/test';
import { arrangeParticipant } from './helpers/api';
import { choose, signInByApi } from './helpers/ui';

// The browser runs on UTC, not the study's zone (Europe/Istanbul): the form checks "Assessed at"
// against consent on the study's clock, as the server does, so from 21:00 UTC (already tomorrow
// in Istanbul) it still accepts what the server accepts (docs/study-definition.md, date rules).
test.use({ locale: 'en-GB', timezoneId: 'UTC' });

/** Neither arm code nor any wording of either arm label, in English or Turkish. */
const armText =
  /TLF_MOB|US_D5W|mobili[sz]|dextrose|dekstroz|myofascial|miyofasyal|interfasc|injection|enjeksiyon/i;

async function expectBlind(page: Page) {
  await expect(page.getByRole('main')).not.toHaveText(/^$/);
  // textContent also covers visually hidden text, so nothing is revealed to a screen reader either.
  const text = (await page.locator('body').textContent()) ?? '';
  expect(text, `arm revealed on ${page.url()}`).not.toMatch(armText);
}

test('a blinded assessor enters a follow-up VAS and ODI and never sees the arm', async ({
  page,
  baseURL,
}) => {
  const participant = await arrangeParticipant(baseURL ?? '', { randomize: true });
  await signInByApi(page, 'assessor@demo.edc');
  await page.goto('/');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Participants' }).click();
  const row = page.getByRole('row', { name: new RegExp(participant.studyId) });
  await expect(row).toContainText('Randomized');
  await expect(page.getByRole('columnheader', { name: 'Arm' })).toHaveCount(0);
  await expect(
    page.getByRole('note').filter({ hasText: 'Arm: not shown to blinded assessors.' }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Screen a new patient' })).toHaveCount(0);
  await expectBlind(page);

  await row.getByRole('link', { name: participant.studyId }).click();
  await expect(page.getByRole('heading', { name: participant.studyId, level: 1 })).toBeVisible();
  await expect(page.getByRole('tab')).toHaveText(['Screening', 'Baseline', 'Visits', 'Scores']);
  // What is absent is named in the same neutral words for every participant.
  await expect(
    page.getByRole('note').filter({
      hasText:
        /^Randomization, Treatment, Adverse events, Deviations, End of study: not shown to blinded assessors\.$/,
    }),
  ).toBeVisible();
  await expectBlind(page);
  for (const tab of ['Baseline', 'Scores', 'Visits']) {
    await page.getByRole('tab', { name: tab }).click();
    await expectBlind(page);
  }

  // Week 1: VAS.
  const week1 = page.getByRole('region', { name: 'Week 1' });
  await week1.getByRole('link', { name: 'Enter: Pain (VAS)' }).click();
  await expect(page.getByLabel('Assessor')).toHaveValue('Fatma Assessor');
  await page.getByLabel('Pain VAS (mm)').fill('38');
  await expectBlind(page);
  // Week 1 is days away: entering it now is outside its window and needs a reason (R-VISIT-2).
  await page.getByLabel('Reason for entering outside the window').fill('Patient travels before week 1');
  await page.getByRole('button', { name: 'Save as complete' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved as complete' })).toBeVisible();
  await page.getByRole('link', { name: `← Back to ${participant.studyId}` }).click();

  // Week 1: ODI.
  await page
    .getByRole('region', { name: 'Week 1' })
    .getByRole('link', { name: 'Enter: Oswestry Disability Index' })
    .click();
  const sections = ['1. Pain intensity', '2. Personal care', '3. Lifting', '4. Walking', '5. Sitting'];
  for (const section of sections) await choose(page, section, '1');
  for (const section of ['6. Standing', '7. Sleeping', '9. Social life', '10. Travelling']) {
    await choose(page, section, '2');
  }
  await choose(page, /^8\. Sex life/, '0');
  await expect(page.getByTestId('odi-percent')).toHaveText('26.0%');
  await expectBlind(page);
  await page.getByRole('button', { name: 'Save as complete' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved as complete' })).toBeVisible();
  await page.getByRole('link', { name: `← Back to ${participant.studyId}` }).click();

  const visit = page.getByRole('region', { name: 'Week 1' });
  await expect(visit.getByRole('row', { name: /Pain \(VAS\)/ })).toContainText('38 mm');
  await expect(visit.getByRole('row', { name: /Oswestry/ })).toContainText('26.0%');
  await expectBlind(page);
  await page.getByRole('tab', { name: 'Scores' }).click();
  const scores = page.getByRole('table', { name: 'Scores over time' });
  await expect(scores).toContainText('Week 1');
  // Follow-up values only: no baseline row, no change or MCID column (R-BLIND-2).
  await expect(scores.getByRole('columnheader')).toHaveText(['Visit', 'VAS (mm)', 'ODI (%)']);
  await expect(scores.getByRole('rowheader')).toHaveText(['Week 1']);
  await expect(page.getByText(/MCID reached when/)).toHaveCount(0);
  await expect(
    page.getByRole('note').filter({
      hasText: 'Baseline values, change from baseline and MCID: not shown to blinded assessors.',
    }),
  ).toBeVisible();
  await expectBlind(page);

  // A hidden form opened by its address: no empty form that would suggest nothing was recorded.
  await page.goto(`/participants/${participant.id}/visits/UNS/forms/adverse_event`);
  await expect(page.getByRole('note').filter({ hasText: /^Not shown to blinded assessors$/ })).toBeVisible();
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await expectBlind(page);

  // The dashboard: no per-arm numbers, and a note saying so.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  await expect(
    page.getByRole('note').filter({ hasText: 'Numbers per arm: not shown to blinded assessors.' }),
  ).toBeVisible();
  await expect(page.getByRole('table', { name: 'By arm' })).toHaveCount(0);
  await expectBlind(page);
});
