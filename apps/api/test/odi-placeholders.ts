import type { OdiStatementRow } from '@mini-edc/domain';

/**
 * Obviously fake ODI statements made at run time: the licensed texts are never in the repository
 * (protocol §3.4), not even in tests.
 */
export function placeholderStatements(languages: readonly ('en' | 'tr')[] = ['en', 'tr']): OdiStatementRow[] {
  return languages.flatMap((language) =>
    Array.from({ length: 10 }, (_, s) =>
      Array.from({ length: 6 }, (_, index) => ({
        section: s + 1,
        index,
        language,
        text: `${language === 'tr' ? 'İfade' : 'Statement'} ${s + 1}.${index} (test)`,
      })),
    ).flat(),
  );
}
