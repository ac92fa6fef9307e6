import { resolve } from 'node:path';
import { createDb } from '@mini-edc/db';
import { lbpTrial } from '@mini-edc/domain';
import closeWithGrace from 'close-with-grace';
import { buildApp } from './app';
import { warmPasswordEstimator } from './auth/password-policy';
import { startControlSocket } from './backup/control-socket';
import { loadConfig } from './config';
import { bootstrapAdmin } from './seed/bootstrap-admin';
import { demoPasswordInUse, demoUsers, seedDemo } from './seed/demo';
import { loadOrSeedDefinition } from './services/study-definitions';

const config = loadConfig();
const db = await createDb({
  databaseUrl: config.DATABASE_URL,
  dataDir: resolve(config.EDC_DATA_DIR),
  poolMax: config.EDC_DB_POOL_MAX,
});
await db.migrate(config.EDC_MIGRATIONS_DIR);
// The stored definition is the study; the compiled one only seeds version 1 of an empty database.
const { definition } = await loadOrSeedDefinition(db.db, lbpTrial);
if (config.EDC_SEED_DEMO) await seedDemo(db.db, definition, config.EDC_STUDY_TIMEZONE);
if (config.EDC_BOOTSTRAP_ADMIN_EMAIL && config.EDC_BOOTSTRAP_ADMIN_PASSWORD) {
  await bootstrapAdmin(db.db, config.EDC_BOOTSTRAP_ADMIN_EMAIL, config.EDC_BOOTSTRAP_ADMIN_PASSWORD);
}

const app = await buildApp({ db, config, serveWeb: true });
// The embedded database is this process's alone; `npm run backup` asks it through this socket.
const control = config.DATABASE_URL
  ? null
  : await startControlSocket({
      dataDir: resolve(config.EDC_DATA_DIR),
      db,
      study: lbpTrial.id,
      migrationsDir: config.EDC_MIGRATIONS_DIR,
    });
closeWithGrace({ delay: 10_000 }, async ({ err }) => {
  if (err) app.log.error({ err }, 'shutting down after an error');
  await control?.close();
  await app.close();
  await db.close();
});

await app.listen({ port: config.PORT, host: config.HOST });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : config.PORT;
const shownHost = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
const where = config.DATABASE_URL
  ? 'PostgreSQL (DATABASE_URL)'
  : `embedded PGlite in ${resolve(config.EDC_DATA_DIR)}`;
const lines = [
  '',
  `  mini-EDC is running at http://${shownHost}:${port}`,
  `  API docs:  http://${shownHost}:${port}/docs`,
  `  Database:  ${where}`,
];
if (config.EDC_SEED_DEMO) {
  lines.push('', `  Demo logins (password for all: ${await demoPasswordInUse(db.db)}):`);
  for (const u of demoUsers)
    lines.push(`    ${u.role.padEnd(13)} ${u.email.padEnd(24)} sites ${u.sites.join(', ')}`);
}
lines.push('');
process.stdout.write(`${lines.join('\n')}\n`);
warmPasswordEstimator();
