/**
 * The embedded database belongs to the server process while it runs: PGlite has no locking
 * between processes, so a second process opening the same folder could corrupt it. A server on
 * the embedded database therefore listens on a local socket (a Unix socket readable by its user
 * only, a named pipe on Windows), and `npm run backup` asks it to take the backup; `npm run
 * restore` refuses to run while the socket answers (docs/backup.md).
 */
import { createHash } from 'node:crypto';
import { chmodSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { DbHandle } from '@mini-edc/db';
import { z } from 'zod';
import { type CreatedBackup, createBackup } from './create';
import { manifestSchema } from './format';

/** The socket of the server using this data folder; short enough for any platform's limit. */
function controlSocketPath(dataDir: string): string {
  const id = createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16);
  return process.platform === 'win32' ? `\\\\.\\pipe\\mini-edc-${id}` : join(tmpdir(), `mini-edc-${id}.sock`);
}

const requestSchema = z.discriminatedUnion('command', [
  z.object({ command: z.literal('ping') }),
  z.object({ command: z.literal('backup'), dir: z.string() }),
]);
type ControlRequest = z.infer<typeof requestSchema>;

const responseSchema = z.union([
  z.object({ ok: z.literal(true), pong: z.literal(true) }),
  z.object({ ok: z.literal(true), file: z.string(), manifestFile: z.string(), manifest: manifestSchema }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
type ControlResponse = z.infer<typeof responseSchema>;

export interface ControlSocketOptions {
  dataDir: string;
  db: DbHandle;
  study: string;
  migrationsDir?: string | undefined;
}

async function answer(line: string, options: ControlSocketOptions): Promise<ControlResponse> {
  let request: ControlRequest;
  try {
    request = requestSchema.parse(JSON.parse(line));
  } catch {
    return { ok: false, error: 'unknown request' };
  }
  if (request.command === 'ping') return { ok: true, pong: true };
  try {
    const made = await createBackup({
      db: options.db,
      dir: request.dir,
      study: options.study,
      migrationsDir: options.migrationsDir,
    });
    return { ok: true, ...made };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

export async function startControlSocket(options: ControlSocketOptions): Promise<{ close(): Promise<void> }> {
  const path = controlSocketPath(options.dataDir);
  // A socket file left by a server that was killed: nobody answers on it any more.
  if (process.platform !== 'win32' && !(await ask(path, { command: 'ping' }))) rmSync(path, { force: true });
  const server: Server = createServer((socket) => {
    let buffered = '';
    socket.setEncoding('utf8');
    socket.on('error', () => {});
    socket.on('data', (chunk: string) => {
      buffered += chunk;
      const end = buffered.indexOf('\n');
      if (end < 0) return;
      void answer(buffered.slice(0, end), options).then((response) =>
        socket.end(`${JSON.stringify(response)}\n`),
      );
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(path, () => done());
  });
  if (process.platform !== 'win32') chmodSync(path, 0o600);
  return {
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** Sends one request; null when no server answers on the socket. */
async function ask(path: string, request: ControlRequest): Promise<ControlResponse | null> {
  return new Promise((done) => {
    const socket = createConnection(path);
    let text = '';
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write(`${JSON.stringify(request)}\n`));
    socket.on('data', (chunk: string) => {
      text += chunk;
    });
    socket.on('error', () => done(null));
    socket.on('end', () => {
      try {
        done(responseSchema.parse(JSON.parse(text)));
      } catch {
        done(null);
      }
    });
  });
}

/** True when a server is running on this embedded data folder. */
export async function serverIsRunning(dataDir: string): Promise<boolean> {
  return (await ask(controlSocketPath(dataDir), { command: 'ping' })) !== null;
}

/**
 * Asks the server running on this data folder for a backup into dir: the backup when it made
 * one, null when no server runs there; throws with the server's reason when it failed.
 */
export async function backupThroughServer(dataDir: string, dir: string): Promise<CreatedBackup | null> {
  const response = await ask(controlSocketPath(dataDir), { command: 'backup', dir: resolve(dir) });
  if (!response) return null;
  if (!response.ok) throw new Error(response.error);
  if ('pong' in response) throw new Error('the server did not understand the backup request');
  return { file: response.file, manifestFile: response.manifestFile, manifest: response.manifest };
}
