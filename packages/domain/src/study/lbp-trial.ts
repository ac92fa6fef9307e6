import { RANDOMIZATION_ALGORITHM_VERSION } from '../randomization/params';
import type { StudyDefinition } from './definition-schema';
import { text } from './field-builders';
import { eligibilityForm, lbpCriteria } from './lbp-trial-criteria';
import { consentForm, demographicsForm, odiForm, vasForm } from './lbp-trial-forms';
import { tlfMobForm, usD5wForm } from './lbp-trial-intervention-forms';
import { adverseEventForm, deviationForm, endOfStudyForm } from './lbp-trial-safety-forms';
import { loadStudyDefinition } from './load-definition';

/**
 * NCT07241559 as far as the registry goes (protocol §1), with the [S] choices of protocol §2–§5 as
 * defaults. Unknowns stay visible: session counts are null, sites are the two hospitals the news
 * summary names (the locations module was not retrieved, §1.1), the consent version is a
 * placeholder until the ethics-approved ICF version is known.
 */
export const lbpTrialInput = {
  id: 'nct07241559',
  name: 'Thoracolumbar fascia mobilization vs ultrasound-guided interfascial 5% dextrose in chronic low back pain',
  nctId: 'NCT07241559',
  enrollment: { target: 75, cap: 75 },
  arms: [
    {
      code: 'TLF_MOB',
      label: text(
        'Thoracolumbar fascia mobilization (myofascial release)',
        'Torakolomber fasya mobilizasyonu (miyofasyal gevşetme)',
      ),
      description: text(
        'Procedure: myofascial release of the thoracolumbar fascia. Number and frequency of sessions not stated in the registry.',
        'İşlem: torakolomber fasyanın miyofasyal gevşetmesi. Seans sayısı ve sıklığı kayıtta belirtilmemiştir.',
      ),
      interventionForm: 'intervention_tlf_mob',
      plannedSessions: null,
    },
    {
      code: 'US_D5W',
      label: text(
        'Ultrasound-guided thoracolumbar interfascial 5% dextrose injection',
        'Ultrason eşliğinde torakolomber interfasyal %5 dekstroz enjeksiyonu',
      ),
      description: text(
        'Drug: 5% dextrose, injected between the thoracolumbar fascia layers under ultrasound guidance. Volume, level and number of injections not stated in the registry.',
        'İlaç: %5 dekstroz, ultrason eşliğinde torakolomber fasya katmanları arasına enjekte edilir. Hacim, seviye ve enjeksiyon sayısı kayıtta belirtilmemiştir.',
      ),
      interventionForm: 'intervention_us_d5w',
      plannedSessions: null,
    },
  ],
  // Site only, 2 strata (protocol §4.1); keys are the site codes used in participant ids (S01-0007).
  stratification: {
    factors: ['site'],
    strata: [
      { key: 'S01', label: text('Ankara City Hospital (Bilkent)', 'Ankara Bilkent Şehir Hastanesi') },
      {
        key: 'S02',
        label: text('Ankara Training and Research Hospital', 'Ankara Eğitim ve Araştırma Hastanesi'),
      },
    ],
  },
  eligibility: {
    limits: { ageMin: 18, ageMax: 65, bmiMax: 30, painDurationMonthsMin: 3 },
    criteria: lbpCriteria,
  },
  // protocol §5.1; windows are inclusive, offsets in days from randomization (day 0).
  visits: [
    {
      code: 'SCR',
      label: text('Screening', 'Tarama'),
      kind: 'screening',
      anchor: 'randomization',
      dayOffset: 0,
      windowBefore: 14,
      windowAfter: 0,
      forms: ['eligibility', 'consent', 'demographics'],
    },
    {
      code: 'BL',
      label: text('Baseline', 'Başlangıç'),
      kind: 'baseline',
      anchor: 'randomization',
      dayOffset: 0,
      windowBefore: 7,
      windowAfter: 0,
      forms: ['vas', 'odi'],
    },
    {
      code: 'W1',
      label: text('Week 1', '1. hafta'),
      kind: 'follow_up',
      anchor: 'randomization',
      dayOffset: 7,
      windowBefore: 2,
      windowAfter: 3,
      forms: ['vas', 'odi', 'adverse_event'],
    },
    {
      code: 'M1',
      label: text('Month 1', '1. ay'),
      kind: 'follow_up',
      anchor: 'randomization',
      dayOffset: 28,
      windowBefore: 7,
      windowAfter: 7,
      forms: ['vas', 'odi', 'adverse_event'],
    },
    {
      code: 'M3',
      label: text('Month 3', '3. ay'),
      kind: 'follow_up',
      anchor: 'randomization',
      dayOffset: 84,
      windowBefore: 14,
      windowAfter: 14,
      forms: ['vas', 'odi', 'adverse_event', 'end_of_study'],
    },
  ],
  forms: [
    vasForm,
    odiForm,
    demographicsForm,
    eligibilityForm,
    consentForm,
    tlfMobForm,
    usD5wForm,
    adverseEventForm,
    deviationForm,
    endOfStudyForm,
  ],
  // protocol §4.1: 1:1, permuted blocks of 4 or 6, at least the full sample size per stratum.
  randomization: {
    method: 'permuted_block',
    blockSizes: [4, 6],
    ratio: [1, 1],
    slotsPerStratum: 80,
    algorithmVersion: RANDOMIZATION_ALGORITHM_VERSION,
  },
  // protocol §2.3 and §3.2 rule 8 (Ostelo 2008).
  mcid: {
    vas: { absoluteMm: 15, relativeFraction: 0.3 },
    odi: { absolutePoints: 10, relativeFraction: 0.3 },
  },
  // Blinded outcome assessment (R-BLIND-2): the assessor enters VAS and ODI and sees nothing that
  // tells the arm. Safety, deviations and end of study hide whole but for the end-of-study
  // status and date (which the participant's status shows anyway); the expected AEs and the
  // wrong-intervention deviation name a treatment outright.
  blinding: {
    revealingForms: ['adverse_event', 'deviation', 'end_of_study'],
    safeFields: [
      { form: 'end_of_study', field: 'status' },
      { form: 'end_of_study', field: 'date' },
    ],
    revealingFields: [],
    revealingValues: [
      {
        form: 'adverse_event',
        field: 'expected_event',
        values: ['injection_site_pain', 'haematoma', 'vasovagal_reaction', 'post_treatment_soreness'],
      },
      { form: 'deviation', field: 'category', values: ['wrong_intervention'] },
      { form: 'intervention_us_d5w', field: 'solution', values: ['dextrose_5'] },
    ],
  },
  // Nothing the trial records predates 1900 or lies beyond 2100: a mistyped year is refused.
  plausibleDates: { earliest: '1900-01-01', latest: '2100-12-31' },
  // A visit happens after consent and by today; treatment and follow-up visits after randomization.
  visitDates: {
    notBefore: [{ event: 'consent' }, { event: 'randomization', at: ['treatment', 'follow_up'] }],
    notAfter: [{ event: 'today' }],
  },
  consentVersions: [{ version: '1.0', effectiveFrom: '2025-05-20' }],
  instruments: {
    vasPromptVersion: 'lbp-now-at-rest-v1',
    // Turkish anchors are an unverified placeholder until the investigators' form is known (protocol §2.1).
    vasAnchors: {
      left: text('No pain', 'Ağrı yok'),
      right: text('Worst imaginable pain', 'Dayanılmaz ağrı'),
    },
    odiVersions: ['2.1a-en', '2.0-tr'],
  },
  roles: {
    eligibilityForm: 'eligibility',
    consent: { form: 'consent', dateField: 'consent_date', versionField: 'icf_version' },
    // protocol §4.3: baseline VAS and ODI before randomization.
    baselineRequiredForms: ['vas', 'odi'],
    participantAttributes: [
      { attribute: 'sex', form: 'demographics', field: 'sex' },
      { attribute: 'birthYear', form: 'demographics', field: 'birth_year' },
    ],
    afterScreenFailure: ['demographics'],
    endOfParticipation: { form: 'end_of_study', statusField: 'status', lastVisitField: 'last_visit' },
    outcomeForms: ['vas', 'odi'],
    adverseEvent: { form: 'adverse_event', seriousField: 'serious' },
    deviationForm: 'deviation',
    treatmentVisit: { code: 'TX', label: text('Treatment', 'Tedavi') },
    unscheduledVisit: {
      code: 'UNS',
      label: text('Unscheduled', 'Plansız'),
      forms: ['adverse_event', 'deviation', 'vas', 'odi', 'end_of_study'],
    },
  },
} satisfies StudyDefinition;

/** The validated definition of this trial; importing it fails loudly if it is ever broken. */
export const lbpTrial: StudyDefinition = loadStudyDefinition(lbpTrialInput);
