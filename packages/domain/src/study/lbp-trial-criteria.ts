import type { EligibilityCriterion, FormDefinition } from './definition-schema';
import { field, option, text } from './field-builders';

/**
 * Eligibility of NCT07241559 as registered (protocol §1.4). E12 ("History of …") is cut off in
 * every registry mirror and is therefore omitted; an admin adds it (and any further item) to the
 * study definition once the investigators supply the text.
 */
export const lbpCriteria: EligibilityCriterion[] = [
  {
    id: 'I1',
    kind: 'inclusion',
    textEn: 'Male or female, aged 18–65 years',
    textTr: 'Kadın veya erkek, 18–65 yaş arasında olmak',
    expected: 'yes',
    derivedFrom: 'age',
  },
  {
    id: 'I2',
    kind: 'inclusion',
    textEn: 'Low back pain lasting more than 3 months',
    textTr: '3 aydan uzun süredir devam eden bel ağrısı',
    expected: 'yes',
    derivedFrom: 'pain_duration',
  },
  {
    id: 'I3',
    kind: 'inclusion',
    textEn: 'Inadequate response to medical (drug) treatment',
    textTr: 'Medikal (ilaç) tedaviye yetersiz yanıt',
    expected: 'yes',
  },
  {
    id: 'I4',
    kind: 'inclusion',
    textEn: 'Participates voluntarily (informed consent)',
    textTr: 'Çalışmaya gönüllü olarak katılmak (bilgilendirilmiş onam)',
    expected: 'yes',
  },
  {
    id: 'E1',
    kind: 'exclusion',
    textEn: 'Age under 18 or over 65',
    textTr: '18 yaşından küçük veya 65 yaşından büyük olmak',
    expected: 'no',
    derivedFrom: 'age',
  },
  {
    id: 'E2',
    kind: 'exclusion',
    textEn: 'BMI > 30 kg/m²',
    textTr: 'Vücut kitle indeksi (VKİ) > 30 kg/m²',
    expected: 'no',
    derivedFrom: 'bmi',
  },
  {
    id: 'E3',
    kind: 'exclusion',
    textEn: 'Pregnant or breastfeeding',
    textTr: 'Gebe veya emziriyor olmak',
    expected: 'no',
    derivedFrom: 'sex',
  },
  {
    id: 'E4',
    kind: 'exclusion',
    textEn: 'Coagulation disorder',
    textTr: 'Pıhtılaşma (koagülasyon) bozukluğu',
    expected: 'no',
  },
  {
    id: 'E5',
    kind: 'exclusion',
    textEn: 'Previous spinal surgery',
    textTr: 'Geçirilmiş omurga cerrahisi',
    expected: 'no',
  },
  {
    id: 'E6',
    kind: 'exclusion',
    textEn: 'Inflammatory or malignant disease',
    textTr: 'İnflamatuvar veya malign (kötü huylu) hastalık',
    expected: 'no',
  },
  {
    id: 'E7',
    kind: 'exclusion',
    textEn: 'Local infection of the spine or at the injection site',
    textTr: 'Omurgada veya enjeksiyon bölgesinde lokal enfeksiyon',
    expected: 'no',
  },
  {
    id: 'E8',
    kind: 'exclusion',
    textEn: 'Lumbar disc pathology causing radiculopathy',
    textTr: 'Radikülopatiye neden olan lomber disk patolojisi',
    expected: 'no',
  },
  {
    id: 'E9',
    kind: 'exclusion',
    textEn: 'Spinal stenosis, spondylolysis or spondylolisthesis',
    textTr: 'Spinal stenoz, spondiloliz veya spondilolistezis',
    expected: 'no',
  },
  {
    id: 'E10',
    kind: 'exclusion',
    textEn: 'Physical therapy or any manual therapy in the past 6 months',
    textTr: 'Son 6 ay içinde fizik tedavi veya herhangi bir manuel tedavi almış olmak',
    expected: 'no',
  },
  {
    id: 'E11',
    kind: 'exclusion',
    textEn: 'Lumbar injection in the past 6 months',
    textTr: 'Son 6 ay içinde lomber enjeksiyon yapılmış olmak',
    expected: 'no',
  },
];

/**
 * The eligibility eCRF (protocol §5.2): one yes/no per criterion (field name = lower-case id), the screening
 * date, and the derived outcome kept for the CONSORT diagram.
 */
export const eligibilityForm: FormDefinition = {
  code: 'eligibility',
  label: text('Eligibility', 'Uygunluk'),
  repeating: false,
  fields: [
    field('screened_at', text('Screening date', 'Tarama tarihi'), 'date'),
    ...lbpCriteria.map((c) =>
      field(c.id.toLowerCase(), text(`${c.id}. ${c.textEn}`, `${c.id}. ${c.textTr}`), 'yes_no'),
    ),
    field('eligible', text('Eligible', 'Uygun'), 'boolean', { derived: true }),
    field('failed_criteria', text('Failed criteria', 'Karşılanmayan kriterler'), 'multi_choice', {
      required: false,
      derived: true,
      allowedValues: lbpCriteria.map((c) => option(c.id, c.textEn, c.textTr)),
    }),
  ],
};
