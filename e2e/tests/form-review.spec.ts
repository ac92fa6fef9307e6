import { type Browser, expect, type Page, test } from '@playwright/test';
import { apiSession, arrangeParticipant } from './helpers/api';
import { expectNoSeriousA11yViolations } from './helpers/axe';
import { screenshot, signInByApi } from './helpers/ui';

/**
 * Daily work on the form itself (docs/requirements.md R-MON, R-UX): the monitor raises a query
 * and marks SDV from the form view and undoes the mark with a reason; site staff see the marker
 * beside the queried field and answer there (in Turkish: an empty answer refused by the browser in
 * Turkish, then sent), in English and in Turkish. Runs in both projects
 * (desktop, tablet).
 */
test.use({ timezoneId: 'Europe/Istanbul' });

async function signInAs(browser: Browser, email: string, locale: 'en-GB' | 'tr-TR'): Promise<Page> {
  const { viewport, hasTouch, baseURL } = test.info().project.use;
  const context = await browser.newContext({
    locale,
    timezoneId: 'Europe/Istanbul',
    ...(viewport ? { viewport } : {}),
    ...(hasTouch ? { hasTouch } : {}),
    ...(baseURL ? { baseURL } : {}),
  });
  const page = await context.newPage();
  await signInByApi(page, email, locale === 'tr-TR' ? 'tr' : 'en');
  return page;
}

test('the monitor queries and verifies from the form; the site answers beside the field (en, tr)', async ({
  browser,
  baseURL,
}) => {
  const p = await arrangeParticipant(baseURL ?? '', { baseline: true });
  const formUrl = `/participants/${p.id}/visits/BL/forms/vas`;

  // The monitor, in English, on the VAS form itself.
  const monitor = await signInAs(browser, 'monitor@demo.edc', 'en-GB');
  await monitor.goto(formUrl);
  const panel = monitor.getByRole('region', { name: 'Queries and source verification' });
  await expect(panel).toContainText('No data queries on this form.');
  await panel.getByRole('button', { name: 'Raise a query' }).click();
  const dialog = monitor.getByRole('dialog');
  await dialog.getByLabel('Field').selectOption({ label: 'Pain VAS (mm)' });
  await dialog.getByLabel('Question for the site').fill('The source worksheet shows 52 mm.');
  await dialog.getByRole('button', { name: 'Raise query' }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByRole('status')).toHaveText('Query raised.');
  await expect(monitor.locator('[data-field-query="vas_mm"]')).toBeVisible();

  await panel.getByRole('button', { name: 'Mark verified' }).click();
  await expect(panel.getByText('Verified', { exact: true })).toBeVisible();
  await panel.getByRole('button', { name: 'Undo verification' }).click();
  const undo = monitor.getByRole('dialog', { name: 'Undo source verification' });
  await undo.getByRole('button', { name: 'Undo verification' }).click();
  await expect(undo.getByLabel('Reason for undoing')).toHaveAttribute('aria-invalid', 'true');
  await undo.getByLabel('Reason for undoing').fill('Verified the wrong visit');
  await undo.getByRole('button', { name: 'Undo verification' }).click();
  await expect(undo).toBeHidden();
  await expect(panel.getByText('Verification cleared', { exact: true })).toBeVisible();
  await screenshot(monitor, 'form-review-monitor');
  await monitor.context().close();

  // The coordinator, in Turkish: the marker sits beside the field; the answer is given below.
  const site = await signInAs(browser, 'coordinator@demo.edc', 'tr-TR');
  await site.goto('/queries');
  await site.getByRole('link', { name: new RegExp(`Değeri düzelt.*${p.studyId}`) }).click();
  await expect(site).toHaveURL(new RegExp(`/participants/${p.id}/visits/BL/forms/vas`));
  const marker = site.locator('[data-field-query="vas_mm"]');
  await expect(marker).toContainText('Açık sorgu');
  const trPanel = site.getByRole('region', { name: 'Sorgular ve kaynak veri doğrulaması' });
  await expect(trPanel).toContainText('52 mm');
  // The answer is given there; an empty one is refused by the browser's check, in Turkish.
  await trPanel.getByRole('button', { name: 'Yanıtı gönder' }).click();
  const answer = trPanel.getByLabel('Yanıt', { exact: true });
  await expect(answer).toHaveAccessibleDescription('Bu alanı doldurun.');
  await answer.fill('Kaynak forma göre 52 mm; değeri düzeltiyoruz.');
  await trPanel.getByRole('button', { name: 'Yanıtı gönder' }).click();
  await expect(trPanel).toContainText(`${p.studyId} için yanıtınız gönderildi.`);
  await expectNoSeriousA11yViolations(site, 'form with a query (tr)');
  await screenshot(site, 'form-review-site-tr');
  await site.context().close();
});

test('site staff in English see the marker beside the queried field and answer from the form', async ({
  browser,
  baseURL,
}) => {
  const p = await arrangeParticipant(baseURL ?? '', { baseline: true });
  const formUrl = `/participants/${p.id}/visits/BL/forms/vas`;
  const monitor = await apiSession(baseURL ?? '', 'monitor@demo.edc');
  try {
    type Detail = { records: { id: string; visitCode: string; formCode: string }[] };
    const { records } = await monitor.get<Detail>(`/participants/${p.id}`);
    const vas = records.find((r) => r.visitCode === 'BL' && r.formCode === 'vas');
    await monitor.send('POST', '/queries', {
      recordId: vas?.id,
      field: 'vas_mm',
      message: 'The source worksheet shows 52 mm.',
    });
  } finally {
    await monitor.dispose();
  }

  const site = await signInAs(browser, 'coordinator@demo.edc', 'en-GB');
  await site.goto(formUrl);
  await expect(site.locator('[data-field-query="vas_mm"]')).toContainText('Open query');
  const panel = site.getByRole('region', { name: 'Queries and source verification' });
  await expect(panel).toContainText('52 mm');
  await panel
    .getByLabel('Answer', { exact: true })
    .fill('The source says 52 mm; we are correcting the value.');
  await panel.getByRole('button', { name: 'Send answer' }).click();
  await expect(panel).toContainText(`Your answer on ${p.studyId} was sent.`);
  await site.context().close();
});
