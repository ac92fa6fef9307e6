import type { DefinitionProblemCode } from '@mini-edc/domain';

/**
 * A draft study definition's problems in Turkish (the English is the domain's table,
 * packages/domain/src/study/definition-problems.ts); forms, fields and visits arrive by label.
 */
export const definitionProblemsTr: Record<DefinitionProblemCode, string> = {
  DEF_DUPLICATE_ARM: 'Başka bir kol zaten “{{code}}” kodunu taşıyor.',
  DEF_DUPLICATE_STRATUM: 'Başka bir tabaka zaten “{{code}}” anahtarını taşıyor.',
  DEF_DUPLICATE_CRITERION: 'Başka bir kriter zaten “{{code}}” kimliğini taşıyor.',
  DEF_DUPLICATE_VISIT: 'Başka bir vizit zaten “{{code}}” kodunu taşıyor.',
  DEF_DUPLICATE_FORM: 'Başka bir form zaten “{{code}}” kodunu taşıyor.',
  DEF_DUPLICATE_CONSENT_VERSION: 'Onam formu sürümü “{{code}}” iki kez yazılmış.',
  DEF_DUPLICATE_FIELD: '“{{form}}” formunda “{{code}}” adlı iki alan var.',
  DEF_DUPLICATE_CHOICE: '“{{form}}” formunun “{{field}}” alanı “{{code}}” seçeneğini iki kez sunuyor.',
  DEF_FORM_UNDEFINED: 'Tanımda “{{form}}” adlı bir form yok.',
  DEF_FIELD_UNDEFINED: '“{{form}}” formunda “{{field}}” alanı yok.',
  DEF_VISIT_ANCHOR: '“{{visit}}” viziti: tarama ve başlangıç vizitleri randomizasyona göre zamanlanır.',
  DEF_ONE_BASELINE_VISIT: 'Tam olarak bir vizit başlangıç viziti olmalı.',
  DEF_ONE_SCREENING_VISIT: 'Tam olarak bir vizit tarama viziti olmalı.',
  DEF_INCLUSION_EXPECTS_YES: '{{criterion}} bir dahil etme kriteri: “evet” yanıtıyla karşılanır.',
  DEF_EXCLUSION_EXPECTS_NO: '{{criterion}} bir dışlama kriteri: “hayır” yanıtıyla karşılanır.',
  DEF_AGE_MIN_ABOVE_MAX: 'En düşük yaş ({{ageMin}}) en yüksek yaştan ({{ageMax}}) büyük.',
  DEF_MIN_ABOVE_MAX:
    '“{{form}}” formunun “{{field}}” alanı: en düşük değer {{min}}, en yüksek değer {{max}} değerinden büyük.',
  DEF_CHOICES_REQUIRED: '“{{form}}” formunun “{{field}}” alanı bir seçim alanı; seçenek listesi gerekli.',
  DEF_TARGET_ABOVE_CAP: 'Hasta alım hedefi ({{target}}) üst sınırdan ({{cap}}) büyük.',
  DEF_RATIO_PARTS: 'Atama oranı her kol için bir pay içermeli ({{arms}}).',
  DEF_BLOCK_NOT_MULTIPLE: '{{size}} blok büyüklüğü, oranların toplamı olan {{total}} sayısının katı değil.',
  DEF_SLOTS_BELOW_CAP:
    'Listede tabaka başına {{slots}} yer var; bu, hasta alım üst sınırı olan {{cap}} sayısından az.',
  DEF_OUTCOME_FORM_REVEALING: '“{{form}}” sonuç formu, kör değerlendiriciye kolu gösterir.',
  DEF_SAFE_FIELD_TEXT:
    '“{{form}}” formunun “{{field}}” alanı serbest metin; kolu gösteren bir formda serbest metin hiçbir zaman güvenli değildir.',
  DEF_SAFE_FIELD_NOT_REVEALING:
    '“{{form}}” formu kolu göstermiyor; bu yüzden alanlarından hiçbiri güvenli olarak işaretlenmez.',
  DEF_VALUE_NOT_A_CHOICE: '“{{value}}”, “{{form}}” formunun “{{field}}” alanının bir seçeneği değil.',
  DEF_FORM_NOT_AT_BASELINE: '“{{form}}” formu, “{{visit}}” başlangıç vizitinin bir formu değil.',
  DEF_FORM_NOT_AT_SCREENING: '“{{form}}” formu, “{{visit}}” tarama vizitinin bir formu değil.',
  DEF_VISIT_CODE_SCHEDULED: '“{{code}}” vizit kodu zaten takvimdeki bir vizite ait.',
  DEF_SAME_AS_TREATMENT_VISIT: 'Plansız vizit, tedavi vizitiyle aynı kodu (“{{code}}”) taşıyor.',
  DEF_INSTRUMENT_TWICE: '“{{instrument}}” ölçeği zaten başka bir formda.',
  DEF_YES_NO_CHOICE:
    '“{{form}}” formunun “{{field}}” alanı evet/hayır alanı: seçenekleri evet ve hayırdır, “{{value}}” değil.',
  DEF_CONDITION_FIELD:
    '“{{form}}” formunun “{{field}}” alanı “{{other}}” alanına bağlı, ama bu formun başka bir alanı değil.',
  DEF_CONDITION_VALUE:
    '“{{form}}” formunun “{{field}}” alanı “{{value}}” yanıtına bağlı, ama “{{other}}” alanı bu değeri alamaz.',
  DEF_DATE_LIMIT_NOT_DATE: '“{{form}}” formunun “{{field}}” alanı bir tarih değil; tarih sınırı olamaz.',
  DEF_DATE_LIMIT_FIELD:
    '“{{form}}” formunun “{{field}}” alanı “{{other}}” ile sınırlanmış, ama bu formun başka bir tarih alanı değil.',
  DEF_VISIT_DATE_LIMIT_FIELD:
    'Bir vizit tarihi form alanlarıyla değil, olaylar ve sabit tarihlerle sınırlanır.',
  DEF_EARLIEST_AFTER_LATEST: 'En erken olası tarih ({{earliest}}) en geç tarihten ({{latest}}) sonra.',
};
