import { expect, test } from '@playwright/test';
import { apiSession, arrangeParticipant, demoPassword } from './helpers/api';
import { expectNoSeriousA11yViolations } from './helpers/axe';
import { type OwnServer, startOwnServer } from './helpers/own-server';
import { screenshot, signInByApi } from './helpers/ui';

/**
 * A protocol amendment (docs/study-definition.md "Amendments"): the admin pastes a definition
 * with a month-6 visit and a new VAS field, sees the difference, publishes it with a reason and the
 * password; the coordinator's running app then draws the new field and the new visit without a
 * rebuild. Publishing changes the study for everyone, so this runs on a server of its own.
 */
let server: OwnServer;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  server = await startOwnServer('amendment');
});
test.afterAll(async () => {
  await server?.stop();
});

interface Definition {
  visits: { code: string; label: { en: string; tr: string }; dayOffset: number }[];
  forms: { code: string; fields: object[] }[];
}

test('an amendment adds a field and a visit that the web draws without a rebuild', async ({ browser }) => {
  test.setTimeout(600_000);
  const base = server.baseURL;
  const admin = await apiSession(base, 'admin@demo.edc');
  const lists = await admin.get<{ active: boolean }[]>('/admin/randomization-lists');
  if (!lists.some((l) => l.active))
    await admin.send('POST', '/admin/randomization-lists/generate', { name: 'E2E' });
  const { definition } = await admin.get<{ definition: Definition }>('/study');
  await admin.dispose();
  const participant = await arrangeParticipant(base, { randomize: true });

  // The coordinator's app is open on version 1: no such field yet.
  const siteContext = await browser.newContext({ baseURL: base });
  const site = await siteContext.newPage();
  await signInByApi(site, 'coordinator@demo.edc');
  await site.goto(`/participants/${participant.id}/visits/W1/forms/vas`);
  await expect(site.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(site.getByText('Rescue medication taken')).toHaveCount(0);

  const m3 = definition.visits.find((v) => v.code === 'M3');
  if (!m3) throw new Error('the demo study has no M3 visit');
  definition.visits.push({ ...m3, code: 'M6', label: { en: 'Month 6', tr: '6. ay' }, dayOffset: 168 });
  definition.forms
    .find((f) => f.code === 'vas')
    ?.fields.push({
      name: 'rescue_medication',
      label: { en: 'Rescue medication taken', tr: 'Kurtarma ilacı alındı' },
      type: 'yes_no',
      required: false,
    });

  const adminContext = await browser.newContext({ baseURL: base });
  const page = await adminContext.newPage();
  await signInByApi(page, 'admin@demo.edc');
  await page.goto('/');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Study definition' })
    .click();
  await expect(page.getByRole('heading', { name: 'Study definition', level: 1 })).toBeVisible();
  // A draft the checks refuse reads in words, by the draft's labels, never by a path or a code.
  const broken = structuredClone(definition);
  const month6 = broken.visits.find((v) => v.code === 'M6');
  if (month6) Object.assign(month6, { forms: ['no_such_form'] });
  await page.getByLabel('Definition (JSON)').fill(JSON.stringify(broken, null, 2));
  await page.getByRole('button', { name: 'Store draft and compare' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'The definition was refused' });
  await expect(refusal).toContainText(
    'Visit “Month 6” › Forms › no. 1: The definition has no form “no_such_form”.',
  );
  await expect(refusal).not.toContainText(/body\.|definition\.|\.\d+\.|DEF_/);

  await page.getByLabel('Definition (JSON)').fill(JSON.stringify(definition, null, 2));
  await page.getByRole('button', { name: 'Store draft and compare' }).click();
  const review = page.getByTestId('amendment-review');
  // The difference names visits, forms and fields by their labels.
  await expect(review).toContainText('Visit Month 6 added');
  await expect(review).toContainText('Form Pain (VAS): field Rescue medication taken added');
  await expect(review).toContainText('No entered data would become invalid or orphaned.');
  await page.getByLabel('Reason for the amendment').fill('Amendment 1: month-6 follow-up');
  await page.getByLabel('Your password').fill(demoPassword);
  await screenshot(page, 'amendment-review');
  await expectNoSeriousA11yViolations(page, '/admin/definition');
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByRole('status')).toContainText(/Version 2 is published; [1-9]\d* visit/);
  await expect(page.getByRole('row', { name: /Amendment 1: month-6 follow-up/ })).toContainText('2');

  // The coordinator's next load of the app draws version 2: the new field and the new visit.
  await site.goto(`/participants/${participant.id}/visits/W1/forms/vas`);
  await expect(site.getByText('Rescue medication taken')).toBeVisible();
  await site.goto(`/participants/${participant.id}`);
  await site.getByRole('tab', { name: 'Visits' }).click();
  await expect(site.getByRole('tabpanel', { name: 'Visits' })).toContainText('Month 6');
  await screenshot(site, 'amendment-visits');
  await siteContext.close();
  await adminContext.close();
});
