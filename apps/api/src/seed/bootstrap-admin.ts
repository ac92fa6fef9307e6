import { type Db, SYSTEM_ACTOR, schema, withAudit } from '@mini-edc/db';
import { passwordRefusalMessage } from '@mini-edc/domain';
import { passwordRefusal } from '../auth/password-policy';
import { hashPassword } from '../auth/passwords';

/**
 * A real deployment starts with no users. When none exists and EDC_BOOTSTRAP_ADMIN_EMAIL and
 * _PASSWORD are set, the first admin is created with that temporary password, which must be
 * changed at the first sign-in. Never runs again once any user exists.
 */
export async function bootstrapAdmin(db: Db, email: string, password: string): Promise<boolean> {
  const existing = await db.select({ id: schema.users.id }).from(schema.users).limit(1);
  // Checked only when it is used: a later, stricter policy must not stop an existing deployment.
  if (existing.length > 0) return false;
  const refusal = passwordRefusal(password, { email });
  if (refusal) throw new Error(`EDC_BOOTSTRAP_ADMIN_PASSWORD: ${passwordRefusalMessage(refusal)}`);
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
