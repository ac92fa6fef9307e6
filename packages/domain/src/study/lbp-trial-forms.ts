import type { FormDefinition } from './definition-schema';
import { field, option, text } from './field-builders';

/** VAS (protocol §2.2); the same form at baseline and every follow-up. */
export const vasForm: FormDefinition = {
  code: 'vas',
  label: text('Pain (VAS)', 'Ağrı (VAS)'),
  repeating: false,
  instrument: 'visual_analogue_scale',
  fields: [
    field('vas_mm', text('Pain VAS', 'Ağrı VAS'), 'integer', { unit: 'mm', min: 0, max: 100 }),
    field('vas_method', text('Method', 'Yöntem'), 'choice', {
      allowedValues: [option('paper', 'Paper', 'Kağıt'), option('electronic', 'Electronic', 'Elektronik')],
      default: { value: 'paper' },
    }),
    // A baseline assessment precedes randomization, a follow-up one follows it (protocol §4.3, §5.1).
    field('assessed_at', text('Assessed at', 'Değerlendirme zamanı'), 'datetime', {
      default: { from: 'now' },
      notBefore: [{ event: 'consent' }, { event: 'randomization', at: ['follow_up'] }],
      notAfter: [{ event: 'today' }, { event: 'randomization', at: ['baseline'] }],
    }),
    field('assessor_id', text('Assessor', 'Değerlendiren'), 'user_ref', {
      default: { from: 'current_user' },
    }),
    field('vas_line_length_mm', text('Printed line length', 'Basılı çizgi uzunluğu'), 'integer', {
      unit: 'mm',
      min: 50,
      max: 200,
      required: false,
    }),
    field('vas_mark_mm', text('Measured mark', 'Ölçülen işaret'), 'integer', {
      unit: 'mm',
      min: 0,
      required: false,
    }),
    field('vas_prompt_version', text('Prompt version', 'Soru sürümü'), 'text', {
      required: false,
      default: { from: 'vas_prompt_version' },
    }),
  ],
};

/**
 * ODI section titles only: statement texts are licensed and never stored in the repository
 * (protocol §3.4). Field names match `odiAnswersSchema`.
 */
const odiSections: [string, string][] = [
  ['Pain intensity', 'Ağrı şiddeti'],
  ['Personal care', 'Kişisel bakım'],
  ['Lifting', 'Yük kaldırma'],
  ['Walking', 'Yürüme'],
  ['Sitting', 'Oturma'],
  ['Standing', 'Ayakta durma'],
  ['Sleeping', 'Uyku'],
  ['Sex life (if applicable)', 'Cinsel yaşam (varsa)'],
  ['Social life', 'Sosyal yaşam'],
  ['Travelling', 'Seyahat'],
];

/** ODI v2.1a / Turkish v2.0 (protocol §3); items may be blank, the score is derived (protocol §3.2). */
export const odiForm: FormDefinition = {
  code: 'odi',
  label: text('Oswestry Disability Index', 'Oswestry Disabilite İndeksi'),
  repeating: false,
  instrument: 'oswestry_disability_index',
  fields: [
    // The version of the paper form the patient filled, chosen by whoever transcribes it, never
    // taken from the interface language; a participant's next ODI proposes the previous one's
    // (protocol §3.1, docs/study-definition.md).
    field('odi_version', text('ODI form the patient filled', 'Hastanın doldurduğu ODI formu'), 'choice', {
      allowedValues: [
        option('2.1a-en', 'English ODI v2.1a', 'İngilizce ODI v2.1a'),
        option('2.0-tr', 'Turkish ODI v2.0', 'Türkçe ODI v2.0'),
      ],
      default: { from: 'participant_previous_value' },
    }),
    // "Section 8 not applicable" sits with section 8, where it is answered (not after section 10).
    ...odiSections.flatMap(([en, tr], i) => [
      field(`q${i + 1}`, text(`${i + 1}. ${en}`, `${i + 1}. ${tr}`), 'integer', {
        min: 0,
        max: 5,
        required: false,
      }),
      ...(i === 7
        ? [
            field('q8NotApplicable', text('Section 8 not applicable', '8. bölüm uygulanamaz'), 'boolean', {
              required: false,
            }),
          ]
        : []),
    ]),
    field('odi_sum', text('Sum', 'Toplam'), 'integer', { min: 0, max: 50, derived: true, required: false }),
    field('odi_answered', text('Sections answered', 'Yanıtlanan bölüm'), 'integer', {
      min: 0,
      max: 10,
      derived: true,
    }),
    field('odi_pct_x10', text('ODI % × 10', 'ODI % × 10'), 'integer', {
      min: 0,
      max: 1000,
      derived: true,
      required: false,
    }),
    field('odi_low_completion', text('Fewer than 8 sections', '8 bölümden az'), 'boolean', { derived: true }),
  ],
};

/** Demographics (protocol §5.2): no names or national ids. */
export const demographicsForm: FormDefinition = {
  code: 'demographics',
  label: text('Demographics', 'Demografik bilgiler'),
  repeating: false,
  instrument: 'body_mass_index',
  fields: [
    field('birth_year', text('Year of birth', 'Doğum yılı'), 'integer', { min: 1900, max: 2100 }),
    field('birth_date', text('Date of birth', 'Doğum tarihi'), 'date', {
      required: false,
      notAfter: [{ event: 'today' }],
    }),
    field('sex', text('Sex', 'Cinsiyet'), 'choice', {
      allowedValues: [option('male', 'Male', 'Erkek'), option('female', 'Female', 'Kadın')],
    }),
    field('height_cm', text('Height', 'Boy'), 'decimal', { unit: 'cm', min: 100, max: 230 }),
    field('weight_kg', text('Weight', 'Kilo'), 'decimal', { unit: 'kg', min: 30, max: 250 }),
    field('bmi', text('BMI', 'VKİ'), 'decimal', { unit: 'kg/m²', derived: true }),
    field('pain_duration_months', text('Pain duration', 'Ağrı süresi'), 'integer', {
      unit: 'months',
      // Any truthful duration is recorded; I2 is proposed from it (limits.painDurationMonthsMin).
      min: 0,
      max: 600,
    }),
    field('occupation', text('Occupation', 'Meslek'), 'text', { required: false }),
  ],
};

/** Informed consent (protocol §5.2): required before any baseline data. */
export const consentForm: FormDefinition = {
  code: 'consent',
  label: text('Informed consent', 'Bilgilendirilmiş onam'),
  repeating: false,
  fields: [
    // Consent is dated neither in the future nor before screening (protocol §5.2, R-LIFE-2).
    field('consent_date', text('Date signed', 'İmza tarihi'), 'date', {
      default: { from: 'today' },
      notBefore: [{ event: 'screening' }],
      notAfter: [{ event: 'today' }],
    }),
    field('icf_version', text('Consent form version', 'Onam formu sürümü'), 'text', {
      default: { from: 'consent_version_in_force' },
    }),
    field('obtained_by', text('Obtained by', 'Onamı alan'), 'user_ref', {
      default: { from: 'current_user' },
    }),
  ],
};
