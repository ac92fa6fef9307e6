import {
  type FormDefinition,
  type FormRuleContext,
  type RecordMode,
  saveFormRequestSchema,
  validateFormData,
} from '@mini-edc/domain';
import type { FieldErrors, Resolver } from 'react-hook-form';
import { i18n } from '../i18n';
import { codedFieldText } from '../i18n/field-codes';
import { codedIssueText } from '../lib/coded-resolver';
import { formIssueText } from './form-issue-text';
import { fromFormValues, type RawData } from './form-values';
import { study, studyClock } from './study';

export interface StudyFormValues {
  data: RawData;
  reason: string;
}

/** The reason rule of the save contract (design invariant 3), reused as is. */
const reasonSchema = saveFormRequestSchema.shape.reason.unwrap();

/** What the record's rules compare with: the participant's milestones and the visit's role. */
export type FormFacts = Pick<FormRuleContext, 'visitRole' | 'events'>;

/**
 * The rule context in the browser: the server's, on the study's clock (today and time zone), so
 * the web refuses what the server refuses and nothing more, whatever the browser's zone.
 */
function browserRuleContext(facts: FormFacts | undefined): FormRuleContext {
  return {
    visitRole: facts?.visitRole,
    events: facts?.events ?? {},
    ...studyClock(),
    plausibleDates: study.plausibleDates,
  };
}

/**
 * The form's check: the domain's `validateFormData` (the API's save calls the very same function
 * with the same definition), fed with the inputs converted to typed values; each refusal is a
 * code worded in the user's language beside its field. The mode (draft or complete) and whether
 * a reason is needed are read at validation time.
 */
export function studyFormResolver(
  form: FormDefinition,
  mode: () => RecordMode,
  reasonRequired: () => boolean,
  facts: () => FormFacts | undefined = () => undefined,
): Resolver<StudyFormValues> {
  return async (values) => {
    const result = validateFormData(
      form,
      mode(),
      fromFormValues(form, values.data, {}, i18n.language),
      browserRuleContext(facts()),
    );
    const dataErrors: Record<string, { type: string; message: string }> = {};
    if (!result.success) {
      for (const issue of result.issues) {
        const name = issue.path[0];
        if (name === undefined || dataErrors[name]) continue;
        const message =
          formIssueText(form, name, issue, i18n.t.bind(i18n), i18n.language) ??
          i18n.t('fieldFormats.refused');
        dataErrors[name] = { type: issue.code, message };
      }
    }
    const errors: FieldErrors<StudyFormValues> = {};
    if (Object.keys(dataErrors).length > 0) errors.data = dataErrors as FieldErrors<StudyFormValues>['data'];
    if (reasonRequired()) {
      const reason = reasonSchema.safeParse(values.reason);
      const issue = reason.error?.issues[0];
      // Worded from field codes, never the contract's English: no reason at all is the server's
      // REASON_REQUIRED ("give a reason"), one too short says how long it must be.
      if (issue) {
        const message = values.reason.trim()
          ? codedIssueText(issue, values.reason)
          : codedFieldText({ path: 'reason', message: '', code: 'REASON_REQUIRED' }, i18n.t);
        errors.reason = { type: 'reason', message };
      }
    }
    return Object.keys(errors).length > 0 ? { values: {}, errors } : { values, errors: {} };
  };
}
