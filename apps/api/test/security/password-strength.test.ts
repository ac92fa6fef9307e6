import { testDbKind } from '@mini-edc/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../src/seed/demo';
import { newSite, newUser } from '../../src/seed/factories';
import { buildTestApp, type TestContext } from '../helpers';
import { call, type Session, signIn } from '../session';

/**
 * docs/security.md, control 3: every new password (created by an admin, reset, changed) is checked
 * for length and by the strength estimator with common, English and Turkish dictionaries; the
 * reason comes back as a code with parameters beside the field. Existing passwords keep working.
 */
let t: TestContext;
let siteId: string;
let admin: Session;
beforeAll(async () => {
  t = await buildTestApp({ EDC_LOGIN_RATE_PER_MINUTE: 1000 });
  siteId = (await newSite(t.db.db, { code: 'R01' })).id;
  const account = await newUser(t.db.db, { role: 'admin', siteIds: [siteId] });
  admin = await signIn(t.app, account.email, account.password);
});
afterAll(() => t?.close());

let n = 0;
const createUser = (temporaryPassword: string, displayName = 'Nesrin Yılmaz') =>
  call(t.app, admin, 'POST', '/api/v1/admin/users', {
    email: `nesrin.yilmaz${n++}@hospital.org`,
    displayName,
    role: 'coordinator',
    siteIds: [siteId],
    temporaryPassword,
  });

function refusal(res: Awaited<ReturnType<typeof call>>) {
  expect(res.statusCode).toBe(400);
  const body = res.json();
  expect(body.error.code).toBe('VALIDATION_FAILED');
  return body.error.fields;
}

describe(`new passwords are checked for strength, on ${testDbKind()}`, () => {
  it.each(['password12', 'Password123', 'qwerty1234', 'admin12345', 'Demo-2026!'])(
    'refuses %s as too short, with the minimum as a parameter',
    async (password) => {
      expect(refusal(await createUser(password))).toEqual([
        {
          path: 'body.temporaryPassword',
          message: 'Use at least 12 characters.',
          code: 'PASSWORD_TOO_SHORT',
          params: { min: 12 },
        },
      ]);
    },
  );

  it.each([
    ['Password1234', 'similarToCommon'],
    ['qwerty123456', 'common'],
    ['admin1234567', 'similarToCommon'],
    ['abcdefghijkl', 'sequences'],
    ['Galatasaray1905', 'similarToCommon'],
    ['Sifre12345!!', 'similarToCommon'],
    ['Ankara2026!!', 'guessable'],
    ['MiniEDC12345', 'userInputs'],
  ])('refuses %s as guessable (%s)', async (password, reason) => {
    expect(refusal(await createUser(password))).toEqual([
      {
        path: 'body.temporaryPassword',
        message: 'This password is too easy to guess.',
        code: 'PASSWORD_TOO_GUESSABLE',
        params: { reason },
      },
    ]);
  });

  it('refuses the demo password, which the README and every demo start print', async () => {
    for (const password of [demoPassword, demoPassword.toLowerCase(), `${demoPassword}!`]) {
      expect(refusal(await createUser(password))[0], password).toMatchObject({
        path: 'body.temporaryPassword',
        code: 'PASSWORD_TOO_GUESSABLE',
      });
    }
  });

  it('refuses a password built on the user’s own name', async () => {
    const fields = refusal(await createUser('NesrinYilmaz2026'));
    expect(fields[0]).toMatchObject({ path: 'body.temporaryPassword', code: 'PASSWORD_TOO_GUESSABLE' });
  });

  it('accepts a long, unguessable password', async () => {
    expect((await createUser('Harbor-Violet-Compass-38')).statusCode).toBe(201);
  });

  it('checks an admin reset and a change by the user the same way', async () => {
    const user = await newUser(t.db.db, { role: 'investigator', siteIds: [siteId] });
    const reset = await call(t.app, admin, 'POST', `/api/v1/admin/users/${user.id}/reset-password`, {
      temporaryPassword: 'Welcome2026!',
    });
    expect(refusal(reset)[0]).toMatchObject({
      path: 'body.temporaryPassword',
      code: 'PASSWORD_TOO_GUESSABLE',
    });

    const session = await signIn(t.app, user.email, user.password);
    const change = await call(t.app, session, 'POST', '/api/v1/auth/change-password', {
      currentPassword: user.password,
      newPassword: 'iloveyou2026',
    });
    expect(refusal(change)[0]).toMatchObject({ path: 'body.newPassword', code: 'PASSWORD_TOO_GUESSABLE' });
    const short = await call(t.app, session, 'POST', '/api/v1/auth/change-password', {
      currentPassword: user.password,
      newPassword: 'Short-1',
    });
    expect(refusal(short)[0]).toMatchObject({ path: 'body.newPassword', code: 'PASSWORD_TOO_SHORT' });
    // Nothing changed: the old password still signs in.
    await signIn(t.app, user.email, user.password);
  });

  it('keeps existing accounts signing in with the passwords they have', async () => {
    const legacy = await newUser(t.db.db, { role: 'monitor', siteIds: [siteId], password: 'Demo-2026!' });
    const session = await signIn(t.app, legacy.email, 'Demo-2026!');
    expect((await call(t.app, session, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);
    const reauth = await call(t.app, session, 'POST', '/api/v1/auth/reauthenticate', {
      password: 'Demo-2026!',
    });
    expect(reauth.statusCode).toBe(204);
  });
});
