import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { arrangeParticipant } from './helpers/api';
import { expectNoSeriousA11yViolations } from './helpers/axe';
import { signInByApi } from './helpers/ui';

/**
 * Tablets at the bedside, both orientations, English and Turkish: no tab is cut off, the live
 * ODI score stays in view while the last section is answered, every answer target is at least
 * 44 × 44 CSS px (WCAG 2.5.5), and axe finds nothing serious. Screenshots of each orientation go
 * to docs/screenshots (tablet-*.png). Each test opens its own tablet, so the spec runs in the tablet
 * project only (e2e/playwright.config.ts).
 */
const orientations = [
  { name: 'portrait', viewport: { width: 768, height: 1024 } },
  { name: 'landscape', viewport: { width: 1024, height: 768 } },
] as const;
const docs = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

async function coordinator(
  browser: Browser,
  locale: 'en-GB' | 'tr-TR',
  viewport: { width: number; height: number },
) {
  const context = await browser.newContext({
    locale,
    viewport,
    hasTouch: true,
    timezoneId: 'Europe/Istanbul',
    baseURL: test.info().project.use.baseURL,
  });
  const page = await context.newPage();
  await signInByApi(page, 'coordinator@demo.edc', locale === 'tr-TR' ? 'tr' : 'en');
  return page;
}

async function expectNoTabCutOff(page: Page, width: number) {
  const tabs = page.getByRole('tab');
  const count = await tabs.count();
  expect(count).toBeGreaterThan(5);
  for (let i = 0; i < count; i++) {
    const box = await tabs.nth(i).boundingBox();
    expect(box, `tab ${i}`).not.toBeNull();
    if (!box) continue;
    expect(box.x, `tab ${i} starts on screen`).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, `tab ${i} ends on screen`).toBeLessThanOrEqual(width);
    expect(box.height, `tab ${i} is a 44 px target`).toBeGreaterThanOrEqual(44);
  }
}

for (const locale of ['en-GB', 'tr-TR'] as const) {
  for (const o of orientations) {
    test(`tablet ${o.name} (${locale}): tabs, ODI score and answer targets`, async ({ browser, baseURL }) => {
      const randomized = await arrangeParticipant(baseURL ?? '', { randomize: true });
      const fresh = await arrangeParticipant(baseURL ?? '');
      const page = await coordinator(browser, locale, o.viewport);

      await page.goto(`/participants/${randomized.id}`);
      await expect(page.getByRole('tablist')).toBeVisible();
      await expectNoTabCutOff(page, o.viewport.width);

      await page.goto(`/participants/${fresh.id}/visits/BL/forms/odi`);
      const options = page.locator('.odi-layout .choice');
      await expect(options.first()).toBeVisible();
      const boxes = await options.evaluateAll((els) =>
        els.map((el) => {
          const r = el.getBoundingClientRect();
          return { w: r.width, h: r.height };
        }),
      );
      expect(boxes.length).toBeGreaterThanOrEqual(60);
      for (const b of boxes) {
        expect(b.w).toBeGreaterThanOrEqual(44);
        expect(b.h).toBeGreaterThanOrEqual(44);
      }
      // Answer the last section: the live score is still on screen, and counts it.
      const last = page
        .locator('.odi-layout .choice-group')
        .filter({ hasText: /^10\./ })
        .locator('.choice')
        .nth(2);
      await last.click();
      await expect(page.getByTestId('odi-percent')).toBeInViewport();
      // The percent sign where the language puts it: "%40,0" in Turkish, "40.0%" in English.
      await expect(page.getByTestId('odi-percent')).toHaveText(
        locale === 'tr-TR' ? /^%\d+,\d$/ : /^\d+\.\d%$/,
      );
      await expectNoSeriousA11yViolations(page, `ODI form, tablet ${o.name}`);

      mkdirSync(docs, { recursive: true });
      const lang = locale === 'tr-TR' ? 'tr' : 'en';
      await page.screenshot({ path: `${docs}tablet-${o.name}-odi-${lang}.png` });
      await page.goto(`/participants/${randomized.id}`);
      await expect(page.getByRole('tablist')).toBeVisible();
      await page.screenshot({ path: `${docs}tablet-${o.name}-participant-${lang}.png` });
      await page.context().close();
    });
  }
}
