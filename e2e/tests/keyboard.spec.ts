import { expect, type Locator, type Page, test } from '@playwright/test';
import { apiSession, arrangeParticipant, studyCriteria } from './helpers/api';
import { signInByApi } from './helpers/ui';

/**
 * The ODI form and the screening wizard can be completed with the keyboard alone.
 * After the first focus, only Tab, arrow keys, Space, typing and Enter are used.
 */
test('the ODI form is completed with the keyboard alone', async ({ page, baseURL }) => {
  const participant = await arrangeParticipant(baseURL ?? '', { baseline: false });
  await signInByApi(page, 'coordinator@demo.edc');
  await page.goto(`/participants/${participant.id}/visits/BL/forms/odi`);
  await expect(page.getByRole('heading', { level: 1, name: 'Oswestry Disability Index' })).toBeVisible();

  // The paper form the patient filled is the first field (nothing proposed for a first ODI):
  // Space chooses the focused version, Tab goes on into section 1.
  const version = page.getByRole('group', { name: 'ODI form the patient filled' });
  await expect(version.getByRole('radio', { checked: true })).toHaveCount(0);
  await version.getByRole('radio', { name: 'English ODI v2.1a' }).focus();
  await page.keyboard.press('Space');
  const scores = [2, 1, 3, 2, 3, 2, 1, 0, 2, 1]; // protocol §3.3 example W1: 34.0 %
  await page.keyboard.press('Tab');
  for (const [i, score] of scores.entries()) {
    const group = page.getByRole('group', { name: new RegExp(`^${i + 1}\\. `) });
    await expect(group.getByRole('radio').first(), `section ${i + 1} has focus`).toBeFocused();
    await page.keyboard.press('Space');
    for (let k = 0; k < score; k++) await page.keyboard.press('ArrowRight');
    await expect(group.getByRole('radio', { name: String(score), exact: true })).toBeChecked();
    // Tab leaves the radio group to its "Clear" button, then on to the next section (after
    // section 8, past its "not applicable" box, which sits with it).
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    if (i === 7) await page.keyboard.press('Tab');
  }
  await expect(page.getByText('34.0%')).toBeVisible();
  // On to the save buttons.
  const complete = page.getByRole('button', { name: 'Save as complete' });
  for (let i = 0; i < 5 && !(await complete.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(complete).toBeFocused();
  await page.keyboard.press('Enter');
  const coordinator = await apiSession(baseURL ?? '', 'coordinator@demo.edc');
  try {
    await expect
      .poll(async () => {
        const detail = await coordinator.get<{
          records: { formCode: string; status: string; data: { odi_pct_x10?: number } }[];
        }>(`/participants/${participant.id}`);
        const odi = detail.records.find((r) => r.formCode === 'odi');
        return odi ? `${odi.status} ${odi.data.odi_pct_x10}` : 'none';
      })
      .toBe('complete 340');
  } finally {
    await coordinator.dispose();
  }
});

/** Presses Tab until `target` has focus: proves it is reachable in order with the keyboard. */
async function tabTo(page: Page, target: Locator, max = 40) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target, 'reachable with Tab').toBeFocused();
}

test('the screening wizard is completed with the keyboard alone', async ({ page, baseURL }) => {
  const criteria = await studyCriteria(baseURL ?? '');
  await signInByApi(page, 'coordinator@demo.edc');
  await page.goto('/participants/new');
  await expect(page.getByRole('heading', { name: 'Step 1 · Site and screening date' })).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'Start screening' }));
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { name: /Step 2 · Demographics/ })).toBeVisible();
  await tabTo(page, page.getByLabel('Year of birth'));
  await page.keyboard.type('1985');
  await tabTo(page, page.getByRole('group', { name: 'Sex' }).getByRole('radio').first());
  await page.keyboard.press('Space');
  for (const [label, value] of [
    ['Height (cm)', '168'],
    ['Weight (kg)', '61'],
    ['Pain duration (months)', '9'],
  ] as const) {
    await tabTo(page, page.getByLabel(label));
    await page.keyboard.type(value);
  }
  await tabTo(page, page.getByRole('button', { name: 'Save and continue' }));
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { name: /Step 3 · Eligibility/ })).toBeVisible();
  const answer = async (id: string, yes: boolean) => {
    const group = page.getByRole('group', { name: new RegExp(`^${id}\\.`) });
    if (await group.getByRole('radio', { checked: true }).count()) return; // proposed from demographics
    await tabTo(page, group.getByRole('radio', { name: 'Yes' }));
    await page.keyboard.press('Space');
    if (!yes) await page.keyboard.press('ArrowRight');
    await expect(group.getByRole('radio', { name: yes ? 'Yes' : 'No' })).toBeChecked();
  };
  for (const c of criteria) await answer(c.id, c.expected === 'yes');
  await tabTo(page, page.getByRole('button', { name: 'Submit eligibility' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText('Eligible');
  await tabTo(page, page.getByRole('button', { name: 'Continue to consent' }));
  await page.keyboard.press('Enter');

  // Step 4: the consent date, form version and the person who obtained it are filled in.
  await expect(page.getByRole('heading', { name: /Step 4/ })).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'Record consent and enrol' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText(/is enrolled\./)).toBeVisible();
});
