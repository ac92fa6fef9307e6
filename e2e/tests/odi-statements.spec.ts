import { type Browser, expect, test } from '@playwright/test';
import { arrangeParticipant } from './helpers/api';
import { signInByApi } from './helpers/ui';

/**
 * The study's licensed ODI statements loaded as data (protocol §3.4): an admin uploads a file, and
 * the blinded assessor's ODI form offers each section's statements in the interface language.
 * The texts are obviously fake placeholders made here: the licensed ones are never in the
 * repository. (Files run in name order: only tablet-layout and trial-rules run after this one,
 * and neither depends on the digits being the answers.)
 */
function placeholderCsv(languages: readonly ('en' | 'tr')[], skip?: { section: number; index: number }) {
  const lines = ['section,index,language,text'];
  for (const language of languages) {
    for (let section = 1; section <= 10; section++) {
      for (let index = 0; index <= 5; index++) {
        if (skip && skip.section === section && skip.index === index) continue;
        const word = language === 'tr' ? 'İfade' : 'Statement';
        lines.push(`${section},${index},${language},"${word} ${section}.${index} (test)"`);
      }
    }
  }
  return Buffer.from(lines.join('\n'), 'utf8');
}

async function assessorIn(browser: Browser, locale: 'en-GB' | 'tr-TR') {
  const { baseURL, viewport, hasTouch } = test.info().project.use;
  const context = await browser.newContext({ locale, baseURL, viewport, hasTouch });
  const page = await context.newPage();
  await signInByApi(page, 'assessor@demo.edc', locale === 'tr-TR' ? 'tr' : 'en');
  return page;
}

test('an admin loads the ODI statements and the assessor answers with them, in English and Turkish', async ({
  page,
  browser,
  baseURL,
}) => {
  const participant = await arrangeParticipant(baseURL ?? '', { baseline: false });
  await signInByApi(page, 'admin@demo.edc');
  await page.goto('/');
  await page.getByRole('link', { name: 'ODI statements' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'ODI statements' })).toBeVisible();
  const file = page.getByLabel('Statements file (CSV or JSON)');

  // An incomplete language is refused, naming what is missing; nothing is loaded.
  await file.setInputFiles({
    name: 'odi.csv',
    mimeType: 'text/csv',
    buffer: placeholderCsv(['en'], { section: 4, index: 2 }),
  });
  await page.getByRole('button', { name: 'Load statements' }).click();
  await expect(page.getByRole('alert')).toContainText(
    'English: 1 statements missing; the first is section 4, statement 2.',
  );
  await expect(page.getByTestId('odi-statements-current')).toContainText('English: not loaded');

  await file.setInputFiles({ name: 'odi.csv', mimeType: 'text/csv', buffer: placeholderCsv(['en', 'tr']) });
  await page.getByRole('button', { name: 'Load statements' }).click();
  await expect(page.getByRole('status')).toHaveText('Statements loaded: English, Türkçe.');
  await expect(page.getByTestId('odi-statements-current')).toContainText(
    'English: 10 sections × 6 statements',
  );

  // The blinded assessor enters the ODI: each section's statements are its answers.
  for (const locale of ['en-GB', 'tr-TR'] as const) {
    const tr = locale === 'tr-TR';
    const assessor = await assessorIn(browser, locale);
    await assessor.goto(`/participants/${participant.id}/visits/BL/forms/odi`);
    const lifting = assessor.getByRole('group', { name: tr ? '3. Yük kaldırma' : '3. Lifting' });
    const statement = lifting.getByRole('radio', { name: tr ? 'İfade 3.2 (test)' : 'Statement 3.2 (test)' });
    await expect(statement).toBeVisible();
    await expect(lifting.getByRole('radio')).toHaveCount(6);
    await statement.check();
    // The score is the statement's place (0–5): one section answered with 2 of 5 is 40 %.
    await expect(assessor.getByTestId('odi-percent')).toHaveText(tr ? '%40,0' : '40.0%');
    await assessor.context().close();
  }
});
