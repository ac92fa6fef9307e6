import { z } from 'zod';
import { passwordLengthRefusal, passwordRefusalMessage } from './password-policy';

export const roles = ['admin', 'coordinator', 'investigator', 'assessor', 'monitor'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'Email is too long')
  .email('Enter a valid email address');

/**
 * A new password: the length rule of the password policy, as a refusal with a code and parameters
 * (`params.code`, `params.min`/`max`) besides the English sentence. Guessability is checked on
 * the server (docs/security.md); no composition rule (NIST SP 800-63B).
 */
export const newPasswordSchema = z.string().superRefine((password, ctx) => {
  const refusal = passwordLengthRefusal(password);
  if (refusal) {
    ctx.addIssue({
      code: 'custom',
      message: passwordRefusalMessage(refusal),
      params: { code: refusal.code, ...refusal.params },
    });
  }
});

export const loginRequestSchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1, 'Enter your password').max(200, 'Password is too long'),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const siteRefSchema = z.object({ id: z.uuid(), code: z.string(), name: z.string() });
export type SiteRef = z.infer<typeof siteRefSchema>;

export const meSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  role: roleSchema,
  locale: z.enum(['en', 'tr']),
  mustChangePassword: z.boolean(),
  sites: z.array(siteRefSchema),
  /** The study released the allocation to blinded roles: an input of the access policy. */
  allocationReleased: z.boolean(),
});
export type Me = z.infer<typeof meSchema>;

/** Returned by login and GET /auth/me: the user and the token to send as `x-csrf-token`. */
export const sessionInfoSchema = z.object({
  user: meSchema,
  csrfToken: z.string(),
  /** When the session ends if left idle, and at the latest (ISO instants). */
  idleExpiresAt: z.string(),
  absoluteExpiresAt: z.string(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

/**
 * GET /auth/me: the session, or `{ user: null }` for a browser that holds no session (never
 * signed in, or signed out), so a first visit asks "who am I?" without a 401. A session that
 * existed and has ended still answers 401 SESSION_EXPIRED.
 */
export const meResponseSchema = z.union([sessionInfoSchema, z.object({ user: z.null() })]);
export type MeResponse = z.infer<typeof meResponseSchema>;

export const changePasswordRequestSchema = z
  .strictObject({
    currentPassword: z.string().min(1, 'Enter your current password').max(200),
    newPassword: newPasswordSchema,
  })
  .refine((v) => v.currentPassword !== v.newPassword, {
    path: ['newPassword'],
    message: 'The new password must differ from the current one',
    params: { code: 'PASSWORD_UNCHANGED' },
  });
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;

/** 21 CFR 11.200: a signing outside one continuous session re-enters the password. */
export const reauthenticateRequestSchema = z.strictObject({
  password: z.string().min(1, 'Enter your password').max(200),
});

export const localeRequestSchema = z.strictObject({ locale: z.enum(['en', 'tr']) });
