#!/usr/bin/env node
// `npm run restore -- FILE [--replace]`: apps/api/src/cli/restore.ts (docs/backup.md).
import { runCli } from './run-cli.mjs';

const argv = process.argv.slice(2);
// `npm run restore FILE --replace` (without `--`) hands --replace to npm, which passes it on as
// this variable; --yes likewise.
if (process.env.npm_config_replace === 'true' && !argv.includes('--replace')) argv.push('--replace');
if (process.env.npm_config_yes === 'true' && !argv.includes('--yes')) argv.push('--yes');
process.exitCode = await runCli('restore', argv);
