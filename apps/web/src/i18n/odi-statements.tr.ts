import type { odiStatementsEn } from './odi-statements.en';

/** Turkish text of the ODI statements screen (protocol §3.4). */
export const odiStatementsTr: typeof odiStatementsEn = {
  title: 'ODI ifadeleri',
  intro:
    'ODI ifade metinleri lisanslıdır (Mapi Research Trust) ve yazılımın parçası değildir. Çalışmanızın lisanslı İngilizce ve Türkçe metinlerini buradan yükleyin: ODI formu her bölümün altı ifadesini yanıt seçenekleri olarak gösterir. Yüklenmezse bölüm başlıklarını ve 0–5 puanlarını gösterir.',
  format:
    'section (1–10), index (0–5, puan), language (en veya tr) ve text sütunlarından oluşan bir CSV dosyası ya da aynı alanlardan oluşan bir JSON dizisi. Dosyadaki her dilin 60 ifadesinin tamamı olmalıdır; dosyada olmayan bir dil eski metinlerini korur.',
  file: 'İfade dosyası (CSV veya JSON)',
  load: 'İfadeleri yükle',
  loading: 'Yükleniyor…',
  loaded: 'İfadeler yüklendi: {{languages}}.',
  current: 'Geçerli olanlar',
  none: 'Yüklü ifade yok: ODI formu 0–5 puanlarını gösterir.',
  languageLoaded: '{{language}}: 10 bölüm × 6 ifade',
  languageMissing: '{{language}}: yüklenmedi',
  loadedAt: 'Son yükleme: {{at}}',
  notJson: 'Bu geçerli bir JSON değil: {{detail}}',
};
