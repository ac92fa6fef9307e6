/**
 * kill -9 of the API while 50 clients save assessments: every save that was acknowledged
 * with a 2xx is in the database with its audit row, no record is half-written (each has its INSERT
 * audit row and one UPDATE audit row per later version), and the hash chain verifies. A restarted
 * server then serves the same data.
 */
import { verifyAuditChain } from '@mini-edc/db';
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

describe.skipIf(skip !== null)(`kill -9 during saves${skip ? ` (skipped: ${skip})` : ''}`, () => {
  it('keeps every acknowledged save with its audit row and half-writes nothing', async () => {
    world = await freshWorld('K01');
    const w = world;
    const clients = 50;
    const participants = await seedParticipants(w, clients * 4);
    const server = await startServer(w.url);
    const acks: Ack[] = [];
    const failures: Record<string, number> = {};
    let stop = false;
    let sent = 0;

    const client = async (c: number) => {
      // Each client owns 4 participants and keeps correcting their baseline VAS.
      for (let round = 0; !stop; round++) {
        const participantId = participants[c * 4 + (round % 4)] as string;
        sent++;
        try {
          const res = await saveVas(server.base, w.coordinator, participantId, round, round >= 4);
          if (res.status === 200) {
            acks.push({ recordId: res.body.id as string, version: res.body.version as number });
          } else {
            failures[res.status] = (failures[res.status] ?? 0) + 1;
          }
        } catch {
          // Cut off by the kill: the outcome is unknown to the client, so it is not an acknowledgement.
          failures.network = (failures.network ?? 0) + 1;
          if (server.child.exitCode !== null || server.child.signalCode !== null) return;
        }
      }
    };
    const load = Promise.all(Array.from({ length: clients }, (_, c) => client(c)));
    // Let the load run until a good number of saves are acknowledged, then kill the process.
    const deadline = Date.now() + 20_000;
    while (acks.length < 300 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await server.kill9();
    stop = true;
    await load;

    console.log(
      `kill -9 after ${acks.length} acknowledged saves of ${sent} sent; not acknowledged: ${JSON.stringify(failures)}`,
    );
    expect(acks.length).toBeGreaterThan(50);
    // Nothing but the kill may have failed a request.
    expect(Object.keys(failures).filter((k) => k !== 'network')).toEqual([]);

    const { lost, halfWritten } = await checkAcknowledged(w, acks);
    expect(lost).toEqual([]);
    expect(halfWritten).toEqual([]);
    expect(await verifyAuditChain(w.db.db)).toMatchObject({ ok: true, firstBreak: null });

    // A new process on the same database serves what was acknowledged.
    const restarted = await startServer(w.url);
    try {
      const last = acks[acks.length - 1] as Ack;
      const res = await saveVas(restarted.base, w.coordinator, participants[0] as string, 999, true);
      expect(res.status).toBe(200);
      expect(last.version).toBeGreaterThanOrEqual(1);
    } finally {
      await restarted.stop();
    }
  }, 120_000);
});
