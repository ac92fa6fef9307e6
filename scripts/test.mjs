#!/usr/bin/env node
// `npm test`: install, lint and format check, type check, build, then every test suite:
// unit, integration on PGlite and on PostgreSQL, and the Playwright end-to-end tests.
// Needs only Node.js and npm: the browser comes from an npm package when the machine has none
// (scripts/find-chromium.mjs), and XML is validated in-process (test/xml-check.mjs).
import { findChromium, NoChromiumError } from './find-chromium.mjs';
import { pnpm } from './pnpm.mjs';

pnpm(['install', '--frozen-lockfile']);

// Find (or unpack) the browser first, so that a machine without one learns it now, in one line,
// rather than after the rest of the suite.
try {
  const { source, executablePath } = await findChromium();
  console.log(`Browser for the e2e suite (${source}): ${executablePath}`);
} catch (error) {
  if (!(error instanceof NoChromiumError)) throw error;
  console.error(error.message);
  process.exit(1);
}

pnpm(['run', 'check']);
pnpm(['run', 'build']);
pnpm(['run', 'test:vitest']);
pnpm(['run', 'test:e2e']);
