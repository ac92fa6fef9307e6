import { expect, type Locator, test } from '@playwright/test';
import { apiSession, arrangeParticipant, demoPassword } from './helpers/api';
import { adverseEventDraft, assessedSoon, visitDoneToday, week1VasOnly } from './helpers/daily';
import { signIn, signInByApi } from './helpers/ui';

// The trial's staff work in Ankara: the browser's clock is the study's (EDC_STUDY_TIMEZONE), and
// the date-times typed here (`assessedSoon`) are in that zone. The web's date rules run on the
// study's clock whatever the browser's zone (docs/study-definition.md, date rules): the assessor
// and correct-and-sign journeys run a browser on UTC.
test.use({ locale: 'en-GB', timezoneId: 'Europe/Istanbul' });

// Desktop runs at the 1366 × 768 of the site's laptops; the tablet project keeps its own size.
test.beforeEach(async ({ page }, info) => {
  if (info.project.name === 'desktop') await page.setViewportSize({ width: 1366, height: 768 });
});

/**
 * A follow-up assessment time just after the randomization the arrange step made: the form's
 * default is the current minute, which can fall before a randomization made seconds ago.
 */
test('sign-in lands on the record grid; its filters and cells work with the keyboard', async ({
  page,
  baseURL,
}) => {
  const participant = await arrangeParticipant(baseURL ?? '', { randomize: true });
  await adverseEventDraft(baseURL ?? '', participant.id);
  await signIn(page, 'coordinator@demo.edc');
  await expect(page).toHaveURL(/\/grid$/);
  await expect(page.getByRole('heading', { name: 'Record status', level: 1 })).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(participant.studyId) });
  const vas = row.getByRole('link', { name: `${participant.studyId}, Baseline, Pain (VAS), Complete` });
  await expect(vas).toBeVisible();
  await expect(row.getByRole('link', { name: /Week 1, Pain \(VAS\), Not started$/ })).toBeVisible();

  // Repeating records: one cell a column with the count, in the colour of the least advanced.
  const events = row.getByRole('link', {
    name: `${participant.studyId}, Adverse event, 1 record, least advanced: Draft, needs your action`,
  });
  await expect(events).toHaveAttribute('data-state', 'draft');
  await expect(row.getByRole('link', { name: /Protocol deviation, none recorded$/ })).toHaveText('0');

  // The adverse event's draft waits for the coordinator: "needs my action" keeps the row; no
  // cell of it is signed, so the "Signed" filter hides it.
  await page.getByLabel('Needs my action').check();
  await expect(row).toBeVisible();
  await page.getByLabel('Needs my action').uncheck();
  await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Signed' });
  await expect(row).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Not started' });
  await expect(row).toBeVisible();

  // The grid is one tab stop; from the participant the arrow keys, End and Home walk the row
  // (screening's consent and demographics, then the baseline VAS), Enter opens the focused form,
  // and a completed record opens read-only, with Edit.
  const grid = page.getByRole('grid', { name: 'Record status' });
  await expect(grid.locator('[tabindex="0"]')).toHaveCount(1);
  const participantLink = row.getByRole('link', { name: participant.studyId, exact: true });
  await participantLink.focus();
  await page.keyboard.press('End');
  await expect(row.getByRole('link', { name: /Protocol deviation/ })).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(events).toBeFocused();
  await page.keyboard.press('Home');
  await expect(participantLink).toBeFocused();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect(vas).toBeFocused();
  await expect(vas).toHaveAttribute('tabindex', '0');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Pain (VAS)', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Pain VAS (mm)')).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Edit' })).toBeVisible();

  // One click from the adverse events cell to the participant's list of them.
  await page.goBack();
  await events.click();
  await expect(page).toHaveURL(new RegExp(`/participants/${participant.id}\\?tab=adverse-events$`));
  await expect(page.getByRole('heading', { name: 'Adverse event', level: 2 })).toBeVisible();
});

