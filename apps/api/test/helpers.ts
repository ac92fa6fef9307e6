import { createTestDb, type TestDb } from '@mini-edc/db/testing';
import type { StudyDefinition } from '@mini-edc/domain';
import { buildApp } from '../src/app';
import { type Config, testConfig } from '../src/config';

export interface TestContext {
  app: Awaited<ReturnType<typeof buildApp>>;
  db: TestDb;
  close(): Promise<void>;
}

/** A fresh migrated database (PGlite or PostgreSQL, per EDC_TEST_DB) and an app on top of it. */
export async function buildTestApp(
  overrides: Partial<Config> = {},
  study?: StudyDefinition,
): Promise<TestContext> {
  const db = await createTestDb();
  const app = await buildApp({
    db,
    config: testConfig(overrides),
    logger: false,
    ...(study ? { study } : {}),
  });
  return {
    app,
    db,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}
