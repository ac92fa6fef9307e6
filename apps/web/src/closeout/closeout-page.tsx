import { availableLifecycleActions, type LifecycleAction } from '@mini-edc/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusNotice } from '../components/form-alert';
import { QueryError } from '../components/query-error';
import { useFormat } from '../i18n/format';
import { AllocationVerificationPanel } from './allocation-verification-panel';
import { CasebooksPanel } from './casebooks-panel';
import { useLifecycle, usePreLockChecks } from './closeout-api';
import { LifecycleActionDialog } from './lifecycle-action-dialog';
import { PreLockChecksPanel } from './pre-lock-checks';

/**
 * The admin's close-out page (docs/closeout.md): the study's state and its history, the pre-lock
 * checks, the lifecycle steps the shared rule allows now, and allocation verification after lock.
 */
export function CloseoutPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const lifecycle = useLifecycle();
  const checks = usePreLockChecks();
  const [action, setAction] = useState<LifecycleAction | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const status = lifecycle.data?.status;

  return (
    <section className="stack">
      <h1>{t('closeout.title')}</h1>
      <p className="muted">{t('closeout.intro')}</p>
      <StatusNotice message={notice} />
      {lifecycle.isError ? (
        <QueryError error={lifecycle.error} onRetry={() => void lifecycle.refetch()} />
      ) : null}
      {status ? (
        <section className="panel stack" aria-labelledby="state-title">
          <h2 id="state-title">{t('closeout.currentState')}</h2>
          <p>
            <strong data-testid="study-state">{t(`closeout.states.${status.state}`)}</strong>{' '}
            <span className="muted">{t('closeout.since', { when: fmt.dateTime(status.changedAt) })}</span>
          </p>
          <p className="muted">{t(`closeout.stateHelp.${status.state}`)}</p>
          <p data-testid="allocation-release">
            {status.allocationReleasedAt
              ? t('closeout.allocationReleased', { when: fmt.dateTime(status.allocationReleasedAt) })
              : t('closeout.allocationBlinded')}
          </p>
          <div className="actions">
            {availableLifecycleActions(status.state, status.allocationReleasedAt !== null).map((a) => (
              <button
                key={a}
                type="button"
                className={a === 'lock' ? 'button primary' : 'button'}
                onClick={() => {
                  setNotice(null);
                  setAction(a);
                }}
              >
                {t(`closeout.actions.${a}`)}
              </button>
            ))}
          </div>
          <h3>{t('closeout.history')}</h3>
          {lifecycle.data && lifecycle.data.history.length === 0 ? (
            <p className="muted">{t('closeout.historyEmpty')}</p>
          ) : (
            <table className="responsive-table">
              <thead>
                <tr>
                  <th scope="col">{t('closeout.historyColumns.when')}</th>
                  <th scope="col">{t('closeout.historyColumns.who')}</th>
                  <th scope="col">{t('closeout.historyColumns.change')}</th>
                  <th scope="col">{t('closeout.historyColumns.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {lifecycle.data?.history.map((h) => (
                  <tr key={h.auditId}>
                    <td data-label={t('closeout.historyColumns.when')}>{fmt.dateTime(h.occurredAt)}</td>
                    <td data-label={t('closeout.historyColumns.who')}>{h.actorLabel ?? t('common.none')}</td>
                    <td data-label={t('closeout.historyColumns.change')}>
                      {h.action === 'ALLOCATION_RELEASED' ? (
                        t('closeout.releasedEvent')
                      ) : (
                        <>
                          {h.from ? t(`closeout.states.${h.from}`) : t('common.none')} →{' '}
                          {h.to ? t(`closeout.states.${h.to}`) : t('common.none')}
                        </>
                      )}
                    </td>
                    <td data-label={t('closeout.historyColumns.reason')}>{h.reason ?? t('common.none')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ) : null}
      {checks.isError ? <QueryError error={checks.error} onRetry={() => void checks.refetch()} /> : null}
      {checks.data && status?.state !== 'locked' ? (
        <PreLockChecksPanel checks={checks.data} onRefresh={() => void checks.refetch()} />
      ) : null}
      <AllocationVerificationPanel locked={status?.state === 'locked'} />
      <CasebooksPanel />
      {action ? (
        <LifecycleActionDialog
          action={action}
          openItems={checks.data?.openItems ?? 0}
          onClose={() => setAction(null)}
          onDone={(done) => {
            setAction(null);
            setNotice(t(`closeout.done.${done}`));
          }}
        />
      ) : null}
    </section>
  );
}
