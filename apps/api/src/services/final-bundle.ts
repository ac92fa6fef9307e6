import { createHash } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { DomainError, type ExportFormat } from '@mini-edc/domain';
import type { FastifyBaseLogger } from 'fastify';
import yazl from 'yazl';
import type { Acting } from './acting';
import { latestVerification } from './allocation-verification';
import { startFile } from './closeout-files';
import { recordedStream } from './closeout-stream';
import type { ExportEnv } from './export-run';
import { openExport } from './export-stream';
import { getStudyStatus, lockAuditHead } from './study-lifecycle';

/**
 * The final export bundle (docs/closeout.md): one ZIP with the wide and long CSV, the data
 * dictionary, ODM 1.3.2 with audit records (each made by the existing exporter, so each is also an
 * audited export with its own manifest), the allocation verification report in HTML and PDF, and
 * manifest.json with every file's SHA-256 and the audit chain heads recorded at lock.
 */
const dataFiles: { format: ExportFormat; file: string }[] = [
  { format: 'wide_csv', file: 'data/wide.csv' },
  { format: 'long_csv', file: 'data/long.csv' },
  { format: 'dictionary_csv', file: 'data/dictionary.csv' },
  { format: 'odm_xml', file: 'data/odm-1.3.2.xml' },
];

interface BundleEntry {
  file: string;
  sha256: string;
  bytes: number;
  exportId?: string;
}

/** Hashes a stream as it passes into the archive and records the entry when it ends. */
function hashedInto(source: NodeJS.ReadableStream, file: string, entries: BundleEntry[], exportId?: string) {
  const hash = createHash('sha256');
  let bytes = 0;
  const out = new PassThrough();
  source.on('data', (chunk: Buffer) => {
    hash.update(chunk);
    bytes += chunk.length;
  });
  source.on('end', () =>
    entries.push({ file, sha256: hash.digest('hex'), bytes, ...(exportId ? { exportId } : {}) }),
  );
  source.on('error', (error) => out.destroy(error));
  source.pipe(out);
  return out;
}

export async function finalBundle(env: ExportEnv, { user, ctx, log }: Acting & { log: FastifyBaseLogger }) {
  const status = await getStudyStatus(env.db);
  if (status.state !== 'locked') throw new DomainError('CONFLICT', 'AFTER_DATABASE_LOCK');
  const verification = await latestVerification(env.db);
  if (!verification) {
    throw new DomainError('CONFLICT', 'BUNDLE_NEEDS_VERIFICATION');
  }
  const head = await lockAuditHead(env.db);
  const generatedAt = new Date();
  const id = await startFile(env.db, {
    user,
    ctx,
    file: { kind: 'final_bundle', siteId: null, participantId: null, asOf: generatedAt, language: 'en' },
  });
  const stamp = `${generatedAt.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
  const fileName = `${env.study.nctId}-final-bundle-${stamp}.zip`;
  const zip = new yazl.ZipFile();
  const entries: BundleEntry[] = [];
  const mtime = generatedAt;

  for (const { format, file } of dataFiles) {
    zip.addReadStreamLazy(file, { mtime }, (cb) => {
      openExport(env, { user, ctx, format, query: {}, options: { log } })
        .then((opened) => cb(null, hashedInto(opened.stream, file, entries, opened.manifest.exportId)))
        .catch((error: unknown) => cb(error, new PassThrough()));
    });
  }
  const reports: [string, Buffer][] = [
    ['allocation-verification/report.html', Buffer.from(verification.html, 'utf8')],
    ['allocation-verification/report.pdf', Buffer.from(verification.pdfBase64, 'base64')],
  ];
  for (const [file, body] of reports) {
    zip.addReadStreamLazy(file, { mtime }, (cb) =>
      cb(null, hashedInto(Readable.from([body]), file, entries)),
    );
  }
  const manifestOf = () => ({
    kind: 'final_bundle',
    study: { nctId: env.study.nctId, name: env.study.name },
    generatedAt: generatedAt.toISOString(),
    generatedBy: `${user.displayName} <${user.email}>`,
    lockedAt: status.lockedAt,
    auditHeadAtLock: head,
    allocationVerification: {
      id: verification.id,
      match: verification.match,
      verifiedAt: verification.verifiedAt.toISOString(),
      htmlSha256: verification.htmlSha256,
      pdfSha256: verification.pdfSha256,
    },
    files: entries,
  });
  zip.addReadStreamLazy('manifest.json', { mtime }, (cb) =>
    cb(null, Readable.from([JSON.stringify(manifestOf(), null, 2)])),
  );
  zip.end();

  zip.on('error', (error: unknown) => log.error({ err: error, fileId: id }, 'final bundle failed'));
  return {
    id,
    fileName,
    stream: recordedStream(env.db, { ctx, fileId: id, source: zip.outputStream, manifestOf, log }),
  };
}
