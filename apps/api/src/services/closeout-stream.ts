import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { AuditContext, Db } from '@mini-edc/db';
import { failFile, finishFile } from './closeout-files';

interface RecordedFile {
  ctx: AuditContext;
  /** The closeout_files row the stream completes. */
  fileId: string;
  source: NodeJS.ReadableStream;
  manifestOf: () => Record<string, unknown>;
  log: { error: (obj: object, msg: string) => void };
}

/**
 * A close-out archive as it is sent: each chunk is hashed exactly as it goes to the client, and
 * the closeout_files row is completed with the SHA-256, size and manifest after the last byte
 * (or marked failed if the stream breaks off), as exports do (services/export-stream.ts).
 */
export function recordedStream(db: Db, { ctx, fileId: id, source, manifestOf, log }: RecordedFile): Readable {
  async function* hashed(): AsyncGenerator<Buffer> {
    const hash = createHash('sha256');
    let bytes = 0;
    let finished = false;
    try {
      for await (const chunk of source) {
        const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
        hash.update(buf);
        bytes += buf.length;
        yield buf;
      }
      await finishFile(db, {
        ctx,
        fileId: id,
        result: { sha256: hash.digest('hex'), byteCount: bytes, manifest: manifestOf() },
      });
      finished = true;
    } finally {
      if (!finished) {
        await failFile(db, { ctx, fileId: id, why: 'the archive was not completed' }).catch((err: unknown) =>
          log.error({ err, fileId: id }, 'could not mark the close-out file failed'),
        );
      }
    }
  }
  return Readable.from(hashed(), { objectMode: false });
}