test('the monitor filters the grid by site', async ({ page, baseURL }) => {
  const participant = await arrangeParticipant(baseURL ?? '', { randomize: true });
  await signInByApi(page, 'monitor@demo.edc');
  await page.goto('/grid');
  const row = page.getByRole('row', { name: new RegExp(participant.studyId) });
  await expect(row).toBeVisible();
  // The table lays out as a table with the monitor's stylesheets loaded too: a participant's row
  // header sits under the Participant column header (a class of the review page's cards once
  // turned this table into a CSS grid, every row shifted under the form columns).
  const grid = page.getByRole('grid');
  expect(await grid.evaluate((el) => getComputedStyle(el).display)).toBe('table');
  const column = await page.getByRole('columnheader', { name: 'Participant' }).boundingBox();
  const rowHeader = await row.getByRole('rowheader').boundingBox();
  expect(Math.abs((rowHeader?.x ?? -1) - (column?.x ?? -100))).toBeLessThan(2);
  const site = page.getByRole('combobox', { name: 'Site' });
  await site.selectOption({ label: 'S01' });
  await expect(row).toBeVisible();
  await site.selectOption({ label: 'S02' });
  await expect(row).toHaveCount(0);
  await site.selectOption({ label: 'All sites' });
  await expect(row).toBeVisible();
});

test('a complete follow-up (VAS and ODI) takes at most 15 clicks from sign-in', async ({ page, baseURL }) => {
  const participant = await arrangeParticipant(baseURL ?? '', { randomize: true });
  await visitDoneToday(baseURL ?? '', participant.id, 'W1');
  let clicks = 0;
  const click = async (target: Locator) => {
    clicks++;
    await target.click();
  };

  await page.goto('/login');
  await page.getByLabel('Email').fill('coordinator@demo.edc');
  await page.getByLabel('Password', { exact: true }).fill(demoPassword);
  await click(page.getByRole('button', { name: 'Sign in' }));
  const row = page.getByRole('row', { name: new RegExp(participant.studyId) });
  await click(row.getByRole('link', { name: /Week 1, Pain \(VAS\)/ }));
  await page.getByLabel('Pain VAS (mm)').fill('38');
  await page.getByLabel('Assessed at').fill(assessedSoon('Europe/Istanbul'));
  await click(page.getByRole('button', { name: 'Save and go to next form' }));

  await expect(page.getByRole('heading', { name: 'Oswestry Disability Index', level: 1 })).toBeVisible();
  const saved = page.getByRole('status').filter({ hasText: 'Pain (VAS): Saved as complete (version 1).' });
  await expect(saved).toBeInViewport();
  const answers: [string | RegExp, string][] = [
    ['1. Pain intensity', '1'],
    ['2. Personal care', '1'],
    ['3. Lifting', '1'],
    ['4. Walking', '1'],
    ['5. Sitting', '1'],
    ['6. Standing', '2'],
    ['7. Sleeping', '2'],
    [/^8\. Sex life/, '0'],
    ['9. Social life', '2'],
    ['10. Travelling', '2'],
  ];
  for (const [section, option] of answers) {
    await click(page.getByRole('group', { name: section }).getByRole('radio', { name: option, exact: true }));
  }
  await click(page.getByRole('button', { name: 'Save and back to the visit' }));

  await expect(
    page.getByRole('status').filter({ hasText: 'Oswestry Disability Index: Saved as complete (version 1).' }),
  ).toBeVisible();
  const week1 = page.getByRole('region', { name: 'Week 1' });
  await expect(week1.getByRole('row', { name: /Pain \(VAS\)/ })).toContainText('38 mm');
  await expect(week1.getByRole('row', { name: /Oswestry/ })).toContainText(/26\.0\s?%/);
  expect(clicks).toBeLessThanOrEqual(15);
});

test('a form before its window asks for the reason, and the save shows in view, read-only', async ({
  page,
  baseURL,
}) => {
  const participant = await arrangeParticipant(baseURL ?? '', { randomize: true });
  await signInByApi(page, 'coordinator@demo.edc');
  await page.goto(`/participants/${participant.id}/visits/W1/forms/vas`);
  await expect(page.getByTestId('window-warning')).toContainText('window opens on');
  await page.getByLabel('Pain VAS (mm)').fill('41');
  await page.getByLabel('Assessed at').fill(assessedSoon('Europe/Istanbul'));
  await page.getByRole('button', { name: 'Save as complete' }).click();
  const reason = page.getByLabel('Reason for entering outside the window');
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  await reason.fill('Patient travels abroad during week 1');
  await page.getByRole('button', { name: 'Save as complete' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Saved as complete (version 1).' }),
  ).toBeInViewport();
  await expect(page.getByLabel('Pain VAS (mm)')).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Save correction' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Edit' })).toBeVisible();
});

