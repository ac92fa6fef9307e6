import type { StudyDefinition } from '../study/definition-schema';
import { type BlindView, visibleFormDefinition } from './blinding';

/**
 * The study definition as a viewer may read it (GET /study, which the web draws its screens
 * from; R-BLIND-2, docs/architecture.md "Access and blinding"). A blinded viewer's copy has no
 * arms, none of the forms hidden from them, visible forms without revealing fields and choice
 * values, and visit form lists of what is left. Its `blinding` section keeps only the forms shown
 * in part with their safe fields, so the web's own `blindRules` still shows those sections as
 * partial; everything else it would name is already absent.
 */
export function definitionFor(view: BlindView | null, def: StudyDefinition): StudyDefinition {
  if (view === null) return def;
  const forms = def.forms.flatMap((f) => {
    const visible = visibleFormDefinition(view, f);
    return visible ? [visible] : [];
  });
  const shown = new Set(forms.map((f) => f.code));
  const kept = (codes: readonly string[]) => codes.filter((code) => shown.has(code));
  const partial = [...view.onlyFields].filter(([form]) => shown.has(form));
  return {
    ...def,
    arms: [],
    forms,
    visits: def.visits.map((v) => ({ ...v, forms: kept(v.forms) })),
    blinding: {
      revealingForms: partial.map(([form]) => form),
      safeFields: partial.flatMap(([form, fields]) => [...fields].map((field) => ({ form, field }))),
      revealingFields: [],
      revealingValues: [],
    },
    roles: {
      ...def.roles,
      unscheduledVisit: { ...def.roles.unscheduledVisit, forms: kept(def.roles.unscheduledVisit.forms) },
    },
  };
}
