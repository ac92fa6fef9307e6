import {
  type AuditFilter,
  auditFilterSchema,
  type CodedFieldIssue,
  codedFieldIssues,
} from '@mini-edc/domain';

/**
 * The audit filter lives in the page URL (shareable, survives a reload) and is sent unchanged to
 * GET /audit and GET /audit/export.csv. The form edits strings; times are typed in the browser's
 * zone and sent as UTC instants.
 */
const filterKeys = [
  'participantId',
  'siteId',
  'actorId',
  'action',
  'table',
  'form',
  'field',
  'fieldText',
  'from',
  'to',
] as const;

export interface AuditFilterValues {
  participantId: string;
  siteId: string;
  actorId: string;
  action: string;
  /** "table:visits" or "form:vas": one select for both, as a form is a kind of table row. */
  source: string;
  /** Words of a field's label (or its name): sent as fieldText, matched on the server. */
  field: string;
  /** datetime-local text in the browser's zone. */
  from: string;
  to: string;
}

/** The valid filters of a URL; a key that does not parse is dropped, not sent. */
export function filterFromSearch(search: URLSearchParams): AuditFilter {
  const raw: Record<string, string> = {};
  for (const key of filterKeys) {
    const value = search.get(key);
    if (value) raw[key] = value;
  }
  const parsed = auditFilterSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const bad = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
  for (const key of bad) delete raw[key];
  return auditFilterSchema.parse(raw);
}

export function searchFromFilter(filter: AuditFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of filterKeys) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  return params;
}

/** The CSV copy of exactly what the filter selects (a plain link: the browser downloads it). */
export function exportHref(filter: AuditFilter): string {
  const query = searchFromFilter(filter).toString();
  return `/api/v1/audit/export.csv${query ? `?${query}` : ''}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as the value of a datetime-local input, in the browser's zone, to the second. */
function isoToLocalInput(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(
    d.getMinutes(),
  )}:${pad(d.getSeconds())}`;
}

/** A datetime-local value (browser's zone) as a UTC instant; '' → undefined; nonsense → null. */
function localInputToIso(value: string): string | undefined | null {
  if (!value) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

export function valuesFromFilter(filter: AuditFilter): AuditFilterValues {
  return {
    participantId: filter.participantId ?? '',
    siteId: filter.siteId ?? '',
    actorId: filter.actorId ?? '',
    action: filter.action ?? '',
    source: filter.form ? `form:${filter.form}` : filter.table ? `table:${filter.table}` : '',
    field: filter.fieldText ?? filter.field ?? '',
    from: isoToLocalInput(filter.from),
    to: isoToLocalInput(filter.to),
  };
}

/**
 * A field problem: one of ours (key, worded by the form) or the contract's, as the field code the
 * API would send for it (docs/errors.md, "Field codes"), so the form words it in the interface
 * language; the contract's English sentence is never shown.
 */
export type FilterProblem =
  | { field: keyof AuditFilterValues; key: 'invalidTime' | 'endBeforeStart' }
  | { field: keyof AuditFilterValues; coded: CodedFieldIssue };

/** The form's values as a filter for the API, or the problems to show beside the fields. */
export function filterFromValues(
  values: AuditFilterValues,
): { filter: AuditFilter; problems: [] } | { filter: null; problems: FilterProblem[] } {
  const [kind, name] = values.source.split(':');
  const from = localInputToIso(values.from);
  const to = localInputToIso(values.to);
  const raw = {
    participantId: values.participantId || undefined,
    siteId: values.siteId || undefined,
    actorId: values.actorId.trim() || undefined,
    action: values.action || undefined,
    table: kind === 'table' && name ? name : undefined,
    form: kind === 'form' && name ? name : undefined,
    fieldText: values.field.trim() || undefined,
    from: from ?? undefined,
    to: to ?? undefined,
  };
  const problems: FilterProblem[] = [];
  if (from === null) problems.push({ field: 'from', key: 'invalidTime' });
  if (to === null) problems.push({ field: 'to', key: 'invalidTime' });
  if (from && to && from >= to) problems.push({ field: 'to', key: 'endBeforeStart' });
  const parsed = auditFilterSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0]);
      const field: keyof AuditFilterValues =
        key === 'table' || key === 'form'
          ? 'source'
          : key === 'fieldText'
            ? 'field'
            : (key as keyof AuditFilterValues);
      const missing = Reflect.get(raw, key) === undefined;
      for (const coded of codedFieldIssues(issue.code, issue, missing)) problems.push({ field, coded });
    }
  }
  if (problems.length > 0 || !parsed.success) return { filter: null, problems };
  return { filter: parsed.data, problems: [] };
}
