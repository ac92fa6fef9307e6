import type { exportsEn } from './exports.en';

export const exportsTr: typeof exportsEn = {
  title: 'Veri aktarımı',
  intro:
    'İstatistikçi için dosyalar, merkezlerinizin verisinden. Her indirme denetim izine kaydedilir ve bir manifest ile tanımlanır (kim, ne zaman, satır sayıları, dosyanın SHA-256 özeti, denetim zinciri başları).',
  site: 'Merkez',
  allSites: 'Tüm merkezlerim',
  download: 'İndir',
  progress: 'İndiriliyor… {{size}} alındı',
  progressLabel: 'İndirme sürüyor',
  done: '{{file}} indirildi ({{size}}).',
  rows: 'Satır',
  check: 'Dosya manifeste göre denetlendi',
  matches: 'SHA-256 eşleşiyor',
  differs: 'SHA-256 farklı: yeniden indirin',
  auditHead: 'Denetim zinciri başları özeti',
  manifest: 'Manifesti indir (JSON)',
  formats: {
    wide_csv: {
      name: 'Geniş CSV',
      about: 'Katılımcı başına bir satır; vizit ve alan başına sütunlar (vas_mm_m1, odi_pct_m3).',
    },
    long_csv: {
      name: 'Uzun CSV',
      about: 'Katılımcı × vizit × form × alan başına bir satır; kayıt durumu ve sürümüyle.',
    },
    dictionary_csv: {
      name: 'Veri sözlüğü (CSV)',
      about: 'Geniş dosyanın her değişkeni: etiket, tür, birim, izinli değerler, vizit.',
    },
    dictionary_md: { name: 'Veri sözlüğü (Markdown)', about: 'Aynı sözlük okunabilir bir tablo olarak.' },
    odm_xml: {
      name: 'CDISC ODM 1.3.2 (XML)',
      about: 'Her değer için denetim kaydıyla üst veri ve klinik veri.',
    },
  },
};
