// Starts the built server on a brand-new embedded database with the demo study seeded.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dataDir = fileURLToPath(new URL('../.output/data', import.meta.url));
// The admin screen's backup status reads this folder (docs/backup.md); it starts empty too.
const backupDir = fileURLToPath(new URL('../.output/backups', import.meta.url));
rmSync(dataDir, { recursive: true, force: true });
rmSync(backupDir, { recursive: true, force: true });
const server = spawn(
  process.execPath,
  [fileURLToPath(new URL('../../apps/api/dist/server.js', import.meta.url))],
  {
    stdio: 'inherit',
    env: {
      EDC_LOGIN_RATE_PER_MINUTE: '1000',
      ...process.env,
      EDC_DATA_DIR: dataDir,
      EDC_BACKUP_DIR: backupDir,
      EDC_SEED_DEMO: 'true',
      NODE_ENV: 'production',
    },
  },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
