import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { ExportManifest } from '@mini-edc/domain';
import type { FastifyBaseLogger } from 'fastify';
import { type ExportTally, exportWriters, hasParticipantData } from './export-formats';
import { type ExportCall, type ExportEnv, failExport, finishExport, startExport } from './export-run';

/**
 * An export as a byte stream. The file's SHA-256 and row count are only known at
 * the end, so each chunk is hashed exactly as it is handed to the socket, and the manifest is
 * stored before the stream ends: a client that received the whole file can fetch its manifest at
 * once. If storing it fails, the stream errors instead of ending, so no file is ever complete
 * without its manifest.
 */
export interface OpenedExport {
  manifest: ExportManifest;
  stream: Readable;
}

export interface ExportStreamOptions {
  log: FastifyBaseLogger;
  /** Participants per database round (keyset batches). */
  batchSize?: number;
}

export async function openExport(
  env: ExportEnv,
  { user, ctx, format, query, options }: ExportCall & { options: ExportStreamOptions },
): Promise<OpenedExport> {
  const { manifest, scope } = await startExport(env, { user, ctx, format, query });
  const tally: ExportTally = { rows: 0, participants: 0, records: 0, auditEntries: 0 };
  const chunks = exportWriters[format]({
    db: env.db,
    scope,
    exportId: manifest.exportId,
    startedAt: manifest.startedAt,
    tally,
    ...(options.batchSize ? { batchSize: options.batchSize } : {}),
  });

  async function* hashed(): AsyncGenerator<Buffer> {
    const hash = createHash('sha256');
    let bytes = 0;
    let finished = false;
    let failure = 'the client went away before the file was complete';
    try {
      for await (const chunk of chunks) {
        if (chunk.length === 0) continue;
        const buf = Buffer.from(chunk, 'utf8');
        hash.update(buf);
        bytes += buf.length;
        yield buf;
      }
      const { participants, records, auditEntries } = tally;
      await finishExport(env.db, {
        ctx,
        manifest,
        result: {
          rowCount: tally.rows,
          counts: hasParticipantData(format) ? { participants, records, auditEntries } : null,
          byteCount: bytes,
          sha256: hash.digest('hex'),
        },
      });
      finished = true;
    } catch (error) {
      failure = `export failed: ${error instanceof Error ? error.message : String(error)}`;
      throw error;
    } finally {
      // Runs on success, on error, and when the response is destroyed (Readable.from → return()).
      if (!finished) {
        await chunks.return(undefined).catch(() => {});
        await failExport(env.db, { ctx, manifest, why: failure }).catch((err: unknown) =>
          options.log.error({ err, exportId: manifest.exportId }, 'could not mark the export failed'),
        );
      }
    }
  }

  // Byte mode: the 16 KiB high-water mark bounds what waits in memory for a slow client.
  return { manifest, stream: Readable.from(hashed(), { objectMode: false }) };
}
