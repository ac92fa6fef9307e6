import type { listCorrectionEn } from './list-correction.en';

export const listCorrectionTr: typeof listCorrectionEn = {
  replacesActive:
    'Kullanımda bir liste varken yeni liste bir düzeltmedir: yerleri her tabakanın kalan yerlerinin arkasına eklenir, hiçbir şey baştan başlamaz; bir gerekçe ve parolanız gerekir. Geçmiş atamalar değişmez.',
  previewTitle: 'Bu neyi değiştirir',
  previewLoading: 'Neyin değişeceği hesaplanıyor…',
  previewButton: 'Değişikliği önizle',
  previewAtLeast: 'En az: oluşturulan liste son bloğunu bütün tutar.',
  previewStratum: 'Tabaka',
  previewUsed: 'Atanan',
  previewRemaining: 'Boş kalan',
  previewToAppend: 'Eklenecek yer',
  previewFirstSeq: 'İlk yeni numara',
  previewNewStratum: 'yeni tabaka',
  uncovered: 'Kullanımdaki listede tabakası olmayan merkezler: {{strata}}.',
  onlyUncovered: 'Listeyi yalnızca bu merkezler için genişlet',
  correctionReason: 'Düzeltmenin gerekçesi',
  correctionPassword: 'Parolanız',
  correctionPasswordHint: 'Kullanımdaki listenin düzeltmesi parolanızla imzalanır.',
};
