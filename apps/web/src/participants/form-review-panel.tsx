import { can, type DataQuery, type FormRecord, type Me } from '@mini-edc/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../components/form-alert';
import { useDataQueries } from '../queries/queries-api';
import { QueryCard } from '../queries/query-card';
import { RaiseQueryDialog } from '../review/raise-query-dialog';
import { useMarkSdv, useParticipantReview } from '../review/review-api';
import { useReviewFormat } from '../review/time-format';
import { participantErrorText } from './api-errors';
import { UndoSdvDialog } from './undo-sdv-dialog';

/** The record's queries, unresolved first; the form page marks their fields from the same list. */
export function useRecordQueries(
  user: Me | null | undefined,
  participantId: string,
  recordId: string | undefined,
) {
  const list = useDataQueries('', participantId, Boolean(recordId) && can(user, 'read_queries'));
  const queries = (list.data ?? []).filter((q) => q.recordId === recordId);
  const unresolved = new Map<string, number>();
  for (const q of queries) {
    if (q.status !== 'closed') unresolved.set(q.field, (unresolved.get(q.field) ?? 0) + 1);
  }
  const order = (q: DataQuery) => (q.status === 'closed' ? 1 : 0);
  return { queries: [...queries].sort((a, b) => order(a) - order(b)), unresolved };
}

/**
 * Below a form: its data queries with their answer / close steps (site staff answer and correct
 * from here), and for the monitor the source verification of the record (mark, or undo with a
 * reason) and "Raise a query" on one of its fields, without leaving the form.
 */
export function FormReviewPanel({
  user,
  studyId,
  participantId,
  record,
  queries,
}: {
  user: Me;
  studyId: string;
  participantId: string;
  record: FormRecord;
  queries: DataQuery[];
}) {
  const { t } = useTranslation();
  const format = useReviewFormat();
  const mayReview = can(user, 'read_review_state');
  const review = useParticipantReview(participantId, mayReview);
  const markSdv = useMarkSdv();
  const [raising, setRaising] = useState(false);
  const [undoing, setUndoing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const sdv = review.data?.records.find((r) => r.recordId === record.id)?.sdv;
  const mayRaise = can(user, 'raise_query') || can(user, 'raise_self_check');

  const verify = async () => {
    setAlert(null);
    try {
      await markSdv.mutateAsync({ recordId: record.id });
      setNotice(t('participants.formReview.verified'));
    } catch (error) {
      setAlert(participantErrorText(error));
    }
  };

  return (
    <section id="record-queries" className="panel stack" aria-labelledby="record-queries-title" tabIndex={-1}>
      <div className="section-head">
        <h2 id="record-queries-title">{t('participants.formReview.title')}</h2>
        <div className="actions">
          {mayRaise ? (
            <button type="button" className="button small" onClick={() => setRaising(true)}>
              {t('participants.formReview.raise')}
            </button>
          ) : null}
          {can(user, 'verify_source') && record.status !== 'draft' && sdv && sdv.state !== 'verified' ? (
            <button
              type="button"
              className="button small primary"
              onClick={() => void verify()}
              disabled={markSdv.isPending}
            >
              {t('monitor.review.markVerified')}
            </button>
          ) : null}
          {can(user, 'undo_source_verification') && sdv?.state === 'verified' ? (
            <button type="button" className="button small" onClick={() => setUndoing(true)}>
              {t('participants.formReview.undo')}
            </button>
          ) : null}
        </div>
      </div>
      <FormAlert message={alert} />
      {notice ? (
        <p className="alert alert-ok" role="status">
          {notice}
        </p>
      ) : null}
      {mayReview && sdv ? (
        <p>
          <span className={`badge ${sdv.state === 'verified' ? 'badge-ok' : 'badge-off'}`}>
            {t(`monitor.sdv.${sdv.state}`)}
          </span>{' '}
          {sdv.state === 'verified' && sdv.mark
            ? t('participants.formReview.verifiedBy', {
                name: sdv.mark.verifiedBy.name ?? '',
                time: format.dateTime(sdv.mark.verifiedAt),
              })
            : null}
        </p>
      ) : null}
      {queries.length === 0 ? <p className="muted">{t('participants.formReview.none')}</p> : null}
      {queries.map((q) => (
        <QueryCard key={q.id} query={q} user={user} onNotice={setNotice} />
      ))}
      {raising ? (
        <RaiseQueryDialog
          record={{
            recordId: record.id,
            formCode: record.formCode,
            visitCode: record.visitCode,
            seq: record.seq,
          }}
          studyId={studyId}
          onClose={() => setRaising(false)}
          onRaised={() => {
            setRaising(false);
            setNotice(t('participants.formReview.raised'));
          }}
        />
      ) : null}
      {undoing ? (
        <UndoSdvDialog
          recordId={record.id}
          onClose={() => setUndoing(false)}
          onDone={() => {
            setUndoing(false);
            setNotice(t('participants.formReview.undone'));
          }}
        />
      ) : null}
    </section>
  );
}
