import { schema, selectRows } from '@mini-edc/db';
import { testDbKind } from '@mini-edc/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrapAdmin } from '../src/seed/bootstrap-admin';
import { buildTestApp, type TestContext } from './helpers';
import { call, signIn } from './session';

let t: TestContext;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t?.close());

describe(`first administrator on ${testDbKind()}`, () => {
  it('creates one admin on an empty database, who must change the password, and never again', async () => {
    await expect(bootstrapAdmin(t.db.db, 'chief@hospital.org', 'short')).rejects.toThrow(
      /BOOTSTRAP_ADMIN_PASSWORD/,
    );
    expect(await bootstrapAdmin(t.db.db, 'Chief@Hospital.org', 'First-Password-2026')).toBe(true);
    expect(await bootstrapAdmin(t.db.db, 'other@hospital.org', 'First-Password-2026')).toBe(false);
    const session = await signIn(t.app, 'chief@hospital.org', 'First-Password-2026');
    const me = (await call(t.app, session, 'GET', '/api/v1/auth/me')).json();
    expect(me.user).toMatchObject({ role: 'admin', mustChangePassword: true });
    const [audit] = await selectRows(
      t.db.db,
      { reason: schema.auditLog.reason },
      sql`select reason from audit_log where table_name = 'users' and action = 'INSERT'`,
    );
    expect(audit?.reason).toBe('first administrator (bootstrap)');
  });
});

describe('configuration', () => {
  it('treats blank bootstrap variables (as docker-compose passes them) as unset, and names a bad one', async () => {
    const { loadConfig } = await import('../src/config');
    const config = loadConfig({ EDC_BOOTSTRAP_ADMIN_EMAIL: '', EDC_BOOTSTRAP_ADMIN_PASSWORD: '' });
    expect(config.EDC_BOOTSTRAP_ADMIN_EMAIL).toBeUndefined();
    expect(() => loadConfig({ EDC_BOOTSTRAP_ADMIN_EMAIL: 'not-an-email' })).toThrow(
      /EDC_BOOTSTRAP_ADMIN_EMAIL/,
    );
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });
});
