/**
 * Two API processes on one database randomizing at the same time (R-RAND-3, at 200
 * participants): every participant gets exactly one slot, seq 1..200 of the stratum are
 * each used once (no shared slot, no skipped slot), and parallel repeats for one participant
 * across both processes give one slot and identical answers.
 */
import { field, selectRows } from '@mini-edc/db';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import {
  freshWorld,
  killAll,
  resilienceSkipReason,
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

async function post(base: string, session: World['admin'], path: string, body?: unknown) {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrf,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe.skipIf(skip !== null)(`two API processes randomizing${skip ? ` (skipped: ${skip})` : ''}`, () => {
  it('hands out seq 1..200 exactly once across both processes', async () => {
    world = await freshWorld('D01');
    const w = world;
    const count = 200;
    const participants = await seedParticipants(w, count + 1, true);
    const cap = { EDC_ENROLLMENT_CAP: '100000' };
    const [a, b] = [await startServer(w.url, cap), await startServer(w.url, cap)];
    try {
      // Blocks of 4 (TLF_MOB, US_D5W, US_D5W, TLF_MOB): an import must give balanced blocks.
      const csv = ['stratum,seq,arm,block_no,block_size']
        .concat(
          Array.from(
            { length: Math.ceil((count + 20) / 4) * 4 },
            (_, i) =>
              `D01,${i + 1},${i % 4 === 0 || i % 4 === 3 ? 'TLF_MOB' : 'US_D5W'},${Math.floor(i / 4) + 1},4`,
          ),
        )
        .join('\n');
      const imported = await post(a.base, w.admin, '/api/v1/admin/randomization-lists/import', {
        name: 'Two-process list',
        csv,
      });
      expect(imported.status, JSON.stringify(imported.body)).toBe(201);

      // 200 participants, alternately on each process, 20 requests in flight per process.
      const queue = participants
        .slice(0, count)
        .map((id, i) => ({ id, base: i % 2 === 0 ? a.base : b.base }));
      const answers: { id: string; status: number; seq: number; code?: string }[] = [];
      const worker = async () => {
        for (let job = queue.shift(); job; job = queue.shift()) {
          const res = await post(job.base, w.coordinator, `/api/v1/participants/${job.id}/randomize`);
          const allocation = res.body.allocation as { seq: number } | undefined;
          answers.push({
            id: job.id,
            status: res.status,
            seq: allocation?.seq ?? -1,
            code: (res.body.error as { code?: string } | undefined)?.code,
          });
        }
      };
      await Promise.all(Array.from({ length: 40 }, worker));
      expect(answers.filter((x) => x.status !== 201)).toEqual([]);
      expect(answers.map((x) => x.seq).sort((x, y) => x - y)).toEqual(
        Array.from({ length: count }, (_, i) => i + 1),
      );

      // The same participant, 10 times in parallel over both processes: one slot, one answer.
      const last = participants[count] as string;
      const repeats = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          post(i % 2 === 0 ? a.base : b.base, w.coordinator, `/api/v1/participants/${last}/randomize`),
        ),
      );
      expect(repeats.filter((r) => r.status === 201)).toHaveLength(1);
      expect(repeats.every((r) => r.status === 200 || r.status === 201)).toBe(true);
      expect(new Set(repeats.map((r) => JSON.stringify(r.body.allocation))).size).toBe(1);

      const [slots] = await selectRows(
        w.db.db,
        { assigned: field.int, participants: field.int, min: field.int, max: field.int },
        sql`select count(*)::int as assigned, count(distinct participant_id)::int as participants,
                   min(seq) as min, max(seq) as max
            from randomization_slots where participant_id is not null`,
      );
      expect(slots).toEqual({ assigned: count + 1, participants: count + 1, min: 1, max: count + 1 });
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  }, 120_000);
});
