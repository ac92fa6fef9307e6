import { expect, type Locator, type Page, test } from '@playwright/test';
import { arrangeParticipant, demoPassword } from './helpers/api';
import { week1EnteredNotMarked } from './helpers/daily';
import { signInByApi } from './helpers/ui';

/**
 * A visit's status follows its data, and the dashboard and the CONSORT diagram count "followed
 * up" from one definition (docs/requirements.md R-VISIT-1, R-MON-2), in English and Turkish, in
 * both projects. Week 1's forms are complete but nobody marks the visit done: the participant
 * page shows it done, not upcoming, before and after signing, and the dashboard's Done count for
 * Week 1 rises by one together with the diagram's "Week 1: n followed up". Tests run one at a
 * time (workers: 1), so no other test moves the counts in between.
 */

interface Words {
  week1: string;
  upcoming: string;
  done: string;
  schedule: string;
  visitCompletion: string;
  followedUp: string;
  signVisit: string;
  signDialog: string;
  password: string;
  sign: string;
  signedNotice: string;
  signed: string;
}

const english: Words = {
  week1: 'Week 1',
  upcoming: 'Upcoming',
  done: 'Done',
  schedule: 'Visit schedule',
  visitCompletion: 'Visit completion',
  followedUp: 'followed up',
  signVisit: 'Sign visit',
  signDialog: 'Sign Week 1',
  password: 'Your password',
  sign: 'Sign',
  signedNotice: 'Week 1: 2 records signed.',
  signed: '✓ Signed',
};

const turkish: Words = {
  week1: '1. hafta',
  upcoming: 'Yaklaşan',
  done: 'Yapıldı',
  schedule: 'Vizit planı',
  visitCompletion: 'Vizit tamamlanması',
  followedUp: 'takip edilen',
  signVisit: 'Viziti imzala',
  signDialog: '1. hafta imzala',
  password: 'Parolanız',
  sign: 'İmzala',
  signedNotice: '1. hafta: 2 kayıt imzalandı.',
  signed: '✓ İmzalı',
};

/**
 * Week 1's "Done" on the dashboard's visit table and its "followed up" on the CONSORT diagram, as
 * the user sees them. The diagram is the image the dashboard shows (the same SVG as the download),
 * opened on its own so its text can be read; an unblinded user sees one box per arm, so the
 * lines are added up.
 */
async function week1Counts(page: Page, w: Words): Promise<{ done: number; followedUp: number }> {
  await page.goto('/dashboard');
  const visits = page.getByRole('region', { name: w.visitCompletion });
  const row = week1Row(visits, w);
  await expect(row).toBeVisible();
  const headers = await visits.getByRole('columnheader').allTextContents();
  const doneColumn = headers.indexOf(w.done);
  expect(doneColumn, `a "${w.done}" column in ${headers.join(', ')}`).toBeGreaterThan(0);
  // The first column is the visit, a row header; the counts are the cells after it.
  const done = Number(
    await row
      .getByRole('cell')
      .nth(doneColumn - 1)
      .textContent(),
  );

  const src = await page.getByRole('img', { name: /^CONSORT/ }).getAttribute('src');
  await page.goto(src ?? '');
  const lines = page.getByText(new RegExp(`^${escapeRegExp(w.week1)}: \\d+ ${w.followedUp}$`));
  await expect(lines.first()).toBeVisible();
  const followedUp = (await lines.allTextContents())
    .map((line) => Number(line.match(/: (\d+) /)?.[1]))
    .reduce((sum, n) => sum + n, 0);
  return { done, followedUp };
}

/**
 * Week 1's row of a table, found by its row header's text: at tablet width each cell also reads
 * out its column's name (a CSS label), so the row's accessible name starts with the column's.
 */
function week1Row(table: Locator, w: Words): Locator {
  const header = table
    .page()
    .getByRole('rowheader')
    .filter({ hasText: new RegExp(`^${escapeRegExp(w.week1)}$`) });
  return table.getByRole('row').filter({ has: header });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function followUpCountedOnce(page: Page, baseURL: string, w: Words) {
  const p = await arrangeParticipant(baseURL, { randomize: true });
  const before = await week1Counts(page, w);
  expect(before.done).toBe(before.followedUp);

  await page.goto(`/participants/${p.id}?tab=visits`);
  const week1 = page.getByRole('region', { name: w.week1 });
  await expect(week1.getByText(w.upcoming, { exact: true })).toBeVisible();

  // The forms are complete; nobody marks the visit done: its data makes it done.
  await week1EnteredNotMarked(baseURL, p.id);
  await page.reload();
  await expect(week1.getByText(w.done, { exact: true })).toBeVisible();
  await expect(week1.getByText(w.upcoming, { exact: true })).toHaveCount(0);

  await week1.getByRole('button', { name: w.signVisit }).click();
  const dialog = page.getByRole('dialog', { name: w.signDialog });
  await dialog.getByLabel(w.password).fill(demoPassword);
  await dialog.getByRole('button', { name: w.sign, exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: w.signedNotice })).toBeVisible();
  await expect(week1.getByText(w.signed)).toBeVisible();
  await expect(week1.getByText(w.done, { exact: true })).toBeVisible();
  await expect(week1.getByText(w.upcoming, { exact: true })).toHaveCount(0);
  const schedule = week1Row(page.getByRole('table', { name: w.schedule }), w);
  await expect(schedule).toContainText(w.done);
  await expect(schedule).not.toContainText(w.upcoming);

  const after = await week1Counts(page, w);
  expect(after.done).toBe(before.done + 1);
  expect(after.followedUp).toBe(after.done);
}

test.describe('in English', () => {
  test.use({ locale: 'en-GB' });

  test('a signed follow-up shows Done, and the dashboard counts it as the CONSORT diagram does', async ({
    page,
    baseURL,
  }) => {
    await signInByApi(page, 'investigator@demo.edc');
    await followUpCountedOnce(page, baseURL ?? '', english);
  });
});

test.describe('in Turkish', () => {
  test.use({ locale: 'tr-TR', timezoneId: 'Europe/Istanbul' });

  test('a signed follow-up shows Yapıldı, and the dashboard counts it as the CONSORT diagram does', async ({
    page,
    baseURL,
  }) => {
    await signInByApi(page, 'investigator@demo.edc', 'tr');
    await followUpCountedOnce(page, baseURL ?? '', turkish);
  });
});
