import { errorBodySchema } from '@mini-edc/domain';

/** The error answers a route can give, all with the one error body (design invariant 6). */
export const errorResponses = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
};
