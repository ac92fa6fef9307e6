import { z } from 'zod';
import { armSchema, studyDefinitionObjectSchema } from '../study/definition-schema';

/**
 * The current version of the study definition, as GET /api/v1/study serves it (R-DEF-2). A
 * blinded viewer's copy has no arms (access/blinded-definition.ts), so here an empty list is valid.
 * `timeZone` is the study's (EDC_STUDY_TIMEZONE, an IANA name): the server checks every date rule
 * on that clock, and the web runs the same rules with it, whatever the browser's own zone
 * (docs/study-definition.md, "Dates").
 */
export const studyVersionSchema = z.object({
  version: z.int().min(1),
  publishedAt: z.iso.datetime({ offset: true }),
  timeZone: z.string().min(1),
  definition: studyDefinitionObjectSchema.extend({ arms: z.array(armSchema) }),
});
export type StudyVersion = z.infer<typeof studyVersionSchema>;
