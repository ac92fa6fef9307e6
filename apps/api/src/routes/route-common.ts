import { errorBodySchema } from '@mini-edc/domain';

/** The error answers a route can give, all with the one error body (design invariant 6). */
export const errorResponses = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
};

/** Role groups used by route access declarations (design: roles and what each may do). */
export const roleGroups = {
  everyone: ['admin', 'coordinator', 'investigator', 'assessor', 'monitor'],
  /** Site staff: screen, consent, randomize, schedule. */
  siteStaff: ['coordinator', 'investigator'],
  /** Who enters assessment data; assessors enter VAS and ODI only (checked in the service). */
  dataEntry: ['coordinator', 'investigator', 'assessor'],
  admin: ['admin'],
} as const;
