import { z } from 'zod';

/**
 * What each form does in the trial, as data (docs/study-definition.md): which forms make up the
 * baseline required for randomization, which records consent, which fields set participant
 * attributes, which ends participation, which forms the blinded assessor enters, and the visits
 * outside the schedule. Code asks these roles instead of naming forms or visits.
 */

const formCode = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, { error: 'use lower-case letters, digits and "_" (e.g. vas)' });
const fieldName = z
  .string()
  .regex(/^[a-z][A-Za-z0-9_]*$/, { error: 'field names start with a lower-case letter' });
const visitCode = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]*$/, { error: 'use upper-case letters, digits and "_" (e.g. TX)' });
const label = z.object({ en: z.string().trim().min(1), tr: z.string().trim().min(1) });

/** Participant attributes a complete form value sets (sex: eligibility and stratification, §4.1). */
export const participantAttributes = ['sex', 'birthYear'] as const;
export type ParticipantAttribute = (typeof participantAttributes)[number];

/** The scoring the system applies to a form (protocol §2, §3; BMI for eligibility protocol §1.4). */
export const formInstruments = [
  'visual_analogue_scale',
  'oswestry_disability_index',
  'body_mass_index',
] as const;
export type FormInstrument = (typeof formInstruments)[number];

/**
 * Where a new record's field takes its proposed value from: the day, the time, the signed-in user,
 * the record's number in a repeating form, the participant's last visit done, the instrument
 * versions of the definition (the ODI one in the interface language, kept for stored versions that
 * name it), the value of the same field in the participant's latest record of the form (the ODI
 * version the patient filled before), the consent version in force today, or a fixed value.
 */
export const fieldDefaultSources = [
  'today',
  'now',
  'current_user',
  'record_seq',
  'last_done_visit',
  'vas_prompt_version',
  'odi_version_in_language',
  'participant_previous_value',
  'consent_version_in_force',
] as const;
export const fieldDefaultSchema = z.union([
  z.object({ from: z.enum(fieldDefaultSources) }),
  z.object({ value: z.string().min(1) }),
]);
export type FieldDefault = z.infer<typeof fieldDefaultSchema>;

export const studyRolesSchema = z.object({
  /** Written by the eligibility step from the criteria answers (protocol §1.4), never by the form save. */
  eligibilityForm: formCode,
  /** Informed consent (protocol §5.2): its date enrols an eligible participant and opens baseline. */
  consent: z.object({ form: formCode, dateField: fieldName, versionField: fieldName }),
  /** Forms of the baseline visit that must be complete before randomization (protocol §4.3). */
  baselineRequiredForms: z.array(formCode).min(1),
  /** Complete values copied onto the participant. */
  participantAttributes: z.array(
    z.object({ attribute: z.enum(participantAttributes), form: formCode, field: fieldName }),
  ),
  /** Forms that can still be entered after a failed screening. */
  afterScreenFailure: z.array(formCode),
  /** The record whose status (completed or withdrawn) ends participation; the allocation stays (protocol §5.2). */
  endOfParticipation: z.object({ form: formCode, statusField: fieldName, lastVisitField: fieldName }),
  /** Outcome assessments: the forms the blinded assessor enters and sees queries on (protocol §2, §3). */
  outcomeForms: z.array(formCode).min(1),
  /** Adverse events (protocol §5.2); serious ones are flagged on the participant. */
  adverseEvent: z.object({ form: formCode, seriousField: fieldName }),
  /** Protocol deviations; out-of-window visits add one automatically (protocol §5.1). */
  deviationForm: formCode,
  /** Treatment records outside the schedule: each arm's intervention form (protocol §5.1). */
  treatmentVisit: z.object({ code: visitCode, label }),
  /** Unscheduled events and assessments outside the schedule (protocol §5.1). */
  unscheduledVisit: z.object({ code: visitCode, label, forms: z.array(formCode).min(1) }),
});
export type StudyRoles = z.infer<typeof studyRolesSchema>;
