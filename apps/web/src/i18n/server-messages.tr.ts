import type { ServerMessageCode } from '@mini-edc/domain';

/** The API's message codes in Turkish (see server-messages.en.ts). */
export const serverMessagesTr: Record<ServerMessageCode, string> = {
  SCREENING_CLOSED: 'Bu tarama yarım kaldığı için kapatıldı; artık veri girilemez.',
  SCREENING_NOT_OPEN: 'Yalnızca henüz karara bağlanmamış bir tarama kapatılabilir.',
  SDV_NOT_VERIFIED: 'Bu kayıt kaynak veri doğrulaması yapılmış olarak işaretli değil.',
  SDV_DRAFT: 'Taslak doğrulanamaz; önce merkezin formu tamamlaması gerekir.',
  SDV_NOTHING_AT_VISIT: '{{visit}} vizitinde doğrulanacak tamamlanmış kayıt yok.',
  RECORD_NOT_FOUND: 'Merkezlerinizde böyle bir kayıt yok.',
  PARTICIPANT_NOT_FOUND: 'Merkezlerinizde böyle bir katılımcı yok.',
  REASON_REQUIRED_FOR_CHANGE: 'Bu değişiklik için bir gerekçe yazın.',
  ODI_STATEMENTS_NOT_LOADED: 'ODI ifadeleri yüklenmedi: dosyadaki sorunlara bakın.',
};
