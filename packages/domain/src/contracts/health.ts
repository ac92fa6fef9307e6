import { z } from 'zod';

export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.object({ reachable: z.boolean(), engine: z.enum(['pg', 'pglite']) }),
  study: z.object({ id: z.string(), name: z.string() }),
  version: z.string(),
});
export type Health = z.infer<typeof healthSchema>;