test('two people creating the same record: the second sees the comparison panel', async ({
  page,
  baseURL,
}) => {
  const participant = await arrangeParticipant(baseURL ?? '', { randomize: true });
  await visitDoneToday(baseURL ?? '', participant.id, 'W1');
  await signInByApi(page, 'coordinator@demo.edc');
  await page.goto(`/participants/${participant.id}/visits/W1/forms/vas`);
  await page.getByLabel('Pain VAS (mm)').fill('44');
  await page.getByLabel('Assessed at').fill(assessedSoon('Europe/Istanbul'));
  const other = await apiSession(baseURL ?? '', 'assessor@demo.edc');
  try {
    await other.send('PUT', `/participants/${participant.id}/visits/W1/forms/vas`, {
      data: { vas_mm: 47, vas_method: 'paper', assessed_at: new Date().toISOString(), assessor_id: 'Fatma' },
      status: 'complete',
      expectedVersion: 0,
    });
  } finally {
    await other.dispose();
  }
  await page.getByRole('button', { name: 'Save as complete' }).click();
  const panel = page.getByRole('alert').filter({ hasText: 'Someone else saved version 1' });
  await expect(panel).toBeInViewport();
  await expect(panel).toContainText('47');
});

test('signing lists what is signed, refuses an incomplete visit and counts the attempts left', async ({
  page,
  baseURL,
}) => {
  const complete = await arrangeParticipant(baseURL ?? '', { baseline: true });
  const partial = await arrangeParticipant(baseURL ?? '', { randomize: true });
  await week1VasOnly(baseURL ?? '', partial.id);
  await signInByApi(page, 'investigator@demo.edc');

  await page.goto(`/participants/${partial.id}?tab=visits`);
  await page.getByRole('region', { name: 'Week 1' }).getByRole('button', { name: 'Sign visit' }).click();
  const refused = page.getByRole('dialog', { name: 'Sign Week 1' });
  await expect(refused.getByTestId('sign-blocked')).toContainText('Oswestry Disability Index');
  await expect(refused.getByRole('button', { name: 'Sign', exact: true })).toBeDisabled();
  await refused.getByRole('button', { name: 'Cancel' }).click();

  await page.goto(`/participants/${complete.id}?tab=baseline`);
  await page.getByRole('region', { name: 'Baseline' }).getByRole('button', { name: 'Sign visit' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign Baseline' });
  const list = dialog.getByRole('list', { name: 'You are signing these 2 records:' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await dialog.getByLabel('Your password').fill('not-my-password');
  await dialog.getByRole('button', { name: 'Sign', exact: true }).click();
  await expect(dialog.getByLabel('Your password')).toHaveAccessibleDescription(
    /attempts? left before the account locks/,
  );
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await dialog.getByLabel('Your password').fill(demoPassword);
  await dialog.getByRole('button', { name: 'Sign', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Baseline: 2 records signed.' })).toBeVisible();
});

test('in Turkish: the grid, the window warning and save and next', async ({ page, baseURL }) => {
  const participant = await arrangeParticipant(baseURL ?? '', { randomize: true });
  await page.goto('/login');
  await page.getByLabel('Language').selectOption('tr');
  await page.getByLabel('E-posta').fill('coordinator@demo.edc');
  await page.getByLabel('Parola', { exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: 'Giriş yap' }).click();
  try {
    await expect(page.getByRole('heading', { name: 'Kayıt durumu', level: 1 })).toBeVisible();
    const row = page.getByRole('row', { name: new RegExp(participant.studyId) });
    await row
      .getByRole('link', { name: /1\. hafta, .*Başlanmadı$/ })
      .first()
      .click();
    await expect(page.getByTestId('window-warning')).toContainText('penceresi');
    await expect(page.getByRole('button', { name: 'Kaydet ve sonraki forma geç' })).toBeVisible();
  } finally {
    // The sign-in page's language is stored in the profile: put it back for other tests.
    const reset = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/locale'));
    await page.getByLabel('Dil').selectOption('en');
    await reset;
  }
});
