import { z } from 'zod';
import { RANDOMIZATION_ALGORITHM_VERSION } from '../randomization/params';
import { studyDefinitionProblems } from './definition-checks';
import { definitionProblemText } from './definition-problems';
import { fieldDefaultSchema, formInstruments, studyRolesSchema } from './definition-roles';
import { dateBoundSchema, plausibleDatesSchema, requiredWhenSchema, visitDatesSchema } from './field-rules';

/**
 * The study definition: everything trial-specific lives here, so an admin can add or fix what the
 * registry leaves open (arm details, sessions, sites, criteria) without code changes (protocol
 * preamble and §1.3). `loadStudyDefinition` validates one; `lbpTrial` is this trial's.
 */

const nonEmpty = (what: string) =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .min(1, { error: `${what} is empty` });

/** English and Turkish wording, both required (sites are Turkish, exports and registry are English). */
export const localizedTextSchema = z.object({ en: nonEmpty('English text'), tr: nonEmpty('Turkish text') });
export type LocalizedText = z.infer<typeof localizedTextSchema>;

const upperCode = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]*$/, { error: 'use upper-case letters, digits and "_" (e.g. TLF_MOB)' });
const formCode = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, { error: 'use lower-case letters, digits and "_" (e.g. vas)' });
const isoDate = z.iso.date({ error: 'expected a date YYYY-MM-DD' });

export const armSchema = z.object({
  code: upperCode,
  label: localizedTextSchema,
  description: localizedTextSchema,
  /** The per-arm administration record (protocol §5.2); only the participant's own arm's form can be entered. */
  interventionForm: formCode,
  /** Planned sessions or injections; null while unknown (not in the registry, §1.3). */
  plannedSessions: z.int().min(1).nullable(),
});
export type Arm = z.infer<typeof armSchema>;

export const stratumSchema = z.object({
  /** Frozen at randomization (protocol §4.1); with site-only stratification this is the site code. */
  key: z.string().regex(/^[A-Za-z0-9_-]+$/, { error: 'use letters, digits, "_" or "-"' }),
  label: localizedTextSchema,
});
export type Stratum = z.infer<typeof stratumSchema>;

export const stratificationSchema = z.object({
  /**
   * Site only (protocol §4.1): randomization takes the participant's site as the stratum key. Other factors
   * (sex) are not offered, because nothing would apply them (docs/study-definition.md).
   */
  factors: z.array(z.literal('site', { error: 'only site stratification is applied' })).length(1),
  strata: z.array(stratumSchema).min(1, { error: 'at least one stratum' }),
});

export const eligibilityCriterionSchema = z.object({
  id: upperCode,
  kind: z.enum(['inclusion', 'exclusion']),
  textEn: nonEmpty('textEn'),
  textTr: nonEmpty('textTr'),
  /** The answer that keeps a participant eligible: yes for inclusion, no for exclusion (protocol §1.4). */
  expected: z.enum(['yes', 'no']),
  /** The system proposes the answer from this data for the investigator to confirm (protocol §1.4). */
  derivedFrom: z.enum(['age', 'bmi', 'sex', 'pain_duration']).optional(),
});
export type EligibilityCriterion = z.infer<typeof eligibilityCriterionSchema>;

export const eligibilityLimitsSchema = z.object({
  ageMin: z.int().min(0),
  ageMax: z.int().min(0),
  /** Exclusion when BMI (one decimal) is above this (protocol §1.4 E2). */
  bmiMax: z.number().positive(),
  /**
   * A criterion derived from the pain duration is met from this many months on (protocol §1.4 I2). The
   * duration itself is recorded truthfully whatever it is: the criterion decides, not a minimum.
   */
  painDurationMonthsMin: z.int().min(0).optional(),
});
export type EligibilityLimits = z.infer<typeof eligibilityLimitsSchema>;

export const visitSchema = z.object({
  code: upperCode,
  label: localizedTextSchema,
  kind: z.enum(['screening', 'baseline', 'follow_up']),
  /**
   * Follow-up counts from randomization (protocol §5.1). An end-of-treatment anchor is not offered: the
   * system records no end-of-treatment date to count from (docs/study-definition.md).
   */
  anchor: z.literal('randomization', { error: 'visits are anchored to randomization' }),
  dayOffset: z.int({ error: 'dayOffset must be a whole number of days' }),
  windowBefore: z.int().min(0, { error: 'windowBefore cannot be negative' }),
  windowAfter: z.int().min(0, { error: 'windowAfter cannot be negative' }),
  forms: z.array(formCode),
});
export type VisitDefinition = z.infer<typeof visitSchema>;

export const fieldTypes = [
  'integer',
  'decimal',
  'text',
  'date',
  'datetime',
  'yes_no',
  'boolean',
  'choice',
  'multi_choice',
  'user_ref',
] as const;

export const allowedValueSchema = z.object({ code: z.string().min(1), label: localizedTextSchema });
export type AllowedValue = z.infer<typeof allowedValueSchema>;

