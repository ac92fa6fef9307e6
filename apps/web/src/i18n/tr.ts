import { dailyFormTr, dailySignTr, gridTr } from './daily.tr';
import type { Translation } from './en';
import { fieldFormatsTr, fieldMessagesTr } from './field-messages.tr';
import { listCorrectionTr } from './list-correction.tr';
import { monitorTr } from './monitor.tr';
import { participantsTr, randomizationListsTr } from './participants.tr';
import { serverMessagesTr } from './server-messages.tr';
import { signInTr } from './sign-in.tr';

/** Türkçe arayüz metinleri; anahtarlar en.ts ile birebir aynıdır. */
export const tr: Translation = {
  common: {
    ...signInTr.common,
    loading: 'Yükleniyor…',
    save: 'Kaydet',
    saving: 'Kaydediliyor…',
    cancel: 'Vazgeç',
    close: 'Kapat',
    retry: 'Yeniden dene',
    none: '—',
    you: 'siz',
  },
  blinding: {
    notShown: 'Maskelenmiş değerlendiricilere gösterilmez',
    sections: '{{sections}}: maskelenmiş değerlendiricilere gösterilmez.',
    scores:
      'Başlangıç değerleri, başlangıca göre değişim ve MCID: maskelenmiş değerlendiricilere gösterilmez.',
    arm: 'Kol: maskelenmiş değerlendiricilere gösterilmez.',
    consortArms: 'Kollara göre sayılar: maskelenmiş değerlendiricilere gösterilmez.',
  },
  header: {
    mainNav: 'Ana menü',
    signIn: 'Giriş yap',
    signOut: 'Çıkış yap',
    signedInAs: 'Oturum sahibi',
    role: 'Rol',
    sites: 'Merkezler',
    ...signInTr.header,
  },
  locales: signInTr.locales,
  nav: {
    amendments: 'Çalışma tanımı',
    odiStatements: 'ODI ifadeleri',
    exports: 'Veri aktarımı',
    participants: 'Katılımcılar',
    audit: 'Denetim izi',
    dashboard: 'Gösterge paneli',
    queries: 'Sorgular',
    users: 'Kullanıcılar',
    sites: 'Merkezler',
    closeout: 'Kapanış',
    randomizationLists: 'Randomizasyon listeleri',
    grid: 'Kayıt durumu',
  },
  roles: {
    admin: 'Yönetici',
    coordinator: 'Çalışma koordinatörü',
    investigator: 'Araştırmacı',
    assessor: 'Kör değerlendirici',
    monitor: 'Monitör',
  },
  home: {
    study: 'Çalışma',
    health: 'API: {{status}} · veritabanı ({{engine}}): {{reachable}}',
    reachable: 'erişilebilir',
    unreachable: 'erişilemiyor',
    signInPrompt: 'Çalışma verilerini girmek ve incelemek için giriş yapın.',
    welcome: 'Hoş geldiniz, {{name}}.',
    yourSections: 'Bölümleriniz',
    sessionUntil: 'Oturumunuz en geç {{time}} itibarıyla sona erer.',
  },
  login: signInTr.login,
  changePassword: {
    title: 'Parolanızı değiştirin',
    forced: 'Parolanız bir yönetici tarafından belirlendi. Devam etmeden önce kendi parolanızı seçin.',
    current: 'Mevcut parola',
    new: 'Yeni parola',
    newHint:
      'En az {{min}} karakter. Birbiriyle ilgisiz birkaç sözcük hem kolay hatırlanır hem zor tahmin edilir; ad, tarih ve yaygın parolalardan kaçının.',
    confirm: 'Yeni parola (tekrar)',
    submit: 'Parolayı değiştir',
    submitting: 'Değiştiriliyor…',
    mismatch: 'Girilen iki yeni parola aynı değil',
  },
  sessionEnded: {
    title: 'Oturumunuz sona erdi — devam etmek için yeniden giriş yapın',
    at: 'Oturum kapanış zamanı: {{time}} (sizin saatinizle).',
    body: 'Güvenliğiniz için oturumunuz kapatıldı. Bu sayfadaki hiçbir şey kaybolmadı: yeniden giriş yaptıktan sonra girdiklerinizi kontrol edip kaydedin.',
    otherUser: 'Başka bir kullanıcı olarak giriş yaparsanız bu sayfadaki kaydedilmemiş veriler silinir.',
    signOut: 'Bunun yerine çıkış yap',
  },
  errors: {
    ...signInTr.errors,
    FORBIDDEN: 'Rolünüz bu işlem için yetkili değil.',
    NOT_FOUND: 'Kayıt bulunamadı. Başka biri tarafından değiştirilmiş olabilir; sayfayı yenileyin.',
    CONFLICT: 'Bu işlem mevcut verilerle çakışıyor.',
    PASSWORD_CHANGE_REQUIRED: 'Devam etmeden önce parolanızı değiştirin.',
    DATA_ENTRY_CLOSED:
      'Veri girişi kapalı: yeni katılımcı ve randomizasyon yapılamaz. Mevcut veriler tamamlanabilir ve düzeltilebilir.',
    AMENDMENT_CONFLICTS_WITH_DATA:
      'Değişiklik daha önce girilmiş verileri geçersiz kılar veya sahipsiz bırakır; hiçbir şey yayımlanmadı. Engel olan kayıtlar listelendi.',
    STUDY_LOCKED: 'Çalışma veritabanı kilitli. Bir yönetici kilidi açana kadar hiçbir şey değiştirilemez.',
    PAYLOAD_TOO_LARGE: 'Gönderilen veri çok büyük.',
    loadFailed: 'Veriler yüklenemedi.',
  },
  fieldCodes: {
    dateEarly: '{{what}} ({{date}}) öncesinde olamaz.',
    dateLate: '{{what}} ({{date}}) sonrasında olamaz.',
    dateEarlyFixed: '{{date}} tarihinden önce olamaz.',
    dateLateFixed: '{{date}} tarihinden sonra olamaz.',
  },
  passwordPolicy: {
    reasons: {
      straightRow: 'Klavyedeki düz tuş sıraları kolay tahmin edilir.',
      keyPattern: 'Kısa klavye desenleri kolay tahmin edilir.',
      simpleRepeat: '"aaa" gibi tekrarlanan karakterler kolay tahmin edilir.',
      extendedRepeat: '"abcabcabc" gibi tekrarlanan desenler kolay tahmin edilir.',
      sequences: '"abc" veya "123" gibi diziler kolay tahmin edilir.',
      recentYears: 'Yakın tarihli yıllar kolay tahmin edilir.',
      dates: 'Tarihler kolay tahmin edilir.',
      topTen: 'En çok kullanılan parolalardan biri.',
      topHundred: 'Çok yaygın bir parola.',
      common: 'Yaygın olarak kullanılan bir parola.',
      similarToCommon: 'Yaygın kullanılan bir parolaya çok benziyor.',
      wordByItself: 'Tek bir sözcük kolay tahmin edilir.',
      namesByThemselves: 'Tek başına bir ad kolay tahmin edilir.',
      commonNames: 'Yaygın adlar ve soyadlar kolay tahmin edilir.',
      userInputs: 'Adınızı, e-posta adresinizi veya bu çalışmaya ait sözcükleri içeriyor.',
      pwned: 'Bu parola bir veri sızıntısında ortaya çıkmış.',
      guessable: 'Yaygın olmayan birkaç sözcük daha ekleyin.',
    },
  },
  validation: {
    chooseRole: 'Bir rol seçin',
  },
  notFound: {
    title: 'Sayfa bulunamadı',
    back: 'Başlangıç sayfasına dön',
  },
  forbidden: {
    title: 'Rolünüz için erişilemez',
    body: 'Rolünüz ({{role}}) bu sayfaya erişim izni vermiyor.',
  },
  comingSoon: {
    body: 'Bu bölüm hazırlanıyor ve yakında kullanıma açılacak.',
  },
  participants: participantsTr,
  randomizationLists: { ...randomizationListsTr, ...listCorrectionTr },
  monitor: monitorTr,
  grid: gridTr,
  dailyForm: dailyFormTr,
  dailySign: dailySignTr,
  serverMessages: serverMessagesTr,
  fieldMessages: fieldMessagesTr,
  signInFields: signInTr.signInFields,
  fieldFormats: fieldFormatsTr,
};
