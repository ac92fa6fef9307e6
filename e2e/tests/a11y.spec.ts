import { test } from '@playwright/test';
import { arrangeParticipant } from './helpers/api';
import { expectNoSeriousA11yViolations, visit } from './helpers/axe';
import { signInByApi } from './helpers/ui';

test('public screens have no serious accessibility violations', async ({ page }) => {
  for (const path of ['/', '/login']) {
    await visit(page, path);
    await expectNoSeriousA11yViolations(page, path);
  }
});

test('site staff screens have no serious accessibility violations', async ({ page, baseURL }) => {
  const participant = await arrangeParticipant(baseURL ?? '', { baseline: true });
  await signInByApi(page, 'coordinator@demo.edc');
  for (const path of [
    '/participants',
    '/participants/new',
    `/participants/${participant.id}`,
    `/participants/${participant.id}/visits/BL/forms/odi`,
    `/participants/${participant.id}/visits/BL/forms/vas`,
    '/dashboard',
    '/queries',
  ]) {
    await visit(page, path);
    await expectNoSeriousA11yViolations(page, path);
  }
});
