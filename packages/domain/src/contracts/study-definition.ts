import { z } from 'zod';
import { studyDefinitionObjectSchema } from '../study/definition-schema';

/** The current version of the study definition, as GET /api/v1/study serves it (R-DEF-2). */
export const studyVersionSchema = z.object({
  version: z.int().min(1),
  publishedAt: z.iso.datetime({ offset: true }),
  definition: studyDefinitionObjectSchema,
});
export type StudyVersion = z.infer<typeof studyVersionSchema>;
