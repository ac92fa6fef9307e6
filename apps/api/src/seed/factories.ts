import { type Db, SYSTEM_ACTOR, schema, withAudit } from '@mini-edc/db';
import type { Role } from '@mini-edc/domain';
import { hashPassword } from '../auth/passwords';

/**
 * Factories shared by the demo seed and the tests: sensible defaults, explicit
 * overrides, and they return what they created. They write as the explicit system actor.
 */
let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function newSite(db: Db, overrides: Partial<typeof schema.sites.$inferInsert> = {}) {
  const code = overrides.code ?? `Z${String(counter++ % 100).padStart(2, '0')}`;
  const [site] = await withAudit(db, SYSTEM_ACTOR, (tx) =>
    tx
      .insert(schema.sites)
      .values({ code, name: `Site ${code}`, ...overrides })
      .returning(),
  );
  if (!site) throw new Error('site insert returned nothing');
  return site;
}

const hashes = new Map<string, Promise<string>>();
function cachedHash(password: string) {
  // argon2 is slow on purpose; tests create many users with the same password.
  let hash = hashes.get(password);
  if (!hash) {
    hash = hashPassword(password);
    hashes.set(password, hash);
  }
  return hash;
}

export interface NewUserOptions {
  role: Role;
  siteIds: string[];
  email?: string;
  displayName?: string;
  password?: string;
  mustChangePassword?: boolean;
}

export async function newUser(db: Db, options: NewUserOptions) {
  const password = options.password ?? 'Correct-Horse-42';
  const email = options.email ?? `${options.role}-${unique()}@test.edc`;
  const passwordHash = await cachedHash(password);
  const user = await withAudit(db, SYSTEM_ACTOR, async (tx) => {
    const [row] = await tx
      .insert(schema.users)
      .values({
        email,
        displayName: options.displayName ?? `Test ${options.role}`,
        role: options.role,
        passwordHash,
        mustChangePassword: options.mustChangePassword ?? false,
      })
      .returning();
    if (!row) throw new Error('user insert returned nothing');
    if (options.siteIds.length > 0) {
      await tx.insert(schema.userSites).values(options.siteIds.map((siteId) => ({ userId: row.id, siteId })));
    }
    return row;
  });
  return { ...user, password };
}
