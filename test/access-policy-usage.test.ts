// R-BLIND-1: every access question goes to the one policy (packages/domain/src/access). This
// fails when a role is compared by name, listed, or switched on anywhere in the apps' sources.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { roles } from '../packages/domain/src/contracts/auth';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const roleName = `['"\`](?:${roles.join('|')})['"\`]`;

const forbidden: { what: string; pattern: RegExp }[] = [
  { what: 'a role compared with a name', pattern: /\brole\s*[!=]==?\s*['"`]/ },
  { what: 'a role name compared', pattern: new RegExp(`${roleName}\\s*[!=]==?|[!=]==?\\s*${roleName}`) },
  { what: 'a list of role names', pattern: new RegExp(`${roleName}\\s*,\\s*${roleName}`) },
  { what: 'a role looked up in a list', pattern: /\.includes\([^)]*\brole\b/ },
  { what: 'a switch on a role name', pattern: new RegExp(`\\bcase\\s+${roleName}`) },
];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(ts|tsx|mts)$/.test(entry.name) ? [path] : [];
  });
}

function roleChecks(text: string): string[] {
  return text.split('\n').flatMap((line, i) => {
    const hit = forbidden.find((f) => f.pattern.test(line));
    return hit ? [`${i + 1}: ${hit.what}: ${line.trim()}`] : [];
  });
}

describe('access policy usage', () => {
  it('finds the role checks it is meant to find', () => {
    expect(roleChecks("if (user.role === 'assessor') return;")).toHaveLength(1);
    expect(roleChecks("const seesArm = user?.role !== 'assessor';")).toHaveLength(1);
    expect(roleChecks("config: { access: { roles: ['admin', 'monitor'] } },")).toHaveLength(1);
    expect(roleChecks('if (roles.includes(user.role)) {')).toHaveLength(1);
    expect(roleChecks("  case 'monitor':")).toHaveLength(1);
    expect(roleChecks("if (can(user, 'see_allocation')) {")).toEqual([]);
  });

  it('apps/api and apps/web ask the policy instead of comparing roles', () => {
    const found = ['apps/api/src', 'apps/web/src'].flatMap((dir) =>
      sources(join(repoRoot, dir)).flatMap((file) =>
        roleChecks(readFileSync(file, 'utf8')).map((hit) => `${relative(repoRoot, file)}:${hit}`),
      ),
    );
    expect(found, 'ask can(subject, capability) from @mini-edc/domain instead').toEqual([]);
  });
});
