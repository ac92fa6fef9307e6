#!/usr/bin/env node
// `npm run restore -- FILE [--replace]`: apps/api/src/cli/restore.ts (docs/backup.md). The `--`
// matters: without it npm takes --replace for one of its own options.
import { runCli } from './run-cli.mjs';

process.exitCode = await runCli('restore', process.argv.slice(2));
