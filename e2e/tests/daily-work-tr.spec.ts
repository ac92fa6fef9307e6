import { expect, type Locator, test } from '@playwright/test';
import { apiSession, arrangeParticipant, demoPassword } from './helpers/api';
import { expectNoSeriousA11yViolations } from './helpers/axe';
import { adverseEventDraft, assessedSoon, visitDoneToday, week1VasOnly } from './helpers/daily';
import { signInByApi } from './helpers/ui';

/**
 * Daily work in Turkish (docs/requirements.md R-UI-1, R-UI-2, R-SIGN-2, R-MON-1), in both projects
 * (desktop and tablet): the record grid with its repeating records and the keyboard, a refused
 * save worded beside the field, the sign dialog, the monitor's query and SDV undo from the
 * form, a form entered before its visit window (warning, reason, save in view, read-only), a
 * complete follow-up in at most 15 clicks, and the comparison panel when two people create the
 * same record. The English side of each is in daily-work.spec.ts and form-review.spec.ts. Every sign-in
 * stores the sign-in page's language in the profile, so the next English sign-in puts it back.
 */
test.use({ locale: 'tr-TR', timezoneId: 'Europe/Istanbul' });

test('the grid in Turkish: repeating records, the keyboard, one click to the list; a refused date beside its field', async ({
  page,
  baseURL,
}) => {
  const p = await arrangeParticipant(baseURL ?? '', { randomize: true });
  await adverseEventDraft(baseURL ?? '', p.id);
  await signInByApi(page, 'coordinator@demo.edc', 'tr');
  await page.goto('/grid');
  await expect(page.getByRole('heading', { name: 'Kayıt durumu', level: 1 })).toBeVisible();
  const grid = page.getByRole('grid', { name: 'Kayıt durumu' });
  const row = grid.getByRole('row', { name: new RegExp(p.studyId) });
  const events = row.getByRole('link', {
    name: `${p.studyId}, Advers olay, 1 kayıt, en geride olan: Taslak, sizden işlem bekliyor`,
  });
  await expect(events).toHaveText('1');
  await expectNoSeriousA11yViolations(page, 'record grid (tr)');

  await row.getByRole('link', { name: p.studyId, exact: true }).focus();
  await page.keyboard.press('End');
  await expect(row.getByRole('link', { name: /Protokol sapması, kayıt yok$/ })).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(events).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/participants/${p.id}\\?tab=adverse-events$`));
  await expect(page.getByRole('heading', { name: 'Advers olay', level: 2 })).toBeVisible();

  // A second event dated before the consent: refused, and the reason is worded in Turkish beside
  // the date, naming the consent; nothing is saved.
  await page.goto(`/participants/${p.id}/visits/UNS/forms/adverse_event?seq=2`);
  const onset = page.getByLabel('Başlangıç tarihi', { exact: true });
  await onset.fill('2020-01-15');
  await page.getByRole('button', { name: 'Tamamlandı olarak kaydet' }).click();
  await expect(onset).toHaveAttribute('aria-invalid', 'true');
  await expect(onset).toHaveAccessibleDescription(/Başlangıç tarihi, onam \(.+\) öncesinde olamaz/);
  await expect(page.getByText('Tamamlandı olarak kaydedildi')).toHaveCount(0);
});

test('the grid filters in Turkish: needs my action, status, and the monitor’s site', async ({
  page,
  browser,
  baseURL,
}) => {
  const p = await arrangeParticipant(baseURL ?? '', { randomize: true });
  await adverseEventDraft(baseURL ?? '', p.id);
  await signInByApi(page, 'coordinator@demo.edc', 'tr');
  await page.goto('/grid');
  const row = page.getByRole('row', { name: new RegExp(p.studyId) });
  await expect(row).toBeVisible();
  // The adverse event's draft waits for the coordinator; no cell of the row is signed.
  await page.getByLabel('İşlem bekleyenlerim').check();
  await expect(row).toBeVisible();
  await page.getByLabel('İşlem bekleyenlerim').uncheck();
  await page.getByRole('combobox', { name: 'Durum' }).selectOption({ label: 'İmzalandı' });
  await expect(row).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Durum' }).selectOption({ label: 'Başlanmadı' });
  await expect(row).toBeVisible();

  // The monitor sees both sites: choosing one keeps its participants and hides the other's.
  const { viewport, hasTouch } = test.info().project.use;
  const context = await browser.newContext({
    locale: 'tr-TR',
    timezoneId: 'Europe/Istanbul',
    ...(viewport ? { viewport } : {}),
    ...(hasTouch ? { hasTouch } : {}),
    ...(baseURL ? { baseURL } : {}),
  });
  const monitor = await context.newPage();
  await signInByApi(monitor, 'monitor@demo.edc', 'tr');
  await monitor.goto('/grid');
  const monitorRow = monitor.getByRole('row', { name: new RegExp(p.studyId) });
  await expect(monitorRow).toBeVisible();
  const site = monitor.getByRole('combobox', { name: 'Merkez' });
  await site.selectOption({ label: 'S01' });
  await expect(monitorRow).toBeVisible();
  await site.selectOption({ label: 'S02' });
  await expect(monitorRow).toHaveCount(0);
  await site.selectOption({ label: 'Tüm merkezler' });
  await expect(monitorRow).toBeVisible();
  await context.close();
});

test('the sign dialog in Turkish: refuses an incomplete visit, lists the records, counts the attempts left', async ({
  page,
  baseURL,
}) => {
  const complete = await arrangeParticipant(baseURL ?? '', { baseline: true });
  const partial = await arrangeParticipant(baseURL ?? '', { randomize: true });
  await week1VasOnly(baseURL ?? '', partial.id);
  await signInByApi(page, 'investigator@demo.edc', 'tr');

  await page.goto(`/participants/${partial.id}?tab=visits`);
  await page.getByRole('region', { name: '1. hafta' }).getByRole('button', { name: 'Viziti imzala' }).click();
  const refused = page.getByRole('dialog', { name: '1. hafta imzala' });
  await expect(refused.getByTestId('sign-blocked')).toContainText(
    'İmzalamadan önce şu formları tamamlayın: Oswestry Disabilite İndeksi.',
  );
  await expect(refused.getByRole('button', { name: 'İmzala', exact: true })).toBeDisabled();
  await refused.getByRole('button', { name: 'Vazgeç' }).click();

  await page.goto(`/participants/${complete.id}?tab=baseline`);
  await page
    .getByRole('region', { name: 'Başlangıç' })
    .getByRole('button', { name: 'Viziti imzala' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Başlangıç imzala' });
  await expect(
    dialog.getByRole('list', { name: 'Şu 2 kaydı imzalıyorsunuz:' }).getByRole('listitem'),
  ).toHaveCount(2);
  await dialog.getByLabel('Parolanız').fill('yanlis-parola');
  await dialog.getByRole('button', { name: 'İmzala', exact: true }).click();
  await expect(dialog.getByLabel('Parolanız')).toHaveAccessibleDescription(
    /Parola yanlış\. Hesap kilitlenmeden önce \d+ deneme hakkınız kaldı\./,
  );
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await dialog.getByLabel('Parolanız').fill(demoPassword);
  await dialog.getByRole('button', { name: 'İmzala', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Başlangıç: 2 kayıt imzalandı.' })).toBeVisible();
});

test('the monitor in Turkish raises a query and verifies from the form, then undoes the verification with a reason', async ({
  page,
  baseURL,
}) => {
  const p = await arrangeParticipant(baseURL ?? '', { baseline: true });
  await signInByApi(page, 'monitor@demo.edc', 'tr');
  await page.goto(`/participants/${p.id}/visits/BL/forms/vas`);
  const panel = page.getByRole('region', { name: 'Sorgular ve kaynak veri doğrulaması' });
  await expect(panel).toContainText('Bu formda veri sorgusu yok.');
  await panel.getByRole('button', { name: 'Sorgu aç' }).click();
  const raise = page.getByRole('dialog');
  await raise.getByLabel('Alan').selectOption({ label: 'Ağrı VAS (mm)' });
  await raise.getByLabel('Merkeze soru').fill('Kaynak formda 52 mm yazıyor.');
  await raise.getByRole('button', { name: 'Sorgu aç' }).click();
  await expect(raise).toBeHidden();
  await expect(panel.getByRole('status')).toHaveText('Sorgu açıldı.');
  await expect(page.locator('[data-field-query="vas_mm"]')).toContainText('Açık sorgu');

  await panel.getByRole('button', { name: 'Doğrulandı olarak işaretle' }).click();
  await expect(panel.getByText('Doğrulandı', { exact: true })).toBeVisible();
  await panel.getByRole('button', { name: 'Doğrulamayı geri al' }).click();
  const undo = page.getByRole('dialog', { name: 'Kaynak veri doğrulamasını geri al' });
  await undo.getByRole('button', { name: 'Doğrulamayı geri al' }).click();
  await expect(undo.getByLabel('Geri alma gerekçesi')).toHaveAttribute('aria-invalid', 'true');
  await undo.getByLabel('Geri alma gerekçesi').fill('Yanlış viziti doğruladım');
  await undo.getByRole('button', { name: 'Doğrulamayı geri al' }).click();
  await expect(undo).toBeHidden();
  await expect(panel.getByText('Doğrulama kaldırıldı', { exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'form review panel of the monitor (tr)');
});

test('a form before its window in Turkish: the warning, the reason asked for, the save in view, then read-only', async ({
  page,
  baseURL,
}) => {
  const participant = await arrangeParticipant(baseURL ?? '', { randomize: true });
  await signInByApi(page, 'coordinator@demo.edc', 'tr');
  await page.goto(`/participants/${participant.id}/visits/W1/forms/vas`);
  await expect(page.getByTestId('window-warning')).toContainText('penceresi');
  await page.getByLabel('Ağrı VAS (mm)').fill('41');
  await page.getByLabel('Değerlendirme zamanı').fill(assessedSoon('Europe/Istanbul'));
  await page.getByRole('button', { name: 'Tamamlandı olarak kaydet' }).click();
  const reason = page.getByLabel('Pencere dışında giriş gerekçesi');
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  await reason.fill('Hasta 1. haftada yurt dışında');
  await page.getByRole('button', { name: 'Tamamlandı olarak kaydet' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Tamamlandı olarak kaydedildi (sürüm 1).' }),
  ).toBeInViewport();
  await expect(page.getByLabel('Ağrı VAS (mm)')).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Düzenle' })).toBeVisible();
});

test('a complete follow-up in Turkish (VAS and ODI) takes at most 15 clicks from sign-in', async ({
  page,
  baseURL,
}) => {
  const participant = await arrangeParticipant(baseURL ?? '', { randomize: true });
  await visitDoneToday(baseURL ?? '', participant.id, 'W1');
  let clicks = 0;
  const click = async (target: Locator) => {
    clicks++;
    await target.click();
  };

  await page.goto('/login');
  await page.getByLabel('E-posta').fill('coordinator@demo.edc');
  await page.getByLabel('Parola', { exact: true }).fill(demoPassword);
  await click(page.getByRole('button', { name: 'Giriş yap' }));
  const row = page.getByRole('row', { name: new RegExp(participant.studyId) });
  await click(row.getByRole('link', { name: /1\. hafta, Ağrı \(VAS\)/ }));
  await page.getByLabel('Ağrı VAS (mm)').fill('38');
  await page.getByLabel('Değerlendirme zamanı').fill(assessedSoon('Europe/Istanbul'));
  await click(page.getByRole('button', { name: 'Kaydet ve sonraki forma geç' }));

  await expect(page.getByRole('heading', { name: 'Oswestry Disabilite İndeksi', level: 1 })).toBeVisible();
  const saved = page
    .getByRole('status')
    .filter({ hasText: 'Ağrı (VAS): Tamamlandı olarak kaydedildi (sürüm 1).' });
  await expect(saved).toBeInViewport();
  const answers: [string | RegExp, string][] = [
    ['1. Ağrı şiddeti', '1'],
    ['2. Kişisel bakım', '1'],
    ['3. Yük kaldırma', '1'],
    ['4. Yürüme', '1'],
    ['5. Oturma', '1'],
    ['6. Ayakta durma', '2'],
    ['7. Uyku', '2'],
    [/^8\. Cinsel yaşam/, '0'],
    ['9. Sosyal yaşam', '2'],
    ['10. Seyahat', '2'],
  ];
  for (const [section, option] of answers) {
    await click(page.getByRole('group', { name: section }).getByRole('radio', { name: option, exact: true }));
  }
  await click(page.getByRole('button', { name: 'Kaydet ve vizite dön' }));

  await expect(
    page
      .getByRole('status')
      .filter({ hasText: 'Oswestry Disabilite İndeksi: Tamamlandı olarak kaydedildi (sürüm 1).' }),
  ).toBeVisible();
  const week1 = page.getByRole('region', { name: '1. hafta' });
  await expect(week1.getByRole('row', { name: /Ağrı \(VAS\)/ })).toContainText('38 mm');
  await expect(week1.getByRole('row', { name: /Oswestry/ })).toContainText(/%\s?26,0/);
  expect(clicks).toBeLessThanOrEqual(15);
});

test('two people creating the same record in Turkish: the second sees the comparison panel', async ({
  page,
  baseURL,
}) => {
  const participant = await arrangeParticipant(baseURL ?? '', { randomize: true });
  await visitDoneToday(baseURL ?? '', participant.id, 'W1');
  await signInByApi(page, 'coordinator@demo.edc', 'tr');
  await page.goto(`/participants/${participant.id}/visits/W1/forms/vas`);
  await page.getByLabel('Ağrı VAS (mm)').fill('44');
  await page.getByLabel('Değerlendirme zamanı').fill(assessedSoon('Europe/Istanbul'));
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
  await page.getByRole('button', { name: 'Tamamlandı olarak kaydet' }).click();
  const panel = page.getByRole('alert').filter({ hasText: 'Siz düzenlerken başka biri 1. sürümü kaydetti' });
  await expect(panel).toBeInViewport();
  await expect(panel).toContainText('47');
  // The comparison is worded in Turkish: the stored version beside the person's own values.
  await expect(panel).toContainText('Kayıtlı (sürüm 1)');
  await expect(panel).toContainText('Sizinki');
  await expect(panel.getByRole('button', { name: 'Kayıtlı sürümü yükle' })).toBeVisible();
});
