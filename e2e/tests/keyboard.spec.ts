import { expect, test } from '@playwright/test';
import { apiSession, arrangeParticipant } from './helpers/api';
import { signIn } from './helpers/ui';

/**
 * Issue 9 item 2: the ODI form can be completed with the keyboard alone. After the first focus
 * (the page's first field), only Tab, arrow keys, Space and Enter are used.
 */
test('the ODI form is completed with the keyboard alone', async ({ page, baseURL }) => {
  const participant = await arrangeParticipant(baseURL ?? '', { baseline: false });
  await signIn(page, 'coordinator@demo.edc');
  await page.goto(`/participants/${participant.id}/visits/BL/forms/odi`);
  await expect(page.getByRole('heading', { level: 1, name: 'Oswestry Disability Index' })).toBeVisible();

  // The version select is the first field; tab from it into section 1.
  await page.getByLabel('ODI version and language').focus();
  const scores = [2, 1, 3, 2, 3, 2, 1, 0, 2, 1]; // protocol §3.3 example W1: 34.0 %
  await page.keyboard.press('Tab');
  for (const [i, score] of scores.entries()) {
    const group = page.getByRole('group', { name: new RegExp(`^${i + 1}\\. `) });
    await expect(group.getByRole('radio').first(), `section ${i + 1} has focus`).toBeFocused();
    await page.keyboard.press('Space');
    for (let k = 0; k < score; k++) await page.keyboard.press('ArrowRight');
    await expect(group.getByRole('radio', { name: String(score), exact: true })).toBeChecked();
    // Tab leaves the radio group to its "Clear" button, then on to the next section.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
  }
  await expect(page.getByText('34.0 %')).toBeVisible();
  // Past the "not applicable" box to the save buttons.
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
