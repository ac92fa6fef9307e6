import { useTranslation } from 'react-i18next';

/**
 * Scores in the interface language: one decimal from a value stored ×10 (ODI %, protocol §3.2
 * rule 6), so 356 shows as "35.6" in English and "35,6" in Turkish. The ×10 integer divided by 10
 * always rounds back to the same tenth.
 */
export function useScoreFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'tr' ? 'tr-TR' : 'en-GB';
  const one = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'auto',
  });
  const signed = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  const whole = new Intl.NumberFormat(locale, { signDisplay: 'exceptZero' });
  // The language's own percent pattern: "30.0%" in English, "%30,0" in Turkish.
  const percent = new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  return {
    decimal1: (x10: number) => one.format(x10 / 10),
    /** A percentage stored ×10 (ODI %), with the percent sign where the language puts it. */
    percent1: (x10: number) => percent.format(x10 / 1000),
    signedDecimal1: (x10: number) => signed.format(x10 / 10),
    signed: (n: number) => whole.format(n),
    number: (n: number) => new Intl.NumberFormat(locale).format(n),
  };
}
