import type { RecordReview } from '@mini-edc/domain';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fieldLabel, formFields, formLabel, valueText } from './study-labels';
import { useReviewFormat } from './time-format';

interface RecordCardProps {
  record: RecordReview;
  /** The record's values from GET /participants/:id (undefined while loading). */
  data: Record<string, unknown> | undefined;
  participantId: string;
  canVerify: boolean;
  canQuery: boolean;
  verifying: boolean;
  onVerify: () => void;
  onRaiseQuery: () => void;
}

const statusBadge = {
  draft: 'badge-off',
  complete: 'badge-ok',
  signed: 'badge-ok',
  locked: 'badge-off',
} as const;

/** One record under review: its values, SDV mark, unresolved queries and signature. */
export function RecordCard(props: RecordCardProps) {
  const { record, data, participantId } = props;
  const { t, i18n } = useTranslation();
  const format = useReviewFormat();
  const headingId = useId();
  const language = i18n.language;
  const title = `${formLabel(record.formCode, language)}${record.seq > 1 ? ` #${record.seq}` : ''}`;
  const mark = record.sdv.mark;
  const signature = record.signature;
  const fields = formFields(record.formCode);
  const verifiable = record.status !== 'draft' && record.sdv.state !== 'verified';

  return (
    <article className="record-card" aria-labelledby={headingId}>
      <header className="record-head">
        <h3 id={headingId}>{title}</h3>
        <ul className="badges" aria-label={t('monitor.review.state')}>
          <li className={`badge ${statusBadge[record.status]}`}>
            {t(`monitor.recordStatus.${record.status}`)}
          </li>
          <li className={`badge ${record.sdv.state === 'verified' ? 'badge-ok' : 'badge-off'}`}>
            {t(`monitor.sdv.${record.sdv.state}`)}
          </li>
          {record.openQueries > 0 ? (
            <li className="badge badge-danger">
              {t('monitor.review.openQueries', { count: record.openQueries })}
            </li>
          ) : null}
        </ul>
      </header>
      <dl className="record-values">
        {fields.map((f) => (
          <div key={f.name}>
            <dt>{fieldLabel(record.formCode, f.name, language)}</dt>
            <dd>{data ? valueText(data[f.name], language, f) : '…'}</dd>
          </div>
        ))}
      </dl>
      <dl className="record-state">
        <div>
          <dt>{t('monitor.review.sdvTitle')}</dt>
          <dd>
            {record.sdv.state === 'verified' && mark
              ? t('monitor.review.verifiedBy', {
                  name: mark.verifiedBy.name ?? mark.verifiedBy.id,
                  time: format.dateTime(mark.verifiedAt),
                  version: mark.recordVersion,
                })
              : record.sdv.state === 'cleared' && mark
                ? t('monitor.review.clearedAt', {
                    time: mark.clearedAt ? format.dateTime(mark.clearedAt) : '—',
                    reason: mark.clearedReason ?? '—',
                  })
                : t('monitor.sdv.none')}
          </dd>
        </div>
        <div>
          <dt>{t('monitor.review.signatureTitle')}</dt>
          <dd>
            {signature.state === 'signed'
              ? t('monitor.review.signedBy', {
                  name: signature.signerName ?? '—',
                  time: signature.signedAt ? format.dateTime(signature.signedAt) : '—',
                  meaning: signature.meaning ?? '',
                })
              : signature.state === 'voided'
                ? t('monitor.review.voided', {
                    time: signature.voidedAt ? format.dateTime(signature.voidedAt) : '—',
                    reason: signature.voidReason ?? '—',
                  })
                : t('monitor.review.notSigned')}
          </dd>
        </div>
        <div>
          <dt>{t('monitor.review.queriesTitle')}</dt>
          <dd>
            {record.openQueries > 0 ? (
              <Link to={`/queries?participantId=${participantId}`}>
                {t('monitor.review.openQueries', { count: record.openQueries })}
              </Link>
            ) : (
              t('monitor.review.noQueries')
            )}
          </dd>
        </div>
        <div>
          <dt>{t('monitor.review.version')}</dt>
          <dd>
            {record.version} · {format.dateTime(record.updatedAt)}
          </dd>
        </div>
      </dl>
      {props.canVerify || props.canQuery ? (
        <div className="row-actions">
          {props.canVerify && verifiable ? (
            <button
              type="button"
              className="button small"
              onClick={props.onVerify}
              disabled={props.verifying}
            >
              {t('monitor.review.markVerified')}
              <span className="sr-only"> {title}</span>
            </button>
          ) : null}
          {props.canQuery && record.status !== 'locked' ? (
            <button type="button" className="button small" onClick={props.onRaiseQuery}>
              {t('monitor.review.raiseQuery')}
              <span className="sr-only"> {title}</span>
            </button>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}
