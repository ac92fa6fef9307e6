import { PASSWORD_MIN_LENGTH, type PasswordRefusal, passwordRefusalMessage } from '@mini-edc/domain';
import { signInSentencesTr } from './sign-in.tr';

/**
 * Turkish for the English sentences that come from the shared zod contracts (@mini-edc/domain)
 * and from the API. The contracts are written once in English; the web app translates them here
 * rather than keeping a second copy of each rule. Unknown sentences fall back to a text per error
 * code (see messages.ts).
 */
const shortPassword: PasswordRefusal = { code: 'PASSWORD_TOO_SHORT', params: { min: PASSWORD_MIN_LENGTH } };

export const trMessages: Record<string, string> = {
  // The password length rule of the contract, whose English sentence names the minimum.
  [passwordRefusalMessage(shortPassword)]: `En az ${PASSWORD_MIN_LENGTH} karakter kullanın`,
  ...signInSentencesTr,
  'Enter your current password': 'Mevcut parolanızı girin',
  'Use at most 200 characters': 'En fazla 200 karakter kullanın',
  'Use at most 120 characters': 'En fazla 120 karakter kullanın',
  'The new password must differ from the current one': 'Yeni parola mevcut paroladan farklı olmalı',
  'Use a letter and two digits, e.g. S03': 'Bir harf ve iki rakam kullanın, ör. S03',
  'Enter the site name': 'Merkez adını girin',
  'Enter the full name': 'Ad soyadı girin',
  'Choose at least one site': 'En az bir merkez seçin',
  'Give a reason for this change': 'Bu değişiklik için bir gerekçe yazın',
  'Nothing to change': 'Değiştirilecek bir şey yok',
  'Not a valid id': 'Geçersiz kimlik',
  'Use a date like 2026-01-31': '2026-01-31 gibi bir tarih girin',
  'Use a date between 1900-01-01 and 2100-12-31': '1900-01-01 ile 2100-12-31 arasında bir tarih girin',
  'Contains characters that are not text (NUL or a broken UTF-16 symbol)':
    'Metin olmayan karakterler içeriyor (NUL veya bozuk bir UTF-16 simgesi)',
  // Sentences the API adds to its refusals.
  'Sign in first.': 'Önce giriş yapın.',
  'Already in use': 'Bu adres zaten kullanılıyor',
  'A user with this email already exists.': 'Bu e-posta adresiyle kayıtlı bir kullanıcı zaten var.',
  'This code is already taken': 'Bu kod zaten kullanılıyor',
  'Unknown site': 'Bilinmeyen merkez',
  'Some of the chosen sites do not exist.': 'Seçilen merkezlerden bazıları mevcut değil.',
  'You cannot deactivate yourself or remove your own admin role.':
    'Kendi hesabınızı devre dışı bırakamaz veya kendi yönetici rolünüzü kaldıramazsınız.',
  'The current password is wrong': 'Mevcut parola hatalı',
  'The current password is wrong.': 'Mevcut parola hatalı.',
  'No such site.': 'Böyle bir merkez yok.',
  'No such user.': 'Böyle bir kullanıcı yok.',
};
