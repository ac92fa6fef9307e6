import type { FormDefinition, FormRecord, RecordMode } from '@mini-edc/domain';
import { type ReactNode, useRef, useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TextAreaField } from '../components/field';
import { FormAlert, StatusNotice } from '../components/form-alert';
import { applyApiError } from '../lib/apply-api-error';
import { participantErrorText } from '../participants/api-errors';
import { useSaveForm } from '../participants/participants-api';
import { ConflictPanel, type VersionConflict, versionConflictOf } from './conflict-panel';
import { BmiLive, OdiLiveScore } from './form-computed';
import { FormFieldInput } from './form-field-input';
import { formIssueText } from './form-issue-text';
import { type FormFacts, type StudyFormValues, studyFormResolver } from './form-resolver';
import { emptyFormValues, enteredFields, fromFormValues, type RawData, toFormValues } from './form-values';
import { RecordHistoryDialog } from './record-history-dialog';
import { RecordStatusBadge } from './record-status-badge';
import { useRevealOnChange } from './reveal';
import { localized } from './study';
import { UnsavedChangesGuard } from './unsaved-changes';
import { isWindowRefusal, WindowReasonField, type WindowWarning } from './window-reason';

export interface StudyFormProps {
  participantId: string;
  visitCode: string;
  form: FormDefinition;
  /** Which record of a repeating form (1 for the others). */
  seq: number;
  record: FormRecord | undefined;
  /** Values proposed for a new record (e.g. today's date, the signed-in user). */
  defaults?: Partial<RawData>;
  /** Monitors and locked records: shown, never sent. */
  readOnly?: boolean;
  /** Steps that must end complete (the screening wizard) hide "Save draft". */
  allowDraft?: boolean;
  completeLabel?: string;
  onSaved?: (record: FormRecord) => void;
  /** Extra content under the heading (context, instructions). */
  intro?: ReactNode;
  /** 1 when the form is the page's subject (its own screen), 2 when embedded in a page. */
  headingLevel?: 1 | 2;
  /** The visit is outside its window and has no reason on file: ask for one before saving. */
  windowWarning?: WindowWarning | null;
  /** "Save and go to next form": its label, and where to go once saved as complete. */
  next?: { label: string; go: (saved: FormRecord) => void } | null;
  /** A result to show on arrival (the previous form's save, when coming from it). */
  initialNotice?: string | null;
  /** The visit's role and the participant's milestones the form's date rules compare with. */
  facts?: FormFacts;
}

const isFinal = (r: FormRecord | undefined) => r?.status === 'complete' || r?.status === 'signed';

/**
 * Any eCRF of the study definition: fields by type, labels in the user's language, computed values
 * live, draft or complete, the version edited sent as expectedVersion, a reason for every change
 * to a completed record, and a clear choice on a version conflict.
 */
