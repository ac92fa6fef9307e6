import { can, canAny, type RecordReview } from '@mini-edc/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../auth/session-context';
import { FormAlert, StatusNotice } from '../components/form-alert';
import { QueryError } from '../components/query-error';
import { describeError } from '../i18n/messages';
import { RaiseQueryDialog } from './raise-query-dialog';
import { RecordCard } from './record-card';
import { useMarkSdv, useParticipantDetail, useParticipantReview } from './review-api';
import { fieldLabel, formLabel, visitLabel, visitOrder } from './study-labels';
import '../styles/monitor.css';

function byVisit(records: readonly RecordReview[]): [string, RecordReview[]][] {
  const groups = new Map<string, RecordReview[]>();
  for (const r of records) groups.set(r.visitCode, [...(groups.get(r.visitCode) ?? []), r]);
  return [...groups].sort(([a], [b]) => visitOrder(a) - visitOrder(b));
}

/**
 * Source data review of one participant: every record by visit with its values,
 * SDV mark, unresolved queries and signature; the monitor marks records or whole visits as
 * verified and raises queries on single fields.
 */
export function ReviewPage() {
  const { participantId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const review = useParticipantReview(participantId);
  const detail = useParticipantDetail(participantId);
  const sdv = useMarkSdv();
  const [raising, setRaising] = useState<RecordReview | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const language = i18n.language;
  const isMonitor = can(user, 'verify_source');
  const canQuery = canAny(user, ['raise_query', 'raise_self_check']);

  const values = new Map((detail.data?.records ?? []).map((r) => [r.id, r.data]));

  const verify = (
    body: { recordId: string } | { participantId: string; visitCode: string },
    what: string,
  ) => {
    setNotice(null);
    setError(null);
    sdv.mutate(body, {
      onSuccess: (result) =>
        setNotice(
          result.created > 0
            ? t('monitor.review.verifiedNotice', { what, count: result.created })
            : t('monitor.review.alreadyVerified', { what }),
        ),
      onError: (e) => setError(describeError(e)),
    });
  };

  if (review.isPending) return <p className="muted">{t('common.loading')}</p>;
  if (review.isError) return <QueryError error={review.error} onRetry={() => void review.refetch()} />;
  const { studyId, siteCode, records } = review.data;

  return (
    <section className="stack">
      <div className="page-head">
        <h1>{t('monitor.review.title', { studyId })}</h1>
        <p className="section-links">
          <Link to={`/participants/${participantId}`}>{t('monitor.review.participantPage')}</Link>
          <Link to={`/audit?participantId=${participantId}`}>{t('monitor.review.auditLink')}</Link>
          <Link to={`/queries?participantId=${participantId}`}>{t('monitor.review.queriesLink')}</Link>
        </p>
      </div>
      <p className="muted">{t('monitor.review.intro', { site: siteCode, count: records.length })}</p>
      <StatusNotice message={notice} />
      <FormAlert message={error} />
      {records.length === 0 ? <p className="muted">{t('monitor.review.noRecords')}</p> : null}
      {detail.isError ? <QueryError error={detail.error} onRetry={() => void detail.refetch()} /> : null}
      {byVisit(records).map(([visitCode, visitRecords]) => {
        const visit = visitLabel(visitCode, language);
        const pending = visitRecords.some((r) => r.status !== 'draft' && r.sdv.state !== 'verified');
        return (
          <section key={visitCode} className="panel visit-section" aria-labelledby={`visit-${visitCode}`}>
            <div className="page-head">
              <h2 id={`visit-${visitCode}`}>{visit}</h2>
              {isMonitor && pending ? (
                <button
                  type="button"
                  className="button"
                  disabled={sdv.isPending}
                  onClick={() => verify({ participantId, visitCode }, visit)}
                >
                  {t('monitor.review.verifyVisit')}
                  <span className="sr-only"> {visit}</span>
                </button>
              ) : null}
            </div>
            <div className="record-cards">
              {visitRecords.map((record) => (
                <RecordCard
                  key={record.recordId}
                  record={record}
                  data={values.get(record.recordId)}
                  participantId={participantId}
                  canVerify={isMonitor}
                  canQuery={canQuery}
                  verifying={sdv.isPending}
                  onVerify={() =>
                    verify(
                      { recordId: record.recordId },
                      `${formLabel(record.formCode, language)} (${visit})`,
                    )
                  }
                  onRaiseQuery={() => {
                    setNotice(null);
                    setRaising(record);
                  }}
                />
              ))}
            </div>
          </section>
        );
      })}
      {raising ? (
        <RaiseQueryDialog
          record={raising}
          studyId={studyId}
          onClose={() => setRaising(null)}
          onRaised={(query) => {
            setRaising(null);
            setNotice(
              t('monitor.review.raisedNotice', {
                field: fieldLabel(query.formCode, query.field, language),
                form: formLabel(query.formCode, language),
              }),
            );
          }}
        />
      ) : null}
    </section>
  );
}
