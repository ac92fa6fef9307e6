import { field, type RowOf, schema } from '@mini-edc/db';

/**
 * The rows several services read with raw SQL, each declared once from the drizzle schema
 * (rows.ts in packages/db): a query selects a shape with `selectList(alias, shape)` and adds the
 * joined values it needs beside it, so a column dropped from the schema stops every such query
 * compiling.
 */

const { formRecords, participants, randomizationSlots } = schema;

/** A form record: `selectList('r', recordRow)` from `form_records r`. */
export const recordRow = {
  id: formRecords.id,
  participant_id: formRecords.participantId,
  site_id: formRecords.siteId,
  visit_code: formRecords.visitCode,
  form_code: formRecords.formCode,
  seq: formRecords.seq,
  status: formRecords.status,
  version: formRecords.version,
  definition_version: formRecords.definitionVersion,
  data: formRecords.data,
  updated_at: formRecords.updatedAt,
};
export type RecordRow = RowOf<typeof recordRow>;

/** A participant: `selectList('p', participantRow)` from `participants p`. */
export const participantRow = {
  id: participants.id,
  study_id: participants.studyId,
  site_id: participants.siteId,
  status: participants.status,
  sex: participants.sex,
  birth_year: participants.birthYear,
  screened_at: participants.screenedAt,
  eligible: participants.eligible,
  failed_criteria: participants.failedCriteria,
  consent_date: participants.consentDate,
  randomized_at: participants.randomizedAt,
  screening_closed_reason: participants.screeningClosedReason,
};

/**
 * The allocation beside a participant, from `left join randomization_slots rs`: null for one not
 * randomized. The arm is selected as `null` for a caller who may not see it (R-BLIND-2).
 */
export const allocationRow = {
  arm: field.nullable(randomizationSlots.arm),
  stratum_key: field.nullable(randomizationSlots.stratumKey),
  slot_seq: field.nullable(randomizationSlots.seq),
};
