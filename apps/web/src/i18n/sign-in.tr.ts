import type { SignInText } from './sign-in.en';

/** Giriş sayfasının Türkçe metinleri; tr.ts bu anahtarları buradan alır (sign-in.en.ts). */
export const signInTr: SignInText = {
  common: { appName: 'mini-EDC' },
  header: { language: 'Dil', skipToContent: 'Ana içeriğe geç' },
  locales: { en: 'English', tr: 'Türkçe' },
  login: {
    title: 'Giriş yap',
    intro: 'Çalışma yöneticinizin size verdiği e-posta adresini ve parolayı kullanın.',
    email: 'E-posta',
    password: 'Parola',
    submit: 'Giriş yap',
    submitting: 'Giriş yapılıyor…',
  },
  errors: {
    INVALID_CREDENTIALS: 'E-posta ya da parola hatalı veya hesap kilitli.',
    RATE_LIMITED: 'Çok fazla deneme yapıldı. Birkaç dakika bekleyip yeniden deneyin.',
    VALIDATION_FAILED: 'Bazı alanların düzeltilmesi gerekiyor; işaretli alanlara bakın.',
    CSRF_FAILED:
      'Oturumunuz değiştiği için (örneğin başka bir sekmede) güvenlik denetimi başarısız oldu. Girdiklerinizi kontrol edip yeniden kaydedin.',
    DATABASE_UNAVAILABLE: 'Veritabanına şu anda ulaşılamıyor. Biraz sonra yeniden deneyin.',
    INTERNAL: 'Sunucuda bir sorun oluştu. Yeniden deneyin; sorun sürerse çalışma ekibine bildirin.',
    network: 'Sunucuya ulaşılamıyor. Bağlantınızı kontrol edip yeniden deneyin.',
    unknown: 'İstek başarısız oldu.',
  },
  signInFields: {
    FIELD_REQUIRED: 'Bu alanı doldurun.',
    INVALID_FORMAT: 'Bir e-posta adresi girin, ör. ad@ornek.org.',
    TOO_LONG: 'Bu çok uzun.',
    refused: 'Bu değer kabul edilmedi.',
  },
};
