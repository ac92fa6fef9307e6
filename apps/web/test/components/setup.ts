import { lbpTrial } from '@mini-edc/domain';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeAll, vi } from 'vitest';
import { setStudy } from '../../src/forms/study';
import { applyLocale, i18nReady } from '../../src/i18n';

// The screens read the definition the API would serve (GET /api/v1/study): the production one.
setStudy(lbpTrial, 'Europe/Istanbul');

beforeAll(async () => {
  await i18nReady();
  await applyLocale('en');
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
});
