/**
 * Memory of the site casebook archive (docs/closeout.md): the archive is streamed one participant
 * at a time, so the heap must not grow with the number of participants. This records the heap
 * while a site's archive streams (no timing assertion) and checks that it stays flat: the growth
 * from the first fifth of the participants to the end is bounded by a fixed margin, not by N.
 * EDC_CASEBOOK_MEMORY_N sets the site size (default 60; docs/benchmarks.md has a 500 run).
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { SYSTEM_ACTOR, withAudit } from '@mini-edc/db';
import { testDbKind } from '@mini-edc/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSite, newUser } from '../src/seed/factories';
import { siteCasebookArchive } from '../src/services/casebooks';
import type { AuthUser } from '../src/services/sessions';
import { buildTestApp, type TestContext } from './helpers';

// Retained memory, not garbage waiting for collection: a full collection before each sample.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const retained = () => {
  gc();
  return process.memoryUsage().heapUsed;
};

const N = Number(process.env.EDC_CASEBOOK_MEMORY_N ?? 60);
let t: TestContext;
let siteId: string;
let user: AuthUser;

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.db.db;
  siteId = (await newSite(db, { code: 'S01', name: 'Memory site' })).id;
  const admin = await newUser(db, { role: 'admin', siteIds: [siteId] });
  user = {
    id: admin.id,
    email: admin.email,
    displayName: admin.displayName,
    role: 'admin',
    locale: 'en',
    mustChangePassword: false,
    siteIds: [siteId],
    allocationReleased: false,
    sessionId: admin.id,
    csrfToken: '',
    idleExpiresAt: new Date(),
    absoluteExpiresAt: new Date(),
  };
  const odi = {
    odi_version: '2.1a-en',
    q1: 2,
    q2: 1,
    q3: 3,
    q4: 2,
    q5: 3,
    q6: 2,
    q7: 1,
    q8: 0,
    q9: 2,
    q10: 1,
  };
  await withAudit(db, SYSTEM_ACTOR, async (tx) => {
    await tx.execute(sql`insert into participants (study_id, site_id, site_seq, status, screened_at, consent_date, eligible)
      select 'S01-' || lpad(i::text, 4, '0'), ${siteId}::uuid, i, 'enrolled', date '2026-01-05', date '2026-01-06', true
      from generate_series(1, ${N}) i`);
    await tx.execute(sql`insert into form_records (participant_id, site_id, visit_code, form_code, status, data)
      select p.id, p.site_id, 'BL', f.code, 'complete',
             case f.code when 'vas' then jsonb_build_object('vas_mm', 40 + p.site_seq % 50, 'vas_method', 'electronic')
                         else ${JSON.stringify(odi)}::jsonb end
      from participants p cross join (values ('vas'), ('odi')) f(code) where p.site_id = ${siteId}::uuid`);
  });
  // A site of this size takes a while to write on a busy shared machine.
}, 600_000);
afterAll(() => t?.close());

describe(`site casebook archive memory on ${testDbKind()}`, () => {
  it(`streams ${N} casebooks with a flat heap`, async () => {
    const archive = await siteCasebookArchive(
      { db: t.db.db, study: t.app.study },
      {
        user,
        ctx: { ...SYSTEM_ACTOR, actorId: user.id, actorRole: 'admin' },
        siteId,
        options: { asOf: new Date(), language: 'en' },
        log: { error: () => {} },
      },
    );
    const samples: number[] = [];
    let bytes = 0;
    let next = 0;
    for await (const chunk of archive.stream) {
      bytes += (chunk as Buffer).length;
      // A sample roughly every 1/10 of the expected size (about 30 KB a casebook).
      if (bytes >= next) {
        samples.push(retained());
        next += (N * 30_000) / 10;
      }
    }
    samples.push(retained());
    const mb = samples.map((s) => Math.round(s / 1048576));
    console.log(
      `casebook archive: ${N} participants, ${Math.round(bytes / 1024)} KiB, heap MiB at each tenth: ${mb.join(' ')}`,
    );
    const early = samples[Math.min(2, samples.length - 1)] ?? 0;
    const peakLater = Math.max(...samples.slice(2));
    expect(peakLater - early).toBeLessThan(32 * 1048576);
  }, 1_200_000);
});
