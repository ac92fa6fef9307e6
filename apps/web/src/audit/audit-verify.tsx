import { useTranslation } from 'react-i18next';
import { isSessionEnded } from '../api/client';
import { describeError } from '../i18n/messages';
import { useReviewFormat } from '../review/time-format';
import { useVerifyChain } from './audit-api';

/** "Verify chain": the server recomputes every hash link and names the first break, if any. */
export function AuditVerify() {
  const { t } = useTranslation();
  const format = useReviewFormat();
  const verify = useVerifyChain();
  const result = verify.data;
  let message: string | null = null;
  let tone = 'alert-ok';
  if (verify.isPending) message = t('monitor.audit.verifying');
  else if (verify.isError && !isSessionEnded(verify.error)) {
    message = describeError(verify.error);
    tone = 'alert-error';
  } else if (result?.ok) {
    message = t('monitor.audit.chainOk', {
      rows: format.number(result.rowsChecked),
      chains: format.number(result.chains),
    });
  } else if (result) {
    tone = 'alert-error';
    message = result.firstBreak
      ? t('monitor.audit.chainBroken', {
          id: result.firstBreak.id,
          chain: result.firstBreak.chainKey,
          problem: t(`monitor.audit.problems.${result.firstBreak.problem}`),
        })
      : t('monitor.audit.chainBrokenUnknown');
  }
  return (
    <div className="verify-chain">
      <button type="button" className="button" onClick={() => verify.mutate()} disabled={verify.isPending}>
        {t('monitor.audit.verify')}
      </button>
      <div
        role="status"
        className={message ? `alert ${verify.isPending ? 'alert-info' : tone}` : 'alert-empty'}
      >
        {message}
      </div>
    </div>
  );
}
