import {
  type BlindView,
  blindRules,
  formShownInFull,
  formVisible,
  redactAuditChanges,
  redactRecordData,
  visibleFieldNames,
  visibleFormDefinition,
} from '../access/blinding';
import type { FormDefinition, StudyDefinition } from '../study/definition-schema';
import type { ExportAuditEntry, ExportOptions, ExportParticipant, ExportRecord } from './types';

/**
 * What a blinded export may show, from the one access policy (../access/blinding.ts, R-BLIND-2,
 * docs/architecture.md "Access and blinding"): every file a blinded role can download (wide and
 * long CSV, data dictionary, ODM with its audit records) and the counts of its manifest are made
 * from what these functions leave. Hidden means absent: no row, no column, no definition, no count.
 */

const views = new WeakMap<StudyDefinition, BlindView>();

/** The blinding rules an export applies: none for an unblinded export. */
export function exportView(def: StudyDefinition, opts: ExportOptions): BlindView | null {
  if (!opts.blinded) return null;
  let view = views.get(def);
  if (view === undefined) {
    view = blindRules(def);
    views.set(def, view);
  }
  return view;
}

const formsCache = new WeakMap<StudyDefinition, Map<boolean, FormDefinition[]>>();

/**
 * The forms an export may show, each with only the fields and choice values the viewer may see:
 * all of them unblinded; blinded, no hidden form, no revealing field and no revealing choice value
 * (so no column, dictionary entry, ItemDef or CodeListItem names them).
 */
export function exportedForms(def: StudyDefinition, opts: ExportOptions): FormDefinition[] {
  let byMode = formsCache.get(def);
  if (byMode === undefined) {
    byMode = new Map();
    formsCache.set(def, byMode);
  }
  let forms = byMode.get(opts.blinded);
  if (forms === undefined) {
    const view = exportView(def, opts);
    forms = def.forms.flatMap((f) => {
      const shown = visibleFormDefinition(view, f);
      return shown === null ? [] : [shown];
    });
    byMode.set(opts.blinded, forms);
  }
  return forms;
}

const fieldsCache = new WeakMap<StudyDefinition, ReadonlyMap<string, ReadonlySet<string>>>();

/** Blinded: per exported form, the names of the fields it shows. */
function shownFields(def: StudyDefinition): ReadonlyMap<string, ReadonlySet<string>> {
  let fields = fieldsCache.get(def);
  if (fields === undefined) {
    const forms = exportedForms(def, { blinded: true });
    fields = new Map(forms.map((f) => [f.code, new Set(f.fields.map((d) => d.name))]));
    fieldsCache.set(def, fields);
  }
  return fields;
}

/**
 * An audit entry as the viewer may see it: only the fields it may see changed (without those whose
 * old or new value reveals the arm, when the entry carries its values), or null when the entry
 * changed nothing else, so that not even the number of changes to hidden fields shows. The reason
 * for change is free text, which on a record seen only in part may name what is withheld (the same
 * rule as the record history).
 */
function blindAuditEntry(
  view: BlindView,
  formCode: string,
  known: ReadonlySet<string>,
  entry: ExportAuditEntry,
): ExportAuditEntry | null {
  const { changes, ...rest } = entry;
  const visible =
    changes === undefined
      ? visibleFieldNames(view, formCode, entry.fields)
      : Object.keys(redactAuditChanges(view, formCode, changes))
          .filter((k) => k.startsWith('data.'))
          .map((k) => k.slice(5));
  const fields = visible.filter((name) => known.has(name) && entry.fields.includes(name)).sort();
  if (entry.fields.length > 0 && fields.length === 0) return null;
  return { ...rest, fields, reason: formShownInFull(view, formCode) ? entry.reason : null };
}

function blindRecord(
  view: BlindView,
  shown: ReadonlyMap<string, ReadonlySet<string>>,
  rec: ExportRecord,
): ExportRecord | null {
  // A form or data key the definition does not know cannot be judged, so a blinded export leaves
  // it out (denied by default); the unblinded long file keeps such keys.
  const fields = shown.get(rec.formCode);
  if (fields === undefined || !formVisible(view, rec.formCode)) return null;
  const redacted = redactRecordData(view, rec.formCode, rec.data);
  if (redacted === null) return null;
  const data = Object.fromEntries(Object.entries(redacted).filter(([k]) => fields.has(k)));
  const audit = rec.audit.flatMap((a) => {
    const shown = blindAuditEntry(view, rec.formCode, fields, a);
    return shown === null ? [] : [shown];
  });
  return { ...rec, data, audit };
}

/**
 * A participant as a blinded export shows them: no arm, no record of a hidden or unknown form, no
 * hidden, revealing or unknown field in the data, no audit of hidden changes, and no raw audit
 * values (`changes`).
 * Unblinded: as given. Applying it twice gives the same result.
 */
export function exportParticipant(
  def: StudyDefinition,
  p: ExportParticipant,
  opts: ExportOptions,
): ExportParticipant {
  const view = exportView(def, opts);
  if (view === null) return p;
  const records = p.records.flatMap((r) => {
    const shown = blindRecord(view, shownFields(def), r);
    return shown === null ? [] : [shown];
  });
  return { ...p, arm: null, records };
}
