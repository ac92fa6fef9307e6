import {
  codedFieldIssues,
  definitionPlaces,
  definitionProblemCodes,
  definitionProblemMessages,
  definitionSettingKeys,
  lbpTrialInput,
  studyDefinitionObjectSchema,
  studyDefinitionSchema,
} from '@mini-edc/domain';
import { describe, expect, it } from 'vitest';
import { definitionProblemLines } from '../src/admin/definition-problem-text';
import { deskEn as en } from '../src/i18n/desk.en';
import { deskTr as tr } from '../src/i18n/desk.tr';
import { translator } from './translator';

/** The field errors the API sends for a draft (apps/api/src/plugins/errors.ts does the same mapping). */
function refusalOf(draft: unknown) {
  const result = studyDefinitionSchema.safeParse(draft);
  return (result.error?.issues ?? []).flatMap((issue) =>
    codedFieldIssues(issue.code, issue, false).map((coded) => ({
      path: ['body', 'definition', ...issue.path.map(String), ...coded.at].join('.'),
      message: issue.message,
      code: coded.code,
      params: coded.params,
    })),
  );
}

/** A draft with a form-less visit reference, a reversed range, a bad consent role and a bad shape. */
function brokenDraft() {
  const def = structuredClone(lbpTrialInput) as unknown as typeof lbpTrialInput;
  def.visits[2] = { ...(def.visits[2] as (typeof def.visits)[number]), forms: ['no_such_form'] };
  const vas = def.forms.find((f) => f.code === 'vas');
  const field = vas?.fields.find((f) => f.type === 'integer');
  if (!vas || !field) throw new Error('fixture');
  field.min = 200;
  field.max = 100;
  def.roles = { ...def.roles, consent: { ...def.roles.consent, dateField: 'signed_on' } };
  const visit = def.visits[1] as (typeof def.visits)[number];
  def.visits[1] = { ...visit, windowBefore: -1 };
  return { def, vas, field, visit };
}

describe('an amendment refused for its definition reads in the interface language', () => {
  it.each(['en', 'tr'] as const)(
    'names forms, fields and visits by label, never by path (%s)',
    async (lng) => {
      const { def, vas, field, visit } = brokenDraft();
      const lines = definitionProblemLines(refusalOf(def), def, lng, await translator(lng));
      expect(lines).toHaveLength(4);
      for (const line of lines) {
        // No path, no server English in Turkish, no code of the catalogue.
        expect(line).not.toMatch(/\[\d+\]|\.\d+\.|body\.|definition\.|DEF_|FIELD_/);
        expect(line).not.toMatch(/\{\{/);
      }
      const joined = lines.join('\n');
      expect(joined).toContain(vas.label[lng]);
      expect(joined).toContain(field.label[lng]);
      expect(joined).toContain(visit.label[lng]);
      expect(joined).toContain('no_such_form');
      expect(joined).toContain('signed_on');
    },
  );

  it('words the problems in Turkish', async () => {
    const { def, vas, field, visit } = brokenDraft();
    const lines = definitionProblemLines(refusalOf(def), def, 'tr', await translator('tr'));
    expect(lines).toEqual([
      `“${visit.label.tr}” viziti › Önce izin verilen gün: 0 veya daha büyük bir değer girin.`,
      `“${(def.visits[2] as { label: { tr: string } }).label.tr}” viziti › Formlar › 1. öğe: Tanımda “no_such_form” adlı bir form yok.`,
      `“${vas.label.tr}” formunun “${field.label.tr}” alanı: en düşük değer 200, en yüksek değer 100 değerinden büyük.`,
      'Formların rolleri › Onam › Tarih alanı: “Bilgilendirilmiş onam” formunda “signed_on” alanı yok.',
    ]);
  });
});

/** Parameters for a problem code: each placeholder of its sentence, with codes the trial holds. */
function sampleParams(code: (typeof definitionProblemCodes)[number]): Record<string, string | number> {
  const form = lbpTrialInput.forms[0];
  const names = [...definitionProblemMessages[code].matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '');
  const sample: Record<string, string | number> = {
    form: form?.code ?? '',
    field: form?.fields[0]?.name ?? '',
    other: form?.fields[1]?.name ?? '',
    visit: lbpTrialInput.visits[0]?.code ?? '',
    criterion: lbpTrialInput.eligibility.criteria[0]?.id ?? '',
  };
  return Object.fromEntries(names.map((name) => [name, sample[name] ?? 7]));
}

describe('every place of a study definition is worded, never its JSON key (R-DEF-5)', () => {
  const sections = studyDefinitionObjectSchema.keyof().options;

  it('walks the schema: visit windows, field limits and the roles of forms are among its places', () => {
    const places = definitionPlaces.map((place) => place.join('.'));
    expect(places).toContain('visits.0.windowBefore');
    expect(places).toContain('forms.0.fields.0.notBefore.0.event');
    expect(places).toContain('roles.consent.dateField');
    expect(definitionSettingKeys.has('windowAfter')).toBe(true);
  });

  it('has words for every setting and section in English and Turkish', () => {
    const settingsEn: Record<string, string> = en.amendments.settings;
    const settingsTr: Record<string, string> = tr.amendments.settings;
    const missing = [...definitionSettingKeys].filter((key) => !settingsEn[key] || !settingsTr[key]);
    expect(missing).toEqual([]);
    const sectionsEn: Record<string, string> = en.amendments.sections;
    const sectionsTr: Record<string, string> = tr.amendments.sections;
    expect(sections.filter((key) => !sectionsEn[key] || !sectionsTr[key])).toEqual([]);
  });

  it.each(['en', 'tr'] as const)('words every problem code at every place in words (%s)', async (lng) => {
    const t = await translator(lng);
    // A key in camel case is never an English or Turkish word: none may show.
    const camel = [...definitionSettingKeys, ...sections].filter((key) => /[A-Z]/.test(key));
    const developerName = new RegExp(`\\b(${camel.join('|')})\\b`);
    const codes = [...definitionProblemCodes, 'FIELD_INVALID', 'FIELD_REQUIRED', 'TOO_SMALL'] as const;
    let checked = 0;
    for (const place of definitionPlaces) {
      const path = ['body', 'definition', ...place].join('.');
      const fields = codes.map((code) => ({
        path,
        message: '',
        code,
        params: code.startsWith('DEF_')
          ? sampleParams(code as (typeof definitionProblemCodes)[number])
          : { minimum: 0 },
      }));
      for (const line of definitionProblemLines(fields, lbpTrialInput, lng, t)) {
        checked++;
        expect(line, path).not.toMatch(/\{\{|body\.|definition\.|\.\d+|DEF_|FIELD_/);
        expect(line, path).not.toMatch(developerName);
        // A key of the schema is never quoted as if the admin had typed it.
        for (const key of place) expect(line, path).not.toContain(`“${String(key)}”`);
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('quotes a key the schema does not have, as the admin typed it', async () => {
    const t = await translator('en');
    const visit = lbpTrialInput.visits[1];
    const [line] = definitionProblemLines(
      [{ path: 'body.definition.visits.1.windowBefor', message: '', code: 'FIELD_UNKNOWN', params: {} }],
      lbpTrialInput,
      'en',
      t,
    );
    expect(line).toBe(`Visit “${visit?.label.en}” › “windowBefor”: This field is not accepted here.`);
  });
});
