import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, test } from '@playwright/test';

const require = createRequire(import.meta.url);
const pdfjsBuild = dirname(require.resolve('pdfjs-dist/package.json'));
const out = fileURLToPath(new URL('../../.output/pdf-pages/', import.meta.url));
// A made-up origin the page route answers from the installed pdfjs-dist; nothing goes to a network.
const origin = 'http://pdf-render.invalid';

/**
 * Renders a PDF's pages to PNG files (e2e/.output/pdf-pages/<name>-p<n>.png) with PDF.js in the
 * test's Chromium, so a person can look at the files the product hands out without any system
 * tool. Each page is also attached to the test report. Returns the paths and the page count.
 */
export async function renderPdfPages(
  context: BrowserContext,
  name: string,
  pdf: Buffer,
  maxPages = 8,
): Promise<{ pages: number; files: string[] }> {
  const page = await context.newPage();
  try {
    await page.route(`${origin}/**`, async (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === '/') {
        return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>PDF pages</title>' });
      }
      const file = join(pdfjsBuild, 'build', path.replace(/^\//, ''));
      return route.fulfill({ contentType: 'text/javascript', body: readFileSync(file) });
    });
    await page.goto(`${origin}/`);
    const result = await page.evaluate(
      async ({ base64, origin, maxPages }) => {
        const pdfjs = await import(`${origin}/pdf.min.mjs`);
        pdfjs.GlobalWorkerOptions.workerSrc = `${origin}/pdf.worker.min.mjs`;
        const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const doc = await pdfjs.getDocument({ data }).promise;
        const images: string[] = [];
        for (let n = 1; n <= Math.min(doc.numPages, maxPages); n++) {
          const pdfPage = await doc.getPage(n);
          const viewport = pdfPage.getViewport({ scale: 1.5 });
          const canvas = document.createElement('canvas');
          canvas.width = Math.ceil(viewport.width);
          canvas.height = Math.ceil(viewport.height);
          await pdfPage.render({ canvas, viewport }).promise;
          images.push(canvas.toDataURL('image/png'));
        }
        return { pages: doc.numPages as number, images };
      },
      { base64: pdf.toString('base64'), origin, maxPages },
    );
    mkdirSync(out, { recursive: true });
    const project = test.info().project.name;
    const files = result.images.map((dataUrl, i) => {
      const file = join(out, `${name}-${project}-p${i + 1}.png`);
      writeFileSync(file, Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
      return file;
    });
    for (const [i, file] of files.entries()) {
      await test.info().attach(`${name} page ${i + 1}`, { path: file, contentType: 'image/png' });
    }
    return { pages: result.pages, files };
  } finally {
    await page.close();
  }
}
