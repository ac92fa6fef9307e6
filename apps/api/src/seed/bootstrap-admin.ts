import { type Db, queryRows, SYSTEM_ACTOR, schema, withAudit } from '@mini-edc/db';
import { newPasswordSchema } from '@mini-edc/domain';
import { sql } from 'drizzle-orm';
import { hashPassword } from '../auth/passwords';

/**
 * A real deployment starts with no users. When none exists and EDC_BOOTSTRAP_ADMIN_EMAIL and
 * _PASSWORD are set, the first admin is created with that temporary password, which must be
 * changed at the first sign-in. Never runs again once any user exists.
 */
export async function bootstrapAdmin(db: Db, email: string, password: string): Promise<boolean> {
  const parsed = newPasswordSchema.safeParse(password);
  if (!parsed.success) {
    throw new Error(`EDC_BOOTSTRAP_ADMIN_PASSWORD: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  }
  const existing = await queryRows(db, sql`select 1 from users limit 1`);
  if (existing.length > 0) return false;
  const passwordHash = await hashPassword(password);
  await withAudit(db, { ...SYSTEM_ACTOR, reason: 'first administrator (bootstrap)' }, (tx) =>
    tx.insert(schema.users).values({
      email: email.trim().toLowerCase(),
      displayName: 'Administrator',
      role: 'admin',
      passwordHash,
      mustChangePassword: true,
    }),
  );
  return true;
}
