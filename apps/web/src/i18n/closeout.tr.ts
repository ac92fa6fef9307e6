import type { closeoutEn } from './closeout.en';

/** Turkish text of the close-out screens. */
export const closeoutTr: typeof closeoutEn = {
  title: 'Çalışma kapanışı',
  intro:
    'Veri girişini kapatın, açık kalanları kontrol edin, veritabanını kilitleyin, randomizasyon listesini doğrulayın ve olgu dosyalarını ve son dışa aktarımı hazırlayın.',
  states: {
    open: 'Açık',
    entry_closed: 'Veri girişi kapalı',
    locked: 'Kilitli',
  },
  stateHelp: {
    open: 'Veri girişi herkes için her zamanki gibi açık.',
    entry_closed:
      'Yeni katılımcı ve randomizasyon yapılamaz. Mevcut veriler tamamlanabilir ve düzeltilebilir, sorgular yanıtlanabilir, vizitler imzalanabilir ve kayıtlar doğrulanabilir.',
    locked: 'Veritabanı kilitli: çalışmaya ait hiçbir şey değiştirilemez.',
  },
  banner: {
    entry_closed: 'Veri girişi kapalı: yeni katılımcı ve randomizasyon yapılamaz.',
    locked: 'Çalışma veritabanı kilitli. Veriler okunabilir ve dışa aktarılabilir, ancak değiştirilemez.',
  },
  currentState: 'Mevcut durum',
  since: '{{when}} tarihinden beri',
  actions: {
    close_entry: 'Veri girişini kapat',
    reopen_entry: 'Veri girişini yeniden aç',
    lock: 'Veritabanını kilitle',
    unlock: 'Veritabanı kilidini aç',
  },
  reason: 'Gerekçe',
  reasonHint: 'Denetim izine kaydedilir.',
  overrideReason: 'Geçersiz kılma gerekçesi',
  overrideHint:
    'Kilit öncesi {{count}} açık madde var. Yine de kilitlemek için denetim izine kaydedilen bir gerekçe gerekir.',
  password: 'Parolanız',
  passwordHint: 'Kilidi açmak için parolanızı yeniden girin.',
  confirm: 'Onayla',
  done: {
    close_entry: 'Veri girişi kapatıldı.',
    reopen_entry: 'Veri girişi yeniden açıldı.',
    lock: 'Veritabanı kilitlendi.',
    unlock: 'Veritabanı kilidi açıldı (veri girişi kapalı kalır).',
  },
  history: 'Geçmiş',
  historyEmpty: 'Henüz değişiklik yok.',
  historyColumns: { when: 'Zaman', who: 'Kim', change: 'Değişiklik', reason: 'Gerekçe' },
  checks: {
    title: 'Kilit öncesi kontroller',
    refresh: 'Yeniden kontrol et',
    checkedAt: '{{when}} kontrol edildi',
    allClear: 'Açık madde yok.',
    openItems: '{{count}} açık madde',
    more: 've {{count}} tane daha',
    names: {
      open_queries: 'Açık sorgular',
      unsigned_visits: 'İmzalanmamış vizitler',
      missing_forms: 'Eksik ya da tamamlanmamış formlar',
      unverified_records: 'Kaynak veri doğrulaması yapılmamış kayıtlar',
      audit_chain: 'Denetim izi doğrulaması',
    },
    notes: {
      open: 'açık',
      answered: 'yanıtlandı, kapatılmadı',
      draft: 'tamamlanmamış taslak',
      missing: 'girilmemiş',
      hash_mismatch: 'bir satır değiştirilmiş',
      prev_hash_mismatch: 'bir bağlantı kopmuş',
      sequence_gap: 'bir satır silinmiş',
      head_mismatch: 'en yeni satırlar silinmiş',
    },
    ok: 'geçti',
  },
  verification: {
    title: 'Randomizasyon doğrulaması',
    intro:
      'Kilitten sonra: liste oluşturulurken gösterilen tohum değerini girin ya da içe aktarılmış bir listenin dosyasını yükleyin. Liste yeniden üretilir ve saklanan ve atanan her sıra ile karşılaştırılır.',
    notLocked: 'Veritabanı kilitlendiğinde kullanılabilir.',
    list: 'Randomizasyon listesi',
    seed: 'Tohum değeri (64 onaltılık basamak)',
    file: 'Liste dosyası (CSV)',
    run: 'Doğrula',
    running: 'Doğrulanıyor…',
    match: 'Eşleşiyor',
    mismatch: 'Eşleşmiyor',
    reports: 'Raporlar',
    html: 'Rapor (HTML)',
    pdf: 'Rapor (PDF)',
    export: 'İstatistikçi için atama dışa aktarımı (JSON)',
    sha256: 'SHA-256',
    none: 'Henüz doğrulama yok.',
    columns: { when: 'Zaman', list: 'Liste', verdict: 'Sonuç', files: 'Dosyalar' },
  },
};
