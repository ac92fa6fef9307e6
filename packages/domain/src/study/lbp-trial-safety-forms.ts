import type { FormDefinition } from './definition-schema';
import { field, option, text } from './field-builders';

/** Adverse event (protocol §5.2): seriousness per ICH E2A; expected events offered as choices. */
export const adverseEventForm: FormDefinition = {
  code: 'adverse_event',
  label: text('Adverse event', 'Advers olay'),
  repeating: true,
  fields: [
    field('onset_date', text('Onset date', 'Başlangıç tarihi'), 'date', {
      notBefore: [{ event: 'consent' }],
      notAfter: [{ event: 'today' }],
    }),
    field('end_date', text('End date', 'Bitiş tarihi'), 'date', {
      required: false,
      notBefore: [{ field: 'onset_date' }],
      notAfter: [{ event: 'today' }],
    }),
    field('expected_event', text('Event', 'Olay'), 'choice', {
      required: false,
      allowedValues: [
        option('injection_site_pain', 'Injection-site pain', 'Enjeksiyon yerinde ağrı'),
        option('haematoma', 'Haematoma', 'Hematom'),
        option('vasovagal_reaction', 'Vasovagal reaction', 'Vazovagal reaksiyon'),
        option('infection', 'Infection', 'Enfeksiyon'),
        option('post_treatment_soreness', 'Post-treatment soreness', 'Tedavi sonrası hassasiyet'),
        option('other', 'Other', 'Diğer'),
      ],
    }),
    field('description', text('Description', 'Açıklama'), 'text'),
    field('serious', text('Serious', 'Ciddi'), 'yes_no'),
    field('serious_criteria', text('Seriousness criteria', 'Ciddiyet kriterleri'), 'multi_choice', {
      required: false,
      requiredWhen: { field: 'serious', in: ['yes'] },
      allowedValues: [
        option('death', 'Death', 'Ölüm'),
        option('life_threatening', 'Life-threatening', 'Hayatı tehdit edici'),
        option(
          'hospitalisation',
          'Hospitalisation or prolonged stay',
          'Hastaneye yatış veya yatışın uzaması',
        ),
        option(
          'persistent_disability',
          'Persistent or significant disability',
          'Kalıcı veya belirgin sakatlık',
        ),
        option('congenital_anomaly', 'Congenital anomaly', 'Konjenital anomali'),
        option('other_important', 'Other important medical event', 'Diğer önemli tıbbi olay'),
      ],
    }),
    field('severity', text('Severity', 'Şiddet'), 'choice', {
      allowedValues: [
        option('mild', 'Mild', 'Hafif'),
        option('moderate', 'Moderate', 'Orta'),
        option('severe', 'Severe', 'Şiddetli'),
      ],
    }),
    field('relatedness', text('Relatedness', 'İlişkililik'), 'choice', {
      allowedValues: [
        option('not_related', 'Not related', 'İlişkisiz'),
        option('unlikely', 'Unlikely', 'Olası değil'),
        option('possible', 'Possible', 'Olası'),
        option('probable', 'Probable', 'Muhtemel'),
        option('definite', 'Definite', 'Kesin'),
      ],
    }),
    field('action_taken', text('Action taken', 'Yapılan işlem'), 'text', { required: false }),
    field('outcome', text('Outcome', 'Sonuç'), 'choice', {
      allowedValues: [
        option('recovered', 'Recovered', 'İyileşti'),
        option('recovering', 'Recovering', 'İyileşiyor'),
        option('not_recovered', 'Not recovered', 'İyileşmedi'),
        option('recovered_with_sequelae', 'Recovered with sequelae', 'Sekelle iyileşti'),
        option('fatal', 'Fatal', 'Ölümcül'),
        option('unknown', 'Unknown', 'Bilinmiyor'),
      ],
    }),
  ],
};

/** Protocol deviation (protocol §5.2); `visit_out_of_window` is also created automatically (protocol §5.1). */
export const deviationForm: FormDefinition = {
  code: 'deviation',
  label: text('Protocol deviation', 'Protokol sapması'),
  repeating: true,
  fields: [
    field('date', text('Date', 'Tarih'), 'date', {
      default: { from: 'today' },
      notBefore: [{ event: 'screening' }],
      notAfter: [{ event: 'today' }],
    }),
    field('category', text('Category', 'Kategori'), 'choice', {
      allowedValues: [
        option('eligibility', 'Eligibility', 'Uygunluk'),
        option('consent', 'Consent', 'Onam'),
        option('visit_out_of_window', 'Visit out of window', 'Zaman aralığı dışında vizit'),
        option('missed_assessment', 'Missed assessment', 'Kaçırılan değerlendirme'),
        option('wrong_intervention', 'Wrong or extra intervention', 'Yanlış veya fazladan müdahale'),
        option('randomization_error', 'Randomization error', 'Randomizasyon hatası'),
        option('other', 'Other', 'Diğer'),
      ],
    }),
    field('major', text('Major deviation', 'Majör sapma'), 'yes_no'),
    field('description', text('Description', 'Açıklama'), 'text'),
    field('corrective_action', text('Corrective action', 'Düzeltici işlem'), 'text', { required: false }),
  ],
};

/** End of study or withdrawal (protocol §5.2). The allocation itself is never withdrawn. */
export const endOfStudyForm: FormDefinition = {
  code: 'end_of_study',
  label: text('End of study', 'Çalışma sonu'),
  repeating: false,
  fields: [
    field('status', text('Status', 'Durum'), 'choice', {
      allowedValues: [
        option('completed', 'Completed', 'Tamamladı'),
        option('withdrawn', 'Withdrawn', 'Ayrıldı'),
      ],
    }),
    field('date', text('Date', 'Tarih'), 'date', {
      default: { from: 'today' },
      notBefore: [{ event: 'screening' }],
      notAfter: [{ event: 'today' }],
    }),
    field('last_visit', text('Last visit', 'Son vizit'), 'text', { default: { from: 'last_done_visit' } }),
    field('reason', text('Reason for withdrawal', 'Ayrılma nedeni'), 'choice', {
      required: false,
      requiredWhen: { field: 'status', in: ['withdrawn'] },
      allowedValues: [
        option('withdrew_consent', 'Withdrew consent', 'Onamını geri çekti'),
        option('lost_to_follow_up', 'Lost to follow-up', 'Takipten çıktı'),
        option('adverse_event', 'Adverse event', 'Advers olay'),
        option('investigator_decision', 'Investigator decision', 'Araştırmacı kararı'),
        option('protocol_deviation', 'Protocol deviation', 'Protokol sapması'),
        option('other', 'Other', 'Diğer'),
      ],
    }),
    field('reason_other', text('Other reason', 'Diğer neden'), 'text', {
      required: false,
      requiredWhen: { field: 'reason', in: ['other'] },
    }),
    field(
      'follow_up_allowed',
      text('Follow-up data may still be collected', 'Takip verisi toplanabilir'),
      'yes_no',
      {
        required: false,
      },
    ),
  ],
};