export function StudyForm({
  participantId,
  visitCode,
  form,
  seq,
  record,
  defaults,
  readOnly = false,
  allowDraft = true,
  completeLabel,
  onSaved,
  intro,
  headingLevel = 2,
  windowWarning = null,
  next = null,
  initialNotice = null,
  facts,
}: StudyFormProps) {
  const { t, i18n } = useTranslation();
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  const save = useSaveForm();
  const [base, setBase] = useState<FormRecord | undefined>(record);
  const [general, setGeneral] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(initialNotice);
  const [conflict, setConflict] = useState<VersionConflict | null>(null);
  const [showHistory, setShowHistory] = useState(false);
  // A completed record opens read-only; Edit turns it into a correction (R-REC-1).
  const [editing, setEditing] = useState(false);
  const [windowReason, setWindowReason] = useState('');
  const [windowError, setWindowError] = useState<string | null>(null);
  const feedback = useRef<HTMLDivElement>(null);
  useRevealOnChange(feedback, notice ?? general ?? conflict);
  const modeRef = useRef<RecordMode>('complete');
  const correcting = isFinal(base);
  const correctingRef = useRef(correcting);
  const factsRef = useRef(facts);
  factsRef.current = facts;
  correctingRef.current = correcting;
  const locked = base?.status === 'locked';
  const viewing = correcting && !editing && !readOnly && !locked;
  const disabled = readOnly || locked || viewing;

  const methods = useForm<StudyFormValues>({
    resolver: studyFormResolver(
      form,
      () => modeRef.current,
      () => correctingRef.current,
      () => factsRef.current,
    ),
    defaultValues: {
      data: record ? toFormValues(form, record.data, i18n.language) : emptyFormValues(form, defaults),
      reason: '',
    },
  });
  const { formState } = methods;
  const dirty = useRef(false);
  dirty.current = formState.isDirty && !disabled;
  const fieldNames = [...enteredFields(form).map((f) => `data.${f.name}` as const), 'reason' as const];

  const submit = (mode: RecordMode, then?: (saved: FormRecord) => void) => {
    modeRef.current = correcting ? 'complete' : mode;
    setGeneral(null);
    setNotice(null);
    setWindowError(null);
    if (windowWarning && windowReason.trim().length < 3) {
      setWindowError(t('dailyForm.windowReasonMissing'));
      return;
    }
    void methods.handleSubmit(async () => {
      const values = methods.getValues();
      const data = fromFormValues(form, values.data, base?.data, i18n.language);
      try {
        const saved = await save.mutateAsync({
          participantId,
          visitCode,
          formCode: form.code,
          body: {
            data,
            status: modeRef.current,
            // 0 when creating: a record someone else created meanwhile comes back as a conflict.
            expectedVersion: base ? base.version : 0,
            ...(form.repeating ? { seq } : {}),
            ...(correcting ? { reason: values.reason } : {}),
            ...(windowWarning ? { outOfWindowReason: windowReason.trim() } : {}),
          },
        });
        dirty.current = false;
        setBase(saved);
        setEditing(false);
        setConflict(null);
        methods.reset({ data: toFormValues(form, saved.data, i18n.language), reason: '' });
        setNotice(
          t(saved.status === 'draft' ? 'participants.form.savedDraft' : 'participants.form.savedComplete', {
            version: saved.version,
          }),
        );
        onSaved?.(saved);
        if (then && saved.status !== 'draft') then(saved);
      } catch (error) {
        const found = versionConflictOf(error, data);
        if (found) setConflict(found);
        else if (isWindowRefusal(error)) setWindowError(t('dailyForm.windowReasonMissing'));
        else {
          // A field the server refused is worded like the form's own check (same codes).
          const fieldText = (field: {
            path: string;
            code?: string;
            params?: Record<string, string | number>;
          }) => {
            const name = /^body\.data\.([^.]+)/.exec(field.path)?.[1];
            return name ? formIssueText(form, name, field, t, i18n.language) : null;
          };
          setGeneral(
            participantErrorText(error, applyApiError(error, methods.setError, fieldNames, fieldText)),
          );
        }
      }
    })();
  };

  const title = localized(form.label, i18n.language);
  const fields = enteredFields(form);
  const isOdi = form.instrument === 'oswestry_disability_index';

  return (
    <FormProvider {...methods}>
      <form
        className="study-form panel"
        noValidate
        aria-labelledby={`form-${form.code}-title`}
        onSubmit={(event) => {
          event.preventDefault();
          submit('complete');
        }}
      >
        <div className="form-head">
          <Heading id={`form-${form.code}-title`}>
            {title}
            {form.repeating ? ` #${seq}` : ''}
          </Heading>
          <div className="form-meta">
            <RecordStatusBadge record={base} />
            {base ? (
              <span className="muted">{t('participants.form.version', { version: base.version })}</span>
            ) : null}
            {base ? (
              <button type="button" className="button small" onClick={() => setShowHistory(true)}>
                {t('participants.history.open')}
              </button>
            ) : null}
          </div>
        </div>
        {intro}
        {isOdi ? <p className="hint">{t('participants.odi.instructions')}</p> : null}
        {base?.status === 'signed' ? <p className="notice">{t('participants.form.signedNotice')}</p> : null}
        {locked ? <p className="notice">{t('participants.form.lockedNotice')}</p> : null}
        <div ref={feedback} className="form-feedback">
          <StatusNotice message={notice} />
          <FormAlert message={general} />
          {conflict ? (
            <ConflictPanel
              form={form}
              conflict={conflict}
              onReload={() => {
                setBase(conflict.current);
                methods.reset({ data: toFormValues(form, conflict.current.data, i18n.language), reason: '' });
                setConflict(null);
                setNotice(t('participants.conflict.reloaded', { version: conflict.current.version }));
              }}
              onKeepMine={() => {
                // The user has seen the newer values and chooses to save theirs over them.
                setBase(conflict.current);
                setEditing(true);
                setConflict(null);
              }}
            />
          ) : null}
        </div>
        {viewing ? (
          <div className="notice read-only-notice">
            <p>{t('dailyForm.readOnlyHint')}</p>
            <button type="button" className="button" onClick={() => setEditing(true)}>
              {t('dailyForm.edit')}
            </button>
          </div>
        ) : null}
        <div className={isOdi ? 'odi-layout' : undefined}>
          <div className="form-fields">
            {fields.map((field) => (
              <FormFieldInput key={field.name} field={field} disabled={disabled} />
            ))}
          </div>
          {isOdi ? <OdiLiveScore headingLevel={headingLevel === 1 ? 2 : 3} /> : null}
        </div>
        {form.instrument === 'body_mass_index' ? <BmiLive formCode={form.code} /> : null}
        {correcting && !disabled ? (
          <TextAreaField
            label={t('participants.form.reason')}
            hint={t('participants.form.reasonHint')}
            rows={2}
            error={formState.errors.reason}
            {...methods.register('reason')}
          />
        ) : null}
        {windowWarning && !disabled ? (
          <WindowReasonField
            warning={windowWarning}
            value={windowReason}
            onChange={setWindowReason}
            error={windowError}
          />
        ) : null}
        {!disabled ? (
          <div className="actions form-actions">
            {!correcting && allowDraft ? (
              <button
                type="button"
                className="button"
                disabled={formState.isSubmitting}
                onClick={() => submit('draft')}
              >
                {t('participants.form.saveDraft')}
              </button>
            ) : null}
            <button
              type="submit"
              className={next ? 'button' : 'button primary'}
              disabled={formState.isSubmitting}
            >
              {formState.isSubmitting
                ? t('common.saving')
                : correcting
                  ? t('participants.form.saveCorrection')
                  : (completeLabel ?? t('participants.form.complete'))}
            </button>
            {next && !correcting ? (
              <button
                type="button"
                className="button primary"
                disabled={formState.isSubmitting}
                onClick={() => submit('complete', next.go)}
              >
                {next.label}
              </button>
            ) : null}
            {editing ? (
              <button
                type="button"
                className="button"
                onClick={() => {
                  setEditing(false);
                  methods.reset({ data: toFormValues(form, base?.data ?? {}, i18n.language), reason: '' });
                }}
              >
                {t('dailyForm.cancelEdit')}
              </button>
            ) : null}
          </div>
        ) : null}
      </form>
      {!disabled ? <UnsavedChangesGuard dirty={dirty} /> : null}
      {showHistory && base ? (
        <RecordHistoryDialog recordId={base.id} form={form} onClose={() => setShowHistory(false)} />
      ) : null}
    </FormProvider>
  );
}
