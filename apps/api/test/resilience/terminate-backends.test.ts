/**
 * Database connections cut under load: pg_terminate_backend on this test database's
 * backends, again and again while 20 clients save. While a connection is gone the API answers
 * 503 DATABASE_UNAVAILABLE with a clear message (never a 500), it recovers by itself when the
 * killing stops, and no acknowledged write is lost. Only this database's backends are terminated
 * (a server restart would disturb the other test files running in parallel).
 */
import { createDb, field, selectRows, verifyAuditChain } from '@mini-edc/db';
import { testPgAdminUrl } from '@mini-edc/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type Ack,
  checkAcknowledged,
  freshWorld,
  killAll,
  resilienceSkipReason,
  saveVas,
  seedParticipants,
  startServer,
  type World,
} from './support';

const skip = resilienceSkipReason();
let world: World | undefined;
afterAll(async () => {
  killAll();
  await world?.db.close();
});

describe.skipIf(skip !== null)(
  `connections terminated under load${skip ? ` (skipped: ${skip})` : ''}`,
  () => {
    it('answers 503 while connections die, recovers by itself and loses no acknowledged write', async () => {
      world = await freshWorld('T01');
      const w = world;
      const dbName = new URL(w.url).pathname.slice(1);
      const clients = 20;
      const participants = await seedParticipants(w, clients * 4);
      const server = await startServer(w.url);
      // On the server's maintenance database, so the killer is never among the terminated.
      const admin = await createDb({ databaseUrl: testPgAdminUrl, poolMax: 1 });
      const acks: Ack[] = [];
      const unavailable: { status: number; code: unknown; message: unknown }[] = [];
      const other: string[] = [];
      let stop = false;
      let terminated = 0;
      try {
        const client = async (c: number) => {
          for (let round = 0; !stop; round++) {
            const participantId = participants[c * 4 + (round % 4)] as string;
            const res = await saveVas(server.base, w.coordinator, participantId, round, round >= 4).catch(
              // A connection the server dropped (it must not: it should answer 503) is recorded too.
              (error: unknown): Awaited<ReturnType<typeof saveVas>> => ({
                status: 0,
                body: { error: String(error), cause: String((error as Error).cause) },
              }),
            );
            if (res.status === 200) {
              acks.push({ recordId: res.body.id as string, version: res.body.version as number });
            } else if (res.status === 503) {
              const error = res.body.error as { code: unknown; message: unknown };
              unavailable.push({ status: res.status, code: error.code, message: error.message });
            } else {
              other.push(`${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
              // A dead server refuses at once: do not spin.
              if (res.status === 0) await new Promise((r) => setTimeout(r, 50));
            }
          }
        };
        const load = Promise.all(Array.from({ length: clients }, (_, c) => client(c)));
        const killer = (async () => {
          for (let i = 0; i < 12; i++) {
            await new Promise((r) => setTimeout(r, 400));
            const rows = await selectRows(
              admin.db,
              { ok: field.bool },
              sql`select pg_terminate_backend(pid) as ok from pg_stat_activity
                where datname = ${dbName} and pid <> pg_backend_pid()`,
            );
            terminated += rows.filter((r) => r.ok).length;
          }
        })();
        await killer;
        const acksWhileKilling = acks.length;
        // Recovery: without any restart, saves succeed again within a few seconds.
        const recoveredBy = Date.now() + 10_000;
        while (acks.length < acksWhileKilling + 100 && Date.now() < recoveredBy) {
          await new Promise((r) => setTimeout(r, 100));
        }
        stop = true;
        await load;
        console.log(
          `terminated ${terminated} backends; ${acks.length} saves acknowledged (${acksWhileKilling} while killing), ` +
            `${unavailable.length} × 503, other: ${other.length}`,
        );
        expect(terminated).toBeGreaterThan(0);
        expect(server.child.exitCode, server.output()).toBeNull();
        expect(other).toEqual([]);
        for (const u of unavailable) {
          expect(u.code).toBe('DATABASE_UNAVAILABLE');
          expect(u.message).toMatch(/database cannot be reached.*Nothing was saved/i);
        }
        expect(acks.length).toBeGreaterThanOrEqual(acksWhileKilling + 100);

        const { lost, halfWritten } = await checkAcknowledged(w, acks);
        expect(lost).toEqual([]);
        expect(halfWritten).toEqual([]);
        expect(await verifyAuditChain(w.db.db)).toMatchObject({ ok: true, firstBreak: null });
      } finally {
        stop = true;
        await admin.close();
        await server.stop();
      }
    }, 120_000);
  },
);
