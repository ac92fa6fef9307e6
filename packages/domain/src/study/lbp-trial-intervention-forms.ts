import type { FormDefinition } from './definition-schema';
import { field, option, text, YES_NO_ONLY_YES } from './field-builders';

/**
 * TLF_MOB session record (protocol §5.2), one per session. The technique list is site-defined: these
 * entries are placeholders for the admin to replace.
 */
export const tlfMobForm: FormDefinition = {
  code: 'intervention_tlf_mob',
  label: text('Fascia mobilization session', 'Fasya mobilizasyonu seansı'),
  repeating: true,
  fields: [
    field('session_no', text('Session number', 'Seans numarası'), 'integer', {
      min: 1,
      default: { from: 'record_seq' },
    }),
    field('date', text('Date', 'Tarih'), 'date', {
      default: { from: 'today' },
      notBefore: [{ event: 'randomization' }],
      notAfter: [{ event: 'today' }],
    }),
    field('therapist_id', text('Therapist', 'Terapist'), 'user_ref', { default: { from: 'current_user' } }),
    field('duration_min', text('Duration', 'Süre'), 'integer', { unit: 'min', min: 1, max: 180 }),
    field('techniques', text('Techniques', 'Teknikler'), 'multi_choice', {
      allowedValues: [
        option('direct_mfr', 'Direct myofascial release', 'Doğrudan miyofasyal gevşetme'),
        option('indirect_mfr', 'Indirect myofascial release', 'Dolaylı miyofasyal gevşetme'),
        option('other', 'Other', 'Diğer'),
      ],
    }),
    field('techniques_other', text('Other technique', 'Diğer teknik'), 'text', {
      required: false,
      requiredWhen: { field: 'techniques', in: ['other'] },
    }),
    field('completed', text('Session completed', 'Seans tamamlandı'), 'yes_no'),
    field('reason_not_completed', text('Reason not completed', 'Tamamlanmama nedeni'), 'text', {
      required: false,
      requiredWhen: { field: 'completed', in: ['no'] },
    }),
  ],
};

const lumbarLevels = ['L1–L2', 'L2–L3', 'L3–L4', 'L4–L5', 'L5–S1'];

/** US_D5W injection record (protocol §5.2), one per injection; ultrasound guidance must be confirmed. */
export const usD5wForm: FormDefinition = {
  code: 'intervention_us_d5w',
  label: text('Ultrasound-guided 5% dextrose injection', 'Ultrason eşliğinde %5 dekstroz enjeksiyonu'),
  repeating: true,
  fields: [
    field('date', text('Date', 'Tarih'), 'date', {
      default: { from: 'today' },
      notBefore: [{ event: 'randomization' }],
      notAfter: [{ event: 'today' }],
    }),
    field('injector_id', text('Injector', 'Enjeksiyonu yapan'), 'user_ref', {
      default: { from: 'current_user' },
    }),
    field(
      'us_guidance_confirmed',
      text('Ultrasound guidance confirmed', 'Ultrason eşliği doğrulandı'),
      'yes_no',
      {
        allowedValues: YES_NO_ONLY_YES,
      },
    ),
    field('level', text('Vertebral level', 'Vertebra seviyesi'), 'choice', {
      allowedValues: lumbarLevels.map((l) => option(l.replace('–', '_'), l, l)),
    }),
    field('side', text('Side', 'Taraf'), 'choice', {
      allowedValues: [
        option('left', 'Left', 'Sol'),
        option('right', 'Right', 'Sağ'),
        option('bilateral', 'Bilateral', 'Bilateral (iki taraflı)'),
      ],
    }),
    field('volume_ml_per_side', text('Volume per side', 'Taraf başına hacim'), 'decimal', {
      unit: 'ml',
      min: 1,
      max: 30,
    }),
    field('solution', text('Solution', 'Solüsyon'), 'choice', {
      allowedValues: [option('dextrose_5', '5% dextrose', '%5 dekstroz')],
      default: { value: 'dextrose_5' },
    }),
    field('needle_gauge', text('Needle gauge', 'İğne kalınlığı'), 'integer', {
      unit: 'G',
      min: 18,
      max: 30,
      required: false,
    }),
    field('immediate_complication', text('Immediate complication', 'Erken komplikasyon'), 'yes_no'),
    field('immediate_complication_text', text('Complication details', 'Komplikasyon ayrıntısı'), 'text', {
      required: false,
      requiredWhen: { field: 'immediate_complication', in: ['yes'] },
    }),
  ],
};
