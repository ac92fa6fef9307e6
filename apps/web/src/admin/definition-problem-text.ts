import {
  definitionProblemCodes,
  definitionSettingKeys,
  type ReceivedFieldError,
  studyDefinitionObjectSchema,
} from '@mini-edc/domain';
import type { TFunction } from 'i18next';
import type { definitionSettingsEn } from '../i18n/definition-settings.en';
import { codedFieldText } from '../i18n/field-codes';
import { type DefinitionNames, draftNamesOf, namedParams, nameLookup } from './definition-names';

/**
 * The parts of the definition the screen names in words, the definition's own top-level keys (one
 * of which, the eligibility criteria, shares its name with a form); any other key is shown as typed.
 */
const section = studyDefinitionObjectSchema.keyof().enum;
const sections: readonly string[] = studyDefinitionObjectSchema.keyof().options;
type Section = keyof typeof section;
const isSection = (key: string): key is Section => sections.includes(key);
const isIndex = (key: string | undefined) => key !== undefined && /^\d+$/.test(key);
type Setting = keyof typeof definitionSettingsEn;
/** A key of the definition schema below the top level; each has words (definition-settings.*.ts). */
const isSetting = (key: string): key is Setting => definitionSettingKeys.has(key);
const definitionCodes = new Set<string>(definitionProblemCodes);

/**
 * Where in the draft a refusal points, in words: "Form “Pain (VAS)” › field “Pain now” › Lowest
 * value", from the field error's path (body.definition.forms.2.fields.3.min). Forms, fields,
 * visits and arms by their labels, criteria and a list's other items by their number from 1, each
 * setting by its words (R-DEF-5); a key the schema does not have (one the admin mistyped) is quoted
 * as typed. Null for the whole definition.
 */
export function placeOf(path: string, draft: DefinitionNames, language: string, t: TFunction): string | null {
  const keys = path
    .replace(/^body\.definition\.?/, '')
    .split('.')
    .filter(Boolean);
  const names = nameLookup(draft, language);
  const parts: string[] = [];
  let i = 0;
  const top = keys[0];
  if (top === undefined) return null;
  const index = (at: number) => Number(keys[at]);
  if ((top === 'forms' || top === 'visits' || top === 'arms') && isIndex(keys[1])) {
    const kind = top === 'forms' ? 'form' : top === 'visits' ? 'visit' : 'arm';
    const item = draft[top][index(1)];
    const name = item ? names[kind](item.code) : null;
    parts.push(
      name ? t(`amendments.place.${kind}`, { name }) : t(`amendments.place.${kind}At`, { n: index(1) + 1 }),
    );
    i = 2;
    const form = top === 'forms' ? draft.forms[index(1)] : undefined;
    if (top === 'forms' && keys[2] === 'fields' && isIndex(keys[3])) {
      const field = form?.fields[index(3)];
      parts.push(
        field && form
          ? t('amendments.place.field', { name: names.field(form.code, field.name) })
          : t('amendments.place.fieldAt', { n: index(3) + 1 }),
      );
      i = 4;
    }
  } else if (top === section.eligibility && keys[1] === 'criteria' && isIndex(keys[2])) {
    parts.push(t('amendments.place.criterionAt', { n: index(2) + 1 }));
    i = 3;
  } else {
    parts.push(isSection(top) ? t(`amendments.sections.${top}`) : t('amendments.place.typed', { key: top }));
    i = 1;
  }
  for (const key of keys.slice(i)) {
    if (isIndex(key)) parts.push(t('amendments.place.item', { n: Number(key) + 1 }));
    else parts.push(isSetting(key) ? t(`amendments.settings.${key}`) : t('amendments.place.typed', { key }));
  }
  return parts.join(' › ');
}

/**
 * Each refusal of a draft definition as a line in the interface language: the code worded with
 * forms, fields and visits by label (docs/errors.md, "Field codes"), after where it is unless the
 * sentence already names the form it is about. Never the server's English, never a path.
 */
export function definitionProblemLines(
  fields: readonly ReceivedFieldError[],
  draft: unknown,
  language: string,
  t: TFunction,
): string[] {
  const names = draftNamesOf(draft);
  const lookup = nameLookup(names, language);
  return fields.map((f) => {
    const params = f.params ?? {};
    const text = codedFieldText({ ...f, params: namedParams(params, lookup) }, t);
    // A problem of a form's own settings names the form and field itself.
    const ownForm =
      definitionCodes.has(f.code ?? '') &&
      typeof params.form === 'string' &&
      /^body\.definition\.forms\.\d+/.test(f.path);
    const place = ownForm ? null : placeOf(f.path, names, language, t);
    return place ? `${place}: ${text}` : text;
  });
}
