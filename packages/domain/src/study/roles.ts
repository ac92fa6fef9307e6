import type { FormInstrument, ParticipantAttribute } from './definition-roles';
import type { FormDefinition, StudyDefinition, VisitDefinition } from './definition-schema';

/**
 * Questions about the roles of forms and visits, answered from the definition (definition-roles.ts)
 * so that no code outside the definition names a form or a visit.
 */

function visitOfKind(def: StudyDefinition, kind: VisitDefinition['kind']): VisitDefinition {
  const visit = def.visits.find((v) => v.kind === kind);
  // definition-checks.ts guarantees exactly one screening and one baseline visit.
  if (!visit) throw new Error(`the study definition has no ${kind} visit`);
  return visit;
}

export const screeningVisitOf = (def: StudyDefinition) => visitOfKind(def, 'screening');
export const baselineVisitOf = (def: StudyDefinition) => visitOfKind(def, 'baseline');

/** The form scored as this instrument, if the study has one. */
export function instrumentForm(def: StudyDefinition, instrument: FormInstrument): FormDefinition | undefined {
  return def.forms.find((f) => f.instrument === instrument);
}

/** The forms a visit outside the schedule takes: treatment = the arms' intervention forms. */
export function extraVisitForms(def: StudyDefinition, visitCode: string): string[] | undefined {
  if (visitCode === def.roles.treatmentVisit.code) return def.arms.map((a) => a.interventionForm);
  if (visitCode === def.roles.unscheduledVisit.code) return [...def.roles.unscheduledVisit.forms];
  return undefined;
}

/** The forms of a scheduled visit or a visit outside the schedule; undefined for an unknown code. */
export function formsOfVisit(def: StudyDefinition, visitCode: string): string[] | undefined {
  return def.visits.find((v) => v.code === visitCode)?.forms ?? extraVisitForms(def, visitCode);
}

/** How a visit code takes part in the order of events: its kind, or treatment/unscheduled. */
export function visitRoleOf(
  def: StudyDefinition,
  visitCode: string,
): VisitDefinition['kind'] | 'treatment' | 'unscheduled' | undefined {
  const visit = def.visits.find((v) => v.code === visitCode);
  if (visit) return visit.kind;
  if (visitCode === def.roles.treatmentVisit.code) return 'treatment';
  if (visitCode === def.roles.unscheduledVisit.code) return 'unscheduled';
  return undefined;
}

/** The label of any visit code, scheduled or not; undefined for an unknown code. */
export function visitLabelOf(def: StudyDefinition, visitCode: string) {
  const visit = def.visits.find((v) => v.code === visitCode);
  if (visit) return visit.label;
  if (visitCode === def.roles.treatmentVisit.code) return def.roles.treatmentVisit.label;
  if (visitCode === def.roles.unscheduledVisit.code) return def.roles.unscheduledVisit.label;
  return undefined;
}

/** Schedule order: scheduled visits, then treatment, then unscheduled, then anything unknown. */
export function visitRank(def: StudyDefinition, visitCode: string): number {
  const i = def.visits.findIndex((v) => v.code === visitCode);
  if (i >= 0) return i;
  if (visitCode === def.roles.treatmentVisit.code) return def.visits.length;
  if (visitCode === def.roles.unscheduledVisit.code) return def.visits.length + 1;
  return def.visits.length + 2;
}

export const isOutcomeForm = (def: StudyDefinition, formCode: string) =>
  def.roles.outcomeForms.includes(formCode);
export const isArmForm = (def: StudyDefinition, formCode: string) =>
  def.arms.some((a) => a.interventionForm === formCode);

/** One field of stored record data (a JSON object), undefined when absent. */
export function fieldOf(data: unknown, name: string): unknown {
  if (typeof data !== 'object' || data === null || !Object.hasOwn(data, name)) return undefined;
  return Object.getOwnPropertyDescriptor(data, name)?.value;
}

/** The participant attributes a form's data sets (only values the attribute accepts). */
export function attributesFrom(
  def: StudyDefinition,
  formCode: string,
  data: unknown,
): Partial<{ sex: 'male' | 'female'; birthYear: number }> {
  const out: Partial<{ sex: 'male' | 'female'; birthYear: number }> = {};
  for (const a of def.roles.participantAttributes) {
    if (a.form !== formCode) continue;
    const value = fieldOf(data, a.field);
    if (a.attribute === 'sex' && (value === 'male' || value === 'female')) out.sex = value;
    if (a.attribute === 'birthYear' && typeof value === 'number') out.birthYear = value;
  }
  return out;
}

/** The form and field an attribute is recorded in, if the study records it. */
export function attributeSource(def: StudyDefinition, attribute: ParticipantAttribute) {
  return def.roles.participantAttributes.find((a) => a.attribute === attribute);
}

/** The participant status a complete end-of-participation record sets, if any. */
export function endStatusFrom(
  def: StudyDefinition,
  formCode: string,
  data: unknown,
): 'completed' | 'withdrawn' | undefined {
  const end = def.roles.endOfParticipation;
  if (formCode !== end.form) return undefined;
  const value = fieldOf(data, end.statusField);
  return value === 'completed' || value === 'withdrawn' ? value : undefined;
}
