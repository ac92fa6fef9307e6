#!/usr/bin/env node
// `npm run backup`: apps/api/src/cli/backup.ts (docs/backup.md).
import { runCli } from './run-cli.mjs';

process.exitCode = await runCli('backup', process.argv.slice(2));
