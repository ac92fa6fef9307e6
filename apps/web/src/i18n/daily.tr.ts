import type { dailyFormEn, dailySignEn, gridEn } from './daily.en';

/** Günlük iş ekranlarının Türkçe metinleri: kayıt tablosu, kaydet ve sonraki, vizit pencereleri, imza. */
export const gridTr: typeof gridEn = {
  title: 'Kayıt durumu',
  intro:
    'Her katılımcının formları vizitlere göre. Formu açmak için bir hücre seçin; tabloda ok tuşları, Home ve End hücreler arasında gezdirir, Enter seçili hücreyi açar.',
  filters: 'Süzgeçler',
  site: 'Merkez',
  allSites: 'Tüm merkezler',
  status: 'Durum',
  anyStatus: 'Her durum',
  mine: 'İşlem bekleyenlerim',
  legend: 'Açıklama',
  participant: 'Katılımcı',
  count: '{{total}} katılımcıdan {{count}} gösteriliyor',
  empty: 'Bu süzgeçlere uyan katılımcı yok.',
  needsAction: 'sizden işlem bekliyor',
  queries_one: '{{count}} açık sorgu',
  queries_other: '{{count}} açık sorgu',
  series: {
    title: 'Tekrarlanan kayıtlar',
    treatment: 'Tedavi seansları',
    none: 'kayıt yok',
    count_one: '{{count}} kayıt',
    count_other: '{{count}} kayıt',
    least: 'en geride olan: {{status}}',
  },
  states: {
    not_started: 'Başlanmadı',
    draft: 'Taslak',
    complete: 'Tamamlandı',
    signed: 'İmzalandı',
    locked: 'Kilitli',
    open_query: 'Açık sorgu',
    sdv_done: 'KVD yapıldı',
    out_of_window: 'Pencere dışında',
  },
};

export const dailyFormTr: typeof dailyFormEn = {
  saveAndNext: 'Kaydet ve sonraki forma geç',
  saveAndFinish: 'Kaydet ve vizite dön',
  edit: 'Düzenle',
  readOnlyHint: 'Bu form tamamlandı. Düzeltmek için Düzenle’yi seçin (gerekçe istenir).',
  cancelEdit: 'Düzenlemeyi bırak',
  windowEarly:
    'Bu vizitin penceresi {{windowStart}} tarihinde açılıyor (pencere {{windowStart}} – {{windowEnd}}). Formlarını şimdi girmek pencere dışındadır.',
  windowLate:
    'Bu vizitin penceresi {{windowEnd}} tarihinde kapandı (pencere {{windowStart}} – {{windowEnd}}). Formlarını şimdi girmek pencere dışındadır.',
  windowReason: 'Pencere dışında giriş gerekçesi',
  windowReasonHint: 'Vizitle birlikte ve denetim izinde saklanır. En az 3 karakter.',
  windowReasonMissing: 'Bu formu vizit penceresi dışında girmenin gerekçesini yazın.',
};

export const dailySignTr: typeof dailySignEn = {
  willSign_one: 'Şu kaydı imzalıyorsunuz:',
  willSign_other: 'Şu {{count}} kaydı imzalıyorsunuz:',
  nothingToSign: 'Bu vizitte imza bekleyen tamamlanmış kayıt yok.',
  blocked: 'İmzalamadan önce şu formları tamamlayın: {{forms}}.',
  passwordWrong_one: 'Parola yanlış. Hesap kilitlenmeden önce {{count}} deneme hakkınız kaldı.',
  passwordWrong_other: 'Parola yanlış. Hesap kilitlenmeden önce {{count}} deneme hakkınız kaldı.',
  passwordWrongLocked: 'Parola yanlış. Hesap bir süre için kilitlendi.',
};
