import {
  type FieldCode,
  isDateEvent,
  isFieldCode,
  type PasswordWeakness,
  passwordWeaknesses,
  type ReceivedFieldError,
} from '@mini-edc/domain';
import type { TFunction } from 'i18next';

const weaknesses = new Set<unknown>(passwordWeaknesses);
const isWeakness = (value: unknown): value is PasswordWeakness => weaknesses.has(value);
const namedFormats = ['email', 'uuid', 'date', 'datetime', 'time'] as const;
const isNamedFormat = (value: unknown): value is (typeof namedFormats)[number] =>
  (namedFormats as readonly unknown[]).includes(value);

/**
 * A field refusal the server sent as a code with parameters (docs/errors.md, "Field codes"),
 * worded in the interface language. Never the server's English sentence and never the code: a
 * code this catalogue does not know reads "this value was refused". Takes the translation
 * function, so it is tested in both languages without a browser.
 */
export function codedFieldText(field: ReceivedFieldError, t: TFunction): string {
  const code = field.code;
  if (!isFieldCode(code)) return t('fieldFormats.refused');
  return fieldCodeText(code, field.params ?? {}, t);
}

function fieldCodeText(code: FieldCode, params: Record<string, string | number>, t: TFunction): string {
  switch (code) {
    case 'PASSWORD_TOO_GUESSABLE': {
      const given = params.reason;
      const reason: PasswordWeakness = isWeakness(given) ? given : 'guessable';
      return `${t('fieldMessages.PASSWORD_TOO_GUESSABLE')} ${t(`passwordPolicy.reasons.${reason}`)}`;
    }
    case 'INVALID_FORMAT': {
      const format = params.format;
      return isNamedFormat(format) ? t(`fieldFormats.${format}`) : t('fieldFormats.pattern');
    }
    case 'ODI_STATEMENTS_INCOMPLETE':
    case 'ODI_STATEMENT_TWICE': {
      // The language is named in the interface language ("Turkish"), not by its code.
      const language =
        params.language === 'tr' || params.language === 'en' ? t(`locales.${params.language}`) : '';
      return t(`fieldMessages.${code}`, { ...params, language });
    }
    case 'DATE_TOO_EARLY':
    case 'DATE_TOO_LATE': {
      // A date outside the definition's bounds, beside a date that is not a study form's field
      // (e.g. a visit's date); a study form's own fields are worded by forms/form-issue-text.ts.
      const side = code === 'DATE_TOO_EARLY' ? 'Early' : 'Late';
      const ref = params.ref;
      if (params.kind === 'event' && isDateEvent(ref)) {
        return t(`fieldCodes.date${side}`, { what: t(`participants.dateBounds.${ref}`), date: params.date });
      }
      return t(`fieldCodes.date${side}Fixed`, { date: params.date });
    }
    default:
      return t(`fieldMessages.${code}`, params);
  }
}
