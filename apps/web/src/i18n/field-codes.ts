import { type FieldError, isDateEvent, type PasswordWeakness, passwordWeaknesses } from '@mini-edc/domain';
import type { TFunction } from 'i18next';

const weaknesses = new Set<unknown>(passwordWeaknesses);
const isWeakness = (value: unknown): value is PasswordWeakness => weaknesses.has(value);

/**
 * A field refusal the server sent as a code with parameters (docs/errors.md, "Field codes"),
 * worded in the interface language; null for a code this catalogue does not know, so the
 * caller falls back to the server's sentence. Takes the translation function, so it is tested
 * in both languages without a browser.
 */
export function codedFieldText(field: FieldError, t: TFunction): string | null {
  const params = field.params ?? {};
  switch (field.code) {
    case 'PASSWORD_TOO_SHORT':
    case 'PASSWORD_TOO_LONG':
      return t(`passwordPolicy.${field.code}`, params);
    case 'PASSWORD_TOO_GUESSABLE': {
      const given = params.reason;
      const reason: PasswordWeakness = isWeakness(given) ? given : 'guessable';
      return `${t('passwordPolicy.PASSWORD_TOO_GUESSABLE')} ${t(`passwordPolicy.reasons.${reason}`)}`;
    }
    case 'OWN_SITES':
      return t('fieldCodes.OWN_SITES');
    case 'ODI_STATEMENTS_INCOMPLETE':
    case 'ODI_STATEMENT_TWICE':
    case 'ODI_STATEMENT_LINE_INVALID':
    case 'ODI_STATEMENTS_NONE':
    case 'ODI_STATEMENTS_ONE_FORMAT': {
      // The language is named in the interface language ("Turkish"), not by its code.
      const language =
        params.language === 'tr' || params.language === 'en' ? t(`locales.${params.language}`) : '';
      return t(`fieldCodes.${field.code}`, { ...params, language });
    }
    case 'DATE_TOO_EARLY':
    case 'DATE_TOO_LATE': {
      // A date outside the definition's bounds, beside a date that is not a study form's field
      // (e.g. a visit's date); a study form's own fields are worded by forms/form-issue-text.ts.
      const side = field.code === 'DATE_TOO_EARLY' ? 'Early' : 'Late';
      const ref = params.ref;
      if (params.kind === 'event' && isDateEvent(ref)) {
        return t(`fieldCodes.date${side}`, { what: t(`participants.dateBounds.${ref}`), date: params.date });
      }
      return t(`fieldCodes.date${side}Fixed`, { date: params.date });
    }
    default:
      return null;
  }
}
