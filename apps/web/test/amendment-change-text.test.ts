import { definitionChangeKinds, lbpTrialInput, studyDefinitionObjectSchema } from '@mini-edc/domain';
import { describe, expect, it } from 'vitest';
import { changeText } from '../src/admin/change-text';
import { draftNamesOf } from '../src/admin/definition-names';
import { deskEn as en } from '../src/i18n/desk.en';
import { deskTr as tr } from '../src/i18n/desk.tr';
import { translator } from './translator';

// What an amendment changes, as the admin reads it before publishing (R-DEF-5;
// docs/study-definition.md "Amendments"): every change kind the server can send is worded in
// English and Turkish, with every parameter filled and no JSON key showing.

const draft = draftNamesOf(lbpTrialInput);
const [form] = lbpTrialInput.forms;
const sample = {
  visit: lbpTrialInput.visits[0]?.code ?? '',
  form: form?.code ?? '',
  field: form?.fields[0]?.name ?? '',
  choice: 'other',
  criterion: lbpTrialInput.eligibility.criteria[0]?.id ?? '',
  version: '1.0',
};
// The settings a difference names: the definition's sections, and the eligibility limits.
const settings = [...studyDefinitionObjectSchema.keyof().options, 'eligibility.limits'];
const camel = /\b[a-z]+[A-Z]\w*\b/;

describe('the changes of an amendment in words', () => {
  it('has an English and a Turkish text for every change kind', () => {
    const textsEn: Record<string, string> = en.amendments.change;
    const textsTr: Record<string, string> = tr.amendments.change;
    expect(definitionChangeKinds.filter((kind) => !textsEn[kind] || !textsTr[kind])).toEqual([]);
    expect(Object.keys(textsEn).sort()).toEqual([...definitionChangeKinds].sort());
  });

  it.each(['en', 'tr'] as const)('words every change with its names and settings (%s)', async (lng) => {
    const t = await translator(lng);
    for (const change of definitionChangeKinds) {
      for (const setting of change === 'setting_changed' ? settings : ['']) {
        const params = setting ? { setting } : sample;
        const line = changeText({ change, params }, draft, lng, t);
        expect(line, change).not.toMatch(/\{\{|amendments\./);
        expect(line, `${change} ${setting}`).not.toMatch(camel);
      }
    }
    const vas = changeText({ change: 'field_date_limits_changed', params: sample }, draft, lng, t);
    expect(vas).toContain(form?.label[lng]);
    const limits = changeText(
      { change: 'setting_changed', params: { setting: 'plausibleDates' } },
      draft,
      lng,
      t,
    );
    expect(limits).toContain(lng === 'en' ? 'Plausible dates' : 'Olası tarih aralığı');
  });
});
