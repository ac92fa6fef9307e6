import type { FieldDefault, FormDefinition } from '@mini-edc/domain';
import { nowLocalInput, type RawData } from './form-values';
import { baselineVisit, consentVersionOn, study, todayIso } from './study';

export interface DefaultContext {
  seq: number;
  userName: string;
  language: string;
  /** The participant's last visit marked done, if any. */
  lastDoneVisit: string | undefined;
  /** The data of the participant's latest record of this form, if any. */
  previousData?: Record<string, unknown> | undefined;
}

function proposedValue(source: FieldDefault, field: string, ctx: DefaultContext): string {
  if ('value' in source) return source.value;
  switch (source.from) {
    case 'today':
      return todayIso();
    case 'now':
      return nowLocalInput();
    case 'current_user':
      return ctx.userName;
    case 'record_seq':
      return String(ctx.seq);
    case 'last_done_visit':
      return ctx.lastDoneVisit ?? baselineVisit();
    case 'vas_prompt_version':
      return study.instruments.vasPromptVersion;
    case 'odi_version_in_language':
      return study.instruments.odiVersions.find((v) => v.endsWith(`-${ctx.language}`)) ?? '';
    case 'participant_previous_value': {
      const previous = ctx.previousData?.[field];
      return typeof previous === 'string' ? previous : '';
    }
    case 'consent_version_in_force':
      return consentVersionOn(todayIso());
  }
}

/** Proposed values for a new record, as the definition's field defaults say. */
export function defaultsFor(form: FormDefinition, ctx: DefaultContext): Partial<RawData> {
  const out: Partial<RawData> = {};
  for (const field of form.fields)
    if (field.default) out[field.name] = proposedValue(field.default, field.name, ctx);
  return out;
}
