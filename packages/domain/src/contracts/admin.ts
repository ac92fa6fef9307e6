import { z } from 'zod';
import { emailSchema, newPasswordSchema, roleSchema } from './auth';
import { siteCodePattern } from './named-patterns';

export const siteSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  createdAt: z.string(),
});
export type Site = z.infer<typeof siteSchema>;

export const siteCodeSchema = z
  .string()
  .trim()
  .regex(siteCodePattern, 'Use a letter and two digits, e.g. S03');

export const createSiteRequestSchema = z.strictObject({
  code: siteCodeSchema,
  name: z.string().trim().min(2, 'Enter the site name').max(120, 'Use at most 120 characters'),
});
export type CreateSiteRequest = z.infer<typeof createSiteRequestSchema>;

export const renameSiteRequestSchema = z.strictObject({
  name: z.string().trim().min(2, 'Enter the site name').max(120, 'Use at most 120 characters'),
});

export const adminUserSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  role: roleSchema,
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  locked: z.boolean(),
  siteIds: z.array(z.uuid()),
  createdAt: z.string(),
});
export type AdminUser = z.infer<typeof adminUserSchema>;

const displayNameSchema = z
  .string()
  .trim()
  .min(2, 'Enter the full name')
  .max(120, 'Use at most 120 characters');

export const createUserRequestSchema = z.strictObject({
  email: emailSchema,
  displayName: displayNameSchema,
  role: roleSchema,
  siteIds: z.array(z.uuid()).min(1, 'Choose at least one site').max(50),
  temporaryPassword: newPasswordSchema,
});
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

export const updateUserRequestSchema = z
  .strictObject({
    displayName: displayNameSchema.optional(),
    role: roleSchema.optional(),
    siteIds: z.array(z.uuid()).min(1, 'Choose at least one site').max(50).optional(),
    active: z.boolean().optional(),
    reason: z.string().trim().min(3, 'Give a reason for this change').max(500),
  })
  .refine((v) => Object.keys(v).some((k) => k !== 'reason'), {
    message: 'Nothing to change',
    params: { code: 'NOTHING_TO_CHANGE' },
  });
export type UpdateUserRequest = z.infer<typeof updateUserRequestSchema>;

export const resetPasswordRequestSchema = z.strictObject({ temporaryPassword: newPasswordSchema });
export type ResetPasswordRequest = z.infer<typeof resetPasswordRequestSchema>;

export const idParamsSchema = z.object({ id: z.uuid('Not a valid id') });
