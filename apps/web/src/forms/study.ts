import {
  baselineVisitOf,
  calendarDateIn,
  type FormDefinition,
  type LocalizedText,
  type StudyDefinition,
  screeningVisitOf,
  type VisitDefinition,
  visitLabelOf,
} from '@mini-edc/domain';

/**
 * The study definition the screens are drawn from: the current version the API serves (GET
 * /api/v1/study), so labels, ranges, visit windows and roles of forms match the server, and an
 * amendment shows without a new build. `StudyGate` loads it before any screen that uses it.
 */
// A live binding (ES modules): importers see the definition once setStudy has run.
export let study: StudyDefinition;
/** The study's time zone (the server's EDC_STUDY_TIMEZONE), served with the definition. */
let studyTimeZone: string;

export function setStudy(definition: StudyDefinition, timeZone: string) {
  study = definition;
  studyTimeZone = timeZone;
}

type Language = 'en' | 'tr';

export function languageOf(code: string): Language {
  return code === 'tr' ? 'tr' : 'en';
}

/** A study-definition text in the interface language. */
export function localized(text: LocalizedText, language: string): string {
  return text[languageOf(language)];
}

export function formDefinition(code: string): FormDefinition {
  const form = study.forms.find((f) => f.code === code);
  if (!form) throw new Error(`form ${code} is not in the study definition`);
  return form;
}

export function visitDefinition(code: string): VisitDefinition | undefined {
  return study.visits.find((v) => v.code === code);
}

/** Visits outside the schedule (protocol §5.1): treatment and unscheduled events. */
export const treatmentVisit = () => study.roles.treatmentVisit.code;
export const unscheduledVisit = () => study.roles.unscheduledVisit.code;
export const screeningVisit = () => screeningVisitOf(study).code;
export const baselineVisit = () => baselineVisitOf(study).code;
/** The screening visit's forms entered as forms: all but eligibility (its own step) and consent. */
export const screeningDataForms = () =>
  (study.visits.find((v) => v.code === screeningVisit())?.forms ?? []).filter(
    (f) => f !== study.roles.eligibilityForm && f !== study.roles.consent.form,
  );

/** Any visit's name, scheduled or not, in the interface language; the code if unknown. */
export function visitTitle(code: string, language: string): string {
  const label = visitLabelOf(study, code);
  return label ? localized(label, language) : code;
}

export function armByCode(code: string) {
  return study.arms.find((a) => a.code === code);
}

/** The consent form version in force on a date (latest effectiveFrom on or before it). */
export function consentVersionOn(date: string): string {
  const versions = [...study.consentVersions].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  const current = versions.filter((v) => v.effectiveFrom <= date).at(-1) ?? versions[0];
  return current?.version ?? '';
}

/**
 * Today as YYYY-MM-DD on the study's clock, as the server decides it (apps/api/src/services/clock.ts):
 * a browser in another zone would otherwise call the study's today tomorrow or yesterday
 * (docs/study-definition.md, the date rules).
 */
export function todayIso(): string {
  return calendarDateIn(new Date(), studyTimeZone);
}

/** What every date rule the web runs compares with: the server's inputs (today, time zone). */
export function studyClock(): { today: string; timeZone: string } {
  return { today: todayIso(), timeZone: studyTimeZone };
}