export const formFieldSchema = z.object({
  name: z.string().regex(/^[a-z][A-Za-z0-9_]*$/, { error: 'field names start with a lower-case letter' }),
  label: localizedTextSchema,
  type: z.enum(fieldTypes),
  unit: z.string().min(1).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  allowedValues: z.array(allowedValueSchema).min(1).optional(),
  required: z.boolean(),
  /** Required to complete the record when another field holds one of the given values. */
  requiredWhen: requiredWhenSchema.optional(),
  /** Dates (date and date-time fields) this value may not precede or follow (field-rules.ts). */
  notBefore: z.array(dateBoundSchema).min(1).optional(),
  notAfter: z.array(dateBoundSchema).min(1).optional(),
  /** Computed by the system (BMI, ODI score, eligibility outcome), never typed in. */
  derived: z.boolean().optional(),
  /** The value a new record proposes (the user may change it). */
  default: fieldDefaultSchema.optional(),
});
export type FormField = z.infer<typeof formFieldSchema>;

export const formSchema = z.object({
  code: formCode,
  label: localizedTextSchema,
  /** One record per visit, or many (one per session, injection, event). */
  repeating: z.boolean(),
  fields: z.array(formFieldSchema).min(1, { error: 'a form needs at least one field' }),
  /** The scoring and derived fields the system applies (field names follow the instrument). */
  instrument: z.enum(formInstruments).optional(),
});
export type FormDefinition = z.infer<typeof formSchema>;

export const studyRandomizationSchema = z.object({
  method: z.literal('permuted_block'),
  /** {4, 6} with equal probability (protocol §4.1). */
  blockSizes: z.array(z.int().min(2)).min(1),
  /** One part per arm, in arm order; 1:1 assumed (protocol §1.3). */
  ratio: z.array(z.int().min(1)).min(2),
  /** At least the full sample size per stratum, because the split across sites is unknown (protocol §4.1). */
  slotsPerStratum: z.int().min(1),
  algorithmVersion: z.literal(RANDOMIZATION_ALGORITHM_VERSION),
});

export const mcidSchema = z.object({
  vas: z.object({ absoluteMm: z.number().positive(), relativeFraction: z.number().gt(0).lte(1) }),
  odi: z.object({ absolutePoints: z.number().positive(), relativeFraction: z.number().gt(0).lte(1) }),
});

const fieldRef = z.object({ form: formCode, field: z.string().min(1) });

/**
 * What reveals the arm to a blinded role (docs/architecture.md "Access and blinding"). The arms'
 * intervention forms always do and need not be listed. A revealing form is hidden whole unless it
 * names safe fields (never free text); a revealing field is dropped from an otherwise visible
 * form; a revealing choice value drops its field wherever it is stored, and the crawler test
 * searches every answer a blinded role gets for it.
 */
export const blindingSchema = z.object({
  revealingForms: z.array(formCode),
  safeFields: z.array(fieldRef),
  revealingFields: z.array(fieldRef),
  revealingValues: z.array(fieldRef.extend({ values: z.array(z.string().min(1)).min(1) })),
});
export type BlindingDefinition = z.infer<typeof blindingSchema>;

export const consentVersionSchema = z.object({
  version: nonEmpty('consent version'),
  effectiveFrom: isoDate,
});

export const instrumentsSchema = z.object({
  /** Stored with each VAS record so a change of wording stays traceable (protocol §2.1). */
  vasPromptVersion: nonEmpty('vasPromptVersion'),
  vasAnchors: z.object({ left: localizedTextSchema, right: localizedTextSchema }),
  /** Accepted `odi_version` values (protocol §3.1). */
  odiVersions: z.array(z.string().regex(/^\d+\.\d+[a-z]?-[a-z]{2}$/)).min(1),
});

/** The shape alone, without the cross-checks (a response schema; input goes through studyDefinitionSchema). */
export const studyDefinitionObjectSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'use lower-case letters, digits and "-"' }),
  name: nonEmpty('name'),
  nctId: z.string().regex(/^NCT\d{8}$/, { error: 'an NCT id is "NCT" and 8 digits' }),
  enrollment: z.object({
    target: z.int().min(1),
    /** Randomization stops here, not at a block end (protocol §1.1, §4.1). */
    cap: z.int().min(1),
  }),
  arms: z.array(armSchema).min(2, { error: 'a randomized trial needs at least two arms' }),
  stratification: stratificationSchema,
  eligibility: z.object({
    limits: eligibilityLimitsSchema,
    criteria: z.array(eligibilityCriterionSchema).min(1),
  }),
  visits: z.array(visitSchema).min(1),
  forms: z.array(formSchema).min(1),
  randomization: studyRandomizationSchema,
  mcid: mcidSchema,
  blinding: blindingSchema,
  consentVersions: z.array(consentVersionSchema).min(1, { error: 'at least one consent form version' }),
  instruments: instrumentsSchema,
  roles: studyRolesSchema,
  /** The range of every date the trial holds; absent in definitions stored before it existed. */
  plausibleDates: plausibleDatesSchema.optional(),
  /** The dates a visit can be recorded on; without it, defaultVisitDates (field-rules.ts). */
  visitDates: visitDatesSchema.optional(),
});

/** A study definition, with the cross-checks of definition-checks.ts applied. */
export const studyDefinitionSchema = studyDefinitionObjectSchema.superRefine((def, ctx) => {
  for (const problem of studyDefinitionProblems(def)) {
    // The code and its parameters travel in `params` (the API's field error); the English in `message`.
    ctx.addIssue({
      code: 'custom',
      path: problem.path,
      message: definitionProblemText(problem),
      params: { ...problem.params, code: problem.code },
    });
  }
});
export type StudyDefinition = z.infer<typeof studyDefinitionObjectSchema>;
