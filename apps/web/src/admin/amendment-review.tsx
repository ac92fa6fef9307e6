import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TextAreaField, TextField } from '../components/field';
import { FormAlert } from '../components/form-alert';
import { QueryError } from '../components/query-error';
import { applyApiError } from '../lib/apply-api-error';
import { useDraftReview, usePublishDraft } from './amendments-api';
import { changeText } from './change-text';
import { draftNamesOf, namedParams, nameLookup } from './definition-names';

/** A stored draft against the current version: what changes, what is in the way, and publishing. */
export function AmendmentReviewPanel({
  draftId,
  draft,
  onPublished,
}: {
  draftId: string;
  /** The definition stored as the draft, for its labels (a removed form's are the current version's). */
  draft: unknown;
  onPublished: (version: number, scheduledVisits: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const review = useDraftReview(draftId);
  const draftNames = draftNamesOf(draft);
  const names = nameLookup(draftNames, i18n.language);
  if (review.isPending) return <p className="muted">{t('common.loading')}</p>;
  if (review.isError) return <QueryError error={review.error} onRetry={() => void review.refetch()} />;
  const { baseVersion, changes, conflicts } = review.data;
  return (
    <div className="panel stack" data-testid="amendment-review">
      <h2>{t('amendments.reviewTitle', { version: baseVersion })}</h2>
      <h3>{t('amendments.changes')}</h3>
      {changes.length === 0 ? (
        <p className="muted">{t('amendments.noChanges')}</p>
      ) : (
        <ul>
          {changes.map((c) => (
            <li key={`${c.change}:${JSON.stringify(c.params)}`}>
              {changeText(c, draftNames, i18n.language, t)}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('amendments.conflicts')}</h3>
      {conflicts.length === 0 ? (
        <p className="muted">{t('amendments.noConflicts')}</p>
      ) : (
        <>
          <p className="alert">{t('amendments.conflictsHint')}</p>
          <ul>
            {conflicts.map((c) => (
              <li key={JSON.stringify(c)}>{t(`fieldMessages.${c.problem}`, namedParams(c, names))}</li>
            ))}
          </ul>
        </>
      )}
      {changes.length > 0 && conflicts.length === 0 ? (
        <PublishForm draftId={draftId} nextVersion={baseVersion + 1} onPublished={onPublished} />
      ) : null}
    </div>
  );
}

interface Values {
  reason: string;
  password: string;
}

function PublishForm({
  draftId,
  nextVersion,
  onPublished,
}: {
  draftId: string;
  nextVersion: number;
  onPublished: (version: number, scheduledVisits: number) => void;
}) {
  const { t } = useTranslation();
  const publish = usePublishDraft(draftId, (done) => onPublished(done.version, done.scheduledVisits));
  const form = useForm<Values>({ defaultValues: { reason: '', password: '' } });
  const [general, setGeneral] = useState<string | null>(null);
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    setGeneral(null);
    try {
      await publish.mutateAsync({ reason: values.reason.trim(), password: values.password });
    } catch (error) {
      setGeneral(applyApiError(error, form.setError, ['reason', 'password']));
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="stack">
      <h3>{t('amendments.publishTitle', { version: nextVersion })}</h3>
      <FormAlert message={general} />
      <TextAreaField
        label={t('amendments.publishReason')}
        rows={3}
        required
        error={errors.reason}
        {...form.register('reason')}
      />
      <TextField
        label={t('amendments.password')}
        hint={t('amendments.passwordHint')}
        type="password"
        autoComplete="current-password"
        error={errors.password}
        {...form.register('password')}
      />
      <div className="actions">
        <button type="submit" className="button primary" disabled={isSubmitting}>
          {t('amendments.publish')}
        </button>
      </div>
    </form>
  );
}
