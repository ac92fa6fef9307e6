import { z } from 'zod';

function odiItemSchema(n: number) {
  const hint = `ODI section ${n}: choose the ticked statement, scored 0–5, or null if unanswered`;
  return z
    .int({ error: (issue) => (issue.input === undefined ? `${hint} (the field is required)` : hint) })
    .min(0, { error: `ODI section ${n} is scored 0–5; it cannot be below 0` })
    .max(5, { error: `ODI section ${n} is scored 0–5; it cannot be above 5` })
    .nullable();
}

/**
 * The ODI form (protocol §3): ten items 0–5 or null. Only scores are stored, never statement texts
 * (protocol §3.4 licensing). A double tick on paper is entered as the higher score (protocol §3.2 rule 1).
 * `odi_version` records language and version (protocol §3.1, e.g. "2.1a-en", "2.0-tr"). `q8NotApplicable`
 * tells "sex life not applicable" from "not answered"; it does not change the score (protocol §3.2 rule 4).
 */
export const odiAnswersSchema = z
  .object({
    odi_version: z
      .string({ error: 'odi_version is required, e.g. "2.1a-en" or "2.0-tr"' })
      .regex(/^\d+\.\d+[a-z]?-[a-z]{2}$/, { error: 'odi_version looks like "2.1a-en" or "2.0-tr"' }),
    q1: odiItemSchema(1),
    q2: odiItemSchema(2),
    q3: odiItemSchema(3),
    q4: odiItemSchema(4),
    q5: odiItemSchema(5),
    q6: odiItemSchema(6),
    q7: odiItemSchema(7),
    q8: odiItemSchema(8),
    q9: odiItemSchema(9),
    q10: odiItemSchema(10),
    q8NotApplicable: z.boolean().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.q8NotApplicable === true && v.q8 !== null) {
      ctx.addIssue({
        code: 'custom',
        path: ['q8NotApplicable'],
        message: 'section 8 is marked not applicable but has a score; clear one of them',
        params: { rule: 'ODI_S8_NOT_APPLICABLE_WITH_SCORE' },
      });
    }
  });
export type OdiAnswers = z.infer<typeof odiAnswersSchema>;
