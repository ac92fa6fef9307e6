import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './helpers/axe';
import { arrangeCorrectedVas } from './helpers/monitor-arrange';
import { screenshot, signInByApi } from './helpers/ui';

/**
 * The audit review a monitor reads (docs/requirements.md R-AUDIT-5), in English and Turkish, at
 * the monitor's desk (desktop project only, e2e/playwright.config.ts): each entry names the form and field by label, the step in words and the values
 * as the form shows them; no column name, id, SQL verb or path reaches the page, and the field
 * filter finds the change by words of the label in the interface language.
 */
const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const developerWords =
  /\b(INSERT|UPDATE|DELETE)\b|data\.vas_mm|vas_mm|form_records|participant_id|visit_code|form_code|record_id/;

const languages = [
  {
    locale: 'en-GB',
    language: 'en',
    caption: 'Audit trail entries, newest first',
    field: 'Field',
    search: 'pain vas',
    apply: 'Apply filters',
    label: 'Pain VAS (mm)',
    form: 'Pain (VAS)',
    created: 'Created',
    changed: 'Changed',
    was: 'was',
    now: 'now',
    entries: '2 entries.',
  },
  {
    locale: 'tr-TR',
    language: 'tr',
    caption: 'Denetim izi kayıtları, en yenisi başta',
    field: 'Alan',
    search: 'ağrı vas',
    apply: 'Filtreleri uygula',
    label: 'Ağrı VAS (mm)',
    form: 'Ağrı (VAS)',
    created: 'Oluşturuldu',
    changed: 'Değiştirildi',
    was: 'önceki',
    now: 'yeni',
    entries: '2 kayıt.',
  },
] as const;

for (const words of languages) {
  test.describe(words.locale, () => {
    test.use({ locale: words.locale, timezoneId: 'Europe/Istanbul' });

    test(`the audit review reads in words: labels, steps and values, no columns, ids or SQL (${words.locale})`, async ({
      page,
      baseURL,
    }) => {
      const arranged = await arrangeCorrectedVas(baseURL ?? '', 47);
      await signInByApi(page, 'monitor@demo.edc', words.language);
      await page.goto(`/audit?participantId=${arranged.id}`);
      const table = page.getByRole('table', { name: words.caption });
      const correction = table.getByRole('row', { name: new RegExp(arranged.reason) });
      await expect(correction).toContainText(words.changed);
      await expect(correction).toContainText(words.form);
      const change = correction.getByRole('listitem').filter({ hasText: words.label });
      await expect(change.locator('.change-old')).toHaveText(`${words.was} ${arranged.oldVas}`);
      await expect(change.locator('.change-new')).toHaveText(`${words.now} ${arranged.newVas}`);
      await expect(table).toContainText(words.created);
      await expect(table).not.toContainText(uuid);
      await expect(table).not.toContainText(developerWords);

      // The field filter searches words of the label in the interface language.
      await page.getByLabel(words.field, { exact: true }).fill(words.search);
      await page.getByRole('button', { name: words.apply }).click();
      await expect(page).toHaveURL(/fieldText=/);
      await expect(correction).toBeVisible();
      await expect(page.getByText(words.entries)).toBeVisible();
      await expect(page.locator('main')).not.toContainText(developerWords);
      await expectNoSeriousA11yViolations(page, `audit review (${words.locale})`);
      await screenshot(page, `audit-words-${words.locale}`);
    });
  });
}
