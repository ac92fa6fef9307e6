// docker-compose.yml and the Dockerfile, checked as far as a machine without a Docker engine
// allows (README "Deploying with Docker"): the compose file against the Compose Specification's
// JSON schema and lint rules (dclint), the Dockerfile by the linter of the VS Code Docker extension
// (dockerfile-utils), and both against the repository they build and configure.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ignore from '@balena/dockerignore';
import { DCLinter } from 'dclint';
import { Copy, DockerfileParser } from 'dockerfile-ast';
import { validate as lintDockerfile } from 'dockerfile-utils';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { configSchema, loadConfig } from '../apps/api/src/config';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const read = (path: string) => readFileSync(join(repoRoot, path), 'utf8');
const work = mkdtempSync(join(tmpdir(), 'edc-deploy-files-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// Style-only rules are off (the file groups keys by meaning, db before app); the rest, and the
// schema validation dclint always runs first, must report nothing.
const linter = new DCLinter({
  rules: {
    'service-keys-order': 0,
    'services-alphabetical-order': 0,
    'require-quotes-in-ports': [2, { quoteType: 'double' }],
  },
  quiet: false,
  debug: false,
  exclude: [],
});
const lintCompose = (path: string) => {
  const [result] = linter.lintFiles([path], false);
  return (result?.messages ?? []).map((m) => `${m.line}:${m.column} ${m.rule}: ${m.message}`);
};

const manifest = z.object({
  name: z.string(),
  packageManager: z.string().optional(),
  engines: z.object({ node: z.string() }).partial().optional(),
  scripts: z.record(z.string(), z.string()).optional(),
  dependencies: z.record(z.string(), z.string()).optional(),
});
const rootManifest = manifest.parse(JSON.parse(read('package.json')));
const workspaceDirs = ['apps/api', 'apps/web', 'packages/domain', 'packages/db', 'e2e', 'bench'];
const workspace = new Map(
  workspaceDirs.map((dir) => [manifest.parse(JSON.parse(read(`${dir}/package.json`))).name, dir]),
);

/** `${NAME:-default}` and `${NAME}` as compose substitutes them when NAME is unset. */
const unsetSubstitution = (value: string) =>
  value.replace(/\$\{[A-Z0-9_]+(?::?-([^}]*))?\}/g, (_, fallback: string | undefined) => fallback ?? '');

const composeFile = z.object({
  services: z.record(
    z.string(),
    z.object({
      build: z.string().optional(),
      environment: z.record(z.string(), z.string()).optional(),
    }),
  ),
});

// Compiling the compose schema takes seconds on a busy machine.
describe('docker-compose.yml', { timeout: 30_000 }, () => {
  it('follows the Compose Specification and the lint rules', () => {
    expect(lintCompose(join(repoRoot, 'docker-compose.yml'))).toEqual([]);
  });

  it('the same check rejects a file the specification does not allow', () => {
    const broken = join(work, 'docker-compose.yml');
    writeFileSync(
      broken,
      read('docker-compose.yml').replace('    restart: unless-stopped', '    restrat: always'),
    );
    expect(lintCompose(broken).join('\n')).toMatch(/invalid-schema.*\/services\/db.*additional properties/);
  });

  it('gives the app only settings the server knows, and valid ones when nothing is set', () => {
    const compose = composeFile.parse(parseYaml(read('docker-compose.yml')));
    const app = compose.services.app;
    expect(app?.build).toBe('.');
    expect(existsSync(join(repoRoot, 'Dockerfile'))).toBe(true);
    const env = Object.fromEntries(
      Object.entries(app?.environment ?? {}).map(([key, value]) => [key, unsetSubstitution(value)]),
    );
    for (const key of Object.keys(env)) expect(Object.keys(configSchema.shape), key).toContain(key);
    expect(() => loadConfig(env)).not.toThrow();
  });
});

describe('Dockerfile', () => {
  const text = read('Dockerfile');
  const dockerfile = DockerfileParser.parse(text);
  const instructions = dockerfile.getInstructions();
  const args = (i: { getArguments(): { getValue(): string }[] }) => i.getArguments().map((a) => a.getValue());
  const copies = instructions.filter((i) => i instanceof Copy);
  const fromStage = (c: Copy) => c.getFromFlag()?.getValue();

  it('has no problem the Dockerfile linter knows', () => {
    expect(lintDockerfile(text).map((d) => `${d.range.start.line + 1}: ${d.message}`)).toEqual([]);
  });

  it('copies only files that exist and that .dockerignore lets into the build context', () => {
    const ignored = ignore().add(read('.dockerignore').split('\n'));
    const sources = copies.filter((c) => !fromStage(c)).flatMap((c) => args(c).slice(0, -1));
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      expect(existsSync(join(repoRoot, source)), source).toBe(true);
      if (source !== '.') expect(ignored.ignores(posix.normalize(source)), source).toBe(false);
    }
  });

  it('installs with every workspace package the server and the web app need already in place', () => {
    const installAt = instructions.findIndex(
      (i) => i.getKeyword() === 'RUN' && /pnpm install/.test(i.getTextContent()),
    );
    const copiedBefore = instructions
      .slice(0, installAt)
      .filter((i) => i instanceof Copy)
      .flatMap((c) => args(c).slice(0, -1));
    const needed = new Set<string>();
    const visit = (name: string) => {
      const dir = workspace.get(name);
      if (!dir || needed.has(dir)) return;
      needed.add(dir);
      const deps = manifest.parse(JSON.parse(read(`${dir}/package.json`))).dependencies ?? {};
      for (const [dep, range] of Object.entries(deps)) if (range.startsWith('workspace:')) visit(dep);
    };
    visit('@mini-edc/api');
    visit('@mini-edc/web');
    for (const dir of needed) expect(copiedBefore, dir).toContain(`${dir}/package.json`);
    expect(copiedBefore).toEqual(
      expect.arrayContaining(['package.json', 'pnpm-lock.yaml', 'pnpm-workspace.yaml']),
    );
  });

  it('uses the pinned pnpm, a Node the engines accept, and workspace names that exist', () => {
    const pnpmVersion = rootManifest.packageManager?.split('@')[1];
    expect(text).toContain(`npm install -g pnpm@${pnpmVersion}`);
    const nodeMajor = Number(/^>=(\d+)/.exec(rootManifest.engines?.node ?? '')?.[1]);
    for (const from of dockerfile.getFROMs()) {
      expect(from.getImageName()).toBe('node');
      expect(Number(/^(\d+)/.exec(from.getImageTag() ?? '')?.[1])).toBeGreaterThanOrEqual(nodeMajor);
    }
    const filters = [...text.matchAll(/--filter\s+(\S+)/g)].map((m) => m[1] ?? '');
    expect(filters.length).toBeGreaterThan(0);
    for (const name of filters) expect([...workspace.keys()]).toContain(name);
  });

  it('takes from the build stage only what the build makes, and starts the bundled server', () => {
    const deployTarget = /deploy\b[^\n]*\s(\/\S+)\s*$/m.exec(text)?.[1];
    for (const copy of copies.filter((c) => fromStage(c) === 'build')) {
      const [source = ''] = args(copy);
      if (deployTarget && source.startsWith(`${deployTarget}/`)) continue;
      const inRepo = source.replace(/^\/src\//, '');
      const built = /^(.+)\/dist$/.exec(inRepo)?.[1];
      if (built) {
        const scripts = manifest.parse(JSON.parse(read(`${built}/package.json`))).scripts ?? {};
        expect(scripts.build, `${built} has a build script`).toBeDefined();
      } else {
        expect(existsSync(join(repoRoot, inRepo)), inRepo).toBe(true);
      }
    }
    const cmd = instructions.find((i) => i.getKeyword() === 'CMD')?.getTextContent() ?? '';
    expect(cmd).toContain('apps/api/dist/server.js');
    expect(read('apps/api/build.mjs')).toContain("'src/server.ts'");
  });
});
