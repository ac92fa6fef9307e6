import { createHash } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import type { Db } from '@mini-edc/db';
import { schema } from '@mini-edc/db';
import {
  type CasebookModel,
  canonicalJson,
  DomainError,
  fieldError,
  type StudyDefinition,
} from '@mini-edc/domain';
import { and, eq, sql } from 'drizzle-orm';
import yazl from 'yazl';
import { casebookPdf } from '../pdf/casebook-pdf';
import { pdfStreamToBuffer } from '../pdf/pdf-document';
import type { Acting } from './acting';
import { type CasebookParticipant, loadCasebook, siteParticipantsPage } from './casebook-source';
import { failFile, finishFile, startFile } from './closeout-files';
import { recordedStream } from './closeout-stream';
import { inUserSites } from './scope';
import type { AuthUser } from './sessions';

/**
 * Casebooks (docs/closeout.md): one participant's PDF, or one site's as a ZIP archive with a
 * manifest, as of a chosen time. Each is a closeout_files row (audited) completed with its SHA-256.
 * The archive is streamed: one participant at a time is loaded, rendered and hashed when the ZIP
 * writer reaches it, so memory does not grow with the number of participants.
 */
export interface CasebookEnv {
  db: Db;
  study: StudyDefinition;
}

export interface CasebookOptions {
  asOf: Date;
  language: 'en' | 'tr';
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const stamp = (d: Date) => `${d.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;

/** The SHA-256 the cover states: canonical JSON of everything the casebook shows. */
function casebookContentSha256(model: CasebookModel): string {
  return sha256(canonicalJson(model));
}

export function checkAsOf(asOf: Date | undefined): Date {
  const now = new Date();
  if (!asOf) return now;
  if (asOf.getTime() > now.getTime() + 60_000) {
    throw new DomainError('VALIDATION_FAILED', 'AS_OF_FUTURE', {}, [
      fieldError('querystring.asOf', 'DATE_IN_FUTURE'),
    ]);
  }
  return asOf;
}

async function renderCasebook(
  env: CasebookEnv,
  user: AuthUser,
  p: CasebookParticipant,
  options: CasebookOptions,
) {
  const model = await loadCasebook(env.db, { study: env.study, participant: p, asOf: options.asOf });
  const contentSha256 = casebookContentSha256(model);
  const pdf = await pdfStreamToBuffer(
    casebookPdf(env.study, model, {
      language: options.language,
      generatedAt: new Date(),
      generatedBy: `${user.displayName} <${user.email}>`,
      contentSha256,
    }),
  );
  return {
    pdf,
    sha256: sha256(pdf),
    contentSha256,
    fileName: `${env.study.nctId}-${p.studyId}-casebook-${stamp(options.asOf)}.pdf`,
  };
}

async function participantOf(db: Db, user: AuthUser, participantId: string): Promise<CasebookParticipant> {
  const [p] = await db
    .select({
      id: schema.participants.id,
      studyId: schema.participants.studyId,
      siteId: schema.participants.siteId,
      siteCode: schema.sites.code,
      siteName: schema.sites.name,
    })
    .from(schema.participants)
    .innerJoin(schema.sites, eq(schema.sites.id, schema.participants.siteId))
    .where(and(eq(schema.participants.id, participantId), inUserSites(schema.participants.siteId, user)));
  if (!p) throw new DomainError('NOT_FOUND', 'PARTICIPANT_NOT_FOUND');
  return p;
}

/** One participant's casebook, whole (a few hundred KB): its SHA-256 goes in the response header. */
export async function participantCasebook(
  env: CasebookEnv,
  { user, ctx, participantId, options }: Acting & { participantId: string; options: CasebookOptions },
) {
  const p = await participantOf(env.db, user, participantId);
  const id = await startFile(env.db, {
    user,
    ctx,
    file: { kind: 'casebook', siteId: p.siteId, participantId: p.id, ...options },
  });
  try {
    const book = await renderCasebook(env, user, p, options);
    await finishFile(env.db, {
      ctx,
      fileId: id,
      result: {
        sha256: book.sha256,
        byteCount: book.pdf.length,
        manifest: { studyId: p.studyId, fileName: book.fileName, contentSha256: book.contentSha256 },
      },
    });
    return { id, ...book };
  } catch (error) {
    await failFile(env.db, { ctx, fileId: id, why: error instanceof Error ? error.message : String(error) });
    throw error;
  }
}

interface SiteArchiveCall extends Acting {
  siteId: string;
  options: CasebookOptions;
  log: { error: (obj: object, msg: string) => void };
}

interface ArchiveEntry {
  file: string;
  studyId: string;
  sha256: string;
  bytes: number;
  contentSha256: string;
}

/**
 * One site's casebooks as a streamed ZIP: a PDF per participant registered by the as-of time,
 * then manifest.json with every file's SHA-256. The archive's own SHA-256 is computed as it is
 * sent and stored with the closeout_files row when the last byte has gone.
 */
export async function siteCasebookArchive(
  env: CasebookEnv,
  { user, ctx, siteId, options, log }: SiteArchiveCall,
) {
  if (!user.siteIds.includes(siteId)) {
    throw new DomainError('NOT_FOUND', 'SITE_NOT_FOUND', {}, [fieldError('params.siteId', 'NOT_YOUR_SITE')]);
  }
  const [site] = await env.db.select().from(schema.sites).where(eq(schema.sites.id, siteId));
  if (!site) throw new DomainError('NOT_FOUND', 'SITE_NOT_FOUND');
  const id = await startFile(env.db, {
    user,
    ctx,
    file: { kind: 'site_casebooks', siteId, participantId: null, ...options },
  });
  const fileName = `${env.study.nctId}-${site.code}-casebooks-${stamp(options.asOf)}.zip`;
  const zip = new yazl.ZipFile();
  const entries: ArchiveEntry[] = [];
  const mtime = options.asOf;

  // Participants are listed a page at a time; each PDF is made only when the writer reaches it.
  let after: string | null = null;
  for (;;) {
    const page = await siteParticipantsPage(env.db, { siteId, asOf: options.asOf, after, limit: 200 });
    for (const p of page) {
      const name = `casebooks/${p.studyId}.pdf`;
      zip.addReadStreamLazy(name, { mtime, compress: false }, (cb) => {
        renderCasebook(env, user, p, options)
          .then((book) => {
            entries.push({
              file: name,
              studyId: p.studyId,
              sha256: book.sha256,
              bytes: book.pdf.length,
              contentSha256: book.contentSha256,
            });
            cb(null, Readable.from([book.pdf]));
          })
          .catch((error: unknown) => cb(error, new PassThrough()));
      });
    }
    if (page.length < 200) break;
    after = page.at(-1)?.studyId ?? null;
  }
  const manifestOf = () => ({
    kind: 'site_casebooks',
    study: { nctId: env.study.nctId, name: env.study.name },
    site: { code: site.code, name: site.name },
    asOf: options.asOf.toISOString(),
    language: options.language,
    generatedBy: `${user.displayName} <${user.email}>`,
    files: entries,
  });
  zip.addReadStreamLazy('manifest.json', { mtime }, (cb) =>
    cb(null, Readable.from([JSON.stringify(manifestOf(), null, 2)])),
  );
  zip.end();

  zip.on('error', (error: unknown) => log.error({ err: error, fileId: id }, 'casebook archive failed'));
  return {
    id,
    fileName,
    stream: recordedStream(env.db, { ctx, fileId: id, source: zip.outputStream, manifestOf, log }),
  };
}

/** Who generated which close-out file, with its SHA-256 (the archive manifest once complete). */
export async function closeoutFileManifest(db: Db, user: AuthUser, id: string) {
  const [row] = await db
    .select()
    .from(schema.closeoutFiles)
    .where(
      and(
        eq(schema.closeoutFiles.id, id),
        sql`(${schema.closeoutFiles.userId} = ${user.id}::uuid or (${schema.closeoutFiles.siteId} is not null and ${inUserSites(schema.closeoutFiles.siteId, user)}))`,
      ),
    );
  if (!row) throw new DomainError('NOT_FOUND', 'FILE_NOT_FOUND');
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    asOf: row.asOf.toISOString(),
    language: row.language,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    sha256: row.sha256,
    byteCount: row.byteCount,
    manifest: row.manifest ?? null,
  };
}
