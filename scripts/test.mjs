#!/usr/bin/env node
// `npm test`: install, lint and format check, type check, build, then every test suite:
// unit, integration on PGlite and on PostgreSQL, and the Playwright end-to-end tests.
import { pnpm } from './pnpm.mjs';

pnpm(['install', '--frozen-lockfile']);
pnpm(['run', 'check']);
pnpm(['run', 'build']);
pnpm(['run', 'test:vitest']);
pnpm(['run', 'test:e2e']);
