import { z } from 'zod';

/** Identifies the algorithm of protocol §4.2 as implemented in generate-list.ts. Part of the commitment. */
export const RANDOMIZATION_ALGORITHM_VERSION = 'mini-edc/permuted-block-sha256/1';

const codeSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]+$/, { error: 'use letters, digits, "_" or "-" only' })
  .max(40);

/**
 * The parameters that, with the seed, fully determine a list (protocol §4.2). Exactly these keys
 * go into the commitment, so adding a field here is a new algorithm version.
 */
export const randomizationParamsSchema = z
  .object({
    arms: z.array(codeSchema).min(2, { error: 'at least two arms' }),
    ratio: z.array(z.int().min(1, { error: 'ratio parts are positive integers' })),
    blockSizes: z.array(z.int().min(1)).min(1, { error: 'at least one block size' }),
    strata: z.array(codeSchema).min(1, { error: 'at least one stratum' }),
    slotsPerStratum: z.int().min(1).max(100_000),
    algorithmVersion: z.literal(RANDOMIZATION_ALGORITHM_VERSION),
  })
  .superRefine((p, ctx) => {
    if (p.ratio.length !== p.arms.length) {
      ctx.addIssue({ code: 'custom', path: ['ratio'], message: 'needs one part per arm' });
    }
    if (new Set(p.arms).size !== p.arms.length) {
      ctx.addIssue({ code: 'custom', path: ['arms'], message: 'arm codes must be unique' });
    }
    if (new Set(p.strata).size !== p.strata.length) {
      ctx.addIssue({ code: 'custom', path: ['strata'], message: 'stratum keys must be unique' });
    }
    if (new Set(p.blockSizes).size !== p.blockSizes.length) {
      ctx.addIssue({ code: 'custom', path: ['blockSizes'], message: 'block sizes must be unique' });
    }
    const ratioSum = p.ratio.reduce((s, r) => s + r, 0);
    p.blockSizes.forEach((size, i) => {
      if (ratioSum > 0 && size % ratioSum !== 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['blockSizes', i],
          message: `block size ${size} is not a multiple of the ratio total ${ratioSum}`,
        });
      }
    });
  });
export type RandomizationParams = z.infer<typeof randomizationParamsSchema>;
