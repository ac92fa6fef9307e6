import { resolve } from 'node:path';
import { createDb } from '@mini-edc/db';
import { loadConfig } from './config';

/** `pnpm migrate`: applies pending migrations to DATABASE_URL, or to the PGlite data folder. */
const config = loadConfig();
const db = await createDb({ databaseUrl: config.DATABASE_URL, dataDir: resolve(config.EDC_DATA_DIR) });
await db.migrate(config.EDC_MIGRATIONS_DIR);
await db.close();
process.stdout.write('migrations applied\n');
