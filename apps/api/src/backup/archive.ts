/** Writes and reads the backup ZIP (layout in format.ts) with yazl and yauzl. */
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Snapshot } from '@mini-edc/db/backup';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { type BackupHeader, backupHeaderSchema } from './format';

const HEADER_ENTRY = 'backup.json';
const dataEntry = (table: string) => `data/${table}.copy`;

export async function writeBackupArchive(
  path: string,
  header: BackupHeader,
  snapshot: Snapshot,
): Promise<void> {
  const zip = new yazl.ZipFile();
  const mtime = new Date(header.takenAt);
  zip.addBuffer(Buffer.from(`${JSON.stringify(header, null, 2)}\n`), HEADER_ENTRY, { mtime });
  for (const table of header.tables) {
    zip.addBuffer(snapshot.data.get(table.name) ?? Buffer.alloc(0), dataEntry(table.name), { mtime });
  }
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(path, { flags: 'wx', mode: 0o600 }));
}

function readEntries(path: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('cannot open the archive'));
      const files = new Map<string, Buffer>();
      zip.on('error', reject);
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error(`cannot read ${entry.fileName}`));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', reject);
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(files));
      zip.readEntry();
    });
  });
}

export interface BackupArchive {
  header: BackupHeader;
  snapshot: Snapshot;
}

export async function readBackupArchive(path: string): Promise<BackupArchive> {
  const files = await readEntries(path);
  const raw = files.get(HEADER_ENTRY);
  if (!raw) throw new Error(`${HEADER_ENTRY} is missing: not a mini-EDC backup`);
  const header = backupHeaderSchema.parse(JSON.parse(raw.toString('utf8')));
  const data = new Map<string, Buffer>();
  for (const table of header.tables) {
    const content = files.get(dataEntry(table.name));
    if (!content) throw new Error(`${dataEntry(table.name)} is missing from the backup`);
    data.set(table.name, content);
  }
  return {
    header,
    snapshot: {
      header: {
        takenAt: header.takenAt,
        migrations: header.migrations,
        tables: header.tables,
        rowCounts: header.rowCounts,
        sequences: header.sequences,
        auditHeads: header.auditHeads,
      },
      data,
    },
  };
}
