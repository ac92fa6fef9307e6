import { fileURLToPath } from 'node:url';
import { z } from 'zod';

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const blankAsUnset = (v: unknown) => (v === '' ? undefined : v);

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/**
 * Every setting the server reads, parsed once at boot. Nothing else reads
 * process.env. The README's configuration table lists the same names.
 */
export const configSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  EDC_DATA_DIR: z.string().default('./data'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  EDC_SEED_DEMO: bool.default(false),
  // The first administrator of an empty database (a real deployment has no demo users).
  // docker-compose passes unset variables as empty strings: treat those as unset.
  EDC_BOOTSTRAP_ADMIN_EMAIL: z.preprocess(blankAsUnset, z.string().email().optional()),
  EDC_BOOTSTRAP_ADMIN_PASSWORD: z.preprocess(blankAsUnset, z.string().optional()),
  EDC_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  EDC_SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24)
    .default(12),
  EDC_LOCKOUT_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
  EDC_LOCKOUT_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  EDC_LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  // 'auto' marks the session cookie Secure when the request came over HTTPS (directly or via a
  // proxy that EDC_TRUST_PROXY trusts).
  EDC_COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  EDC_TRUST_PROXY: bool.default(false),
  EDC_WEB_DIST: z.string().default(fileURLToPath(new URL('../../web/dist', import.meta.url))),
  EDC_MIGRATIONS_DIR: z.string().optional(),
  // Dates of visits and randomization are calendar days at the sites (protocol §5.1).
  // An IANA name the runtime knows: a misspelt zone would otherwise surface as a 500 on the first
  // date rule, and the web (which is served the zone with the study) would fail the same way.
  EDC_STUDY_TIMEZONE: z
    .string()
    .refine(isTimeZone, 'not a time zone name (IANA, e.g. Europe/Istanbul)')
    .default('Europe/Istanbul'),
  // Overrides the study definition's enrollment cap: for load tests only, never in a real trial.
  EDC_ENROLLMENT_CAP: z.coerce.number().int().min(1).optional(),
  EDC_DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(20),
  // Where `npm run backup` writes backup files and their manifests (docs/backup.md).
  EDC_BACKUP_DIR: z.string().default('./backups'),
  // The admin screen warns when no verified backup is more recent than this (nightly, with slack).
  EDC_BACKUP_MAX_AGE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 366)
    .default(26),
});

export type Config = z.infer<typeof configSchema>;

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** Defaults for tests and embedding: everything from the schema, overridable. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...configSchema.parse({}), LOG_LEVEL: 'silent', ...overrides };
}
