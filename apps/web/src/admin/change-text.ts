import type { DefinitionChange } from '@mini-edc/domain';
import type { TFunction } from 'i18next';
import { type DefinitionNames, namedParams, nameLookup } from './definition-names';
import { placeOf } from './definition-problem-text';

/**
 * One change of an amendment in the interface language (R-DEF-5; docs/study-definition.md
 * "Amendments"): forms, fields and visits by label, a setting by its words ("Eligibility › Limits",
 * "Plausible dates"), never its JSON key. Every placeholder a change text may use is given, empty
 * when the change has none of it.
 */
export function changeText(
  { change, params }: DefinitionChange,
  draft: DefinitionNames,
  language: string,
  t: TFunction,
): string {
  const of = (k: string) => params[k] ?? '';
  const setting = of('setting');
  const all = {
    visit: of('visit'),
    form: of('form'),
    field: of('field'),
    choice: of('choice'),
    criterion: of('criterion'),
    version: of('version'),
    setting: setting && (placeOf(setting, draft, language, t) ?? setting),
  };
  return t(`amendments.change.${change}`, namedParams(all, nameLookup(draft, language)));
}
