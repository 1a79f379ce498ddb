import { useCallback, useEffect, useState } from 'react';
import type { AuditEvent } from '../api';
import { api } from '../api';
import { Notice } from '../components/Notice';
import { PageButtons, usePages } from '../components/Pager';
import { errorText } from '../errors';
import { useI18n } from '../i18n';
import { formatTime } from './names';

/** The audit trail, newest first, a page at a time, and a check of its hash chain. */
export function AuditTrail() {
  const { t, language } = useI18n();
  const pages = usePages<number>();
  const [events, setEvents] = useState<AuditEvent[]>();
  const [error, setError] = useState<unknown>();
  const [verification, setVerification] = useState<Awaited<ReturnType<typeof api.verifyAuditTrail>>>();
  const [verifying, setVerifying] = useState(false);

  const { cursor: before, setNext } = pages;
  const load = useCallback(async () => {
    setError(undefined);
    try {
      const page = await api.listAuditEvents(before);
      setEvents(page.items);
      setNext(page.nextBefore);
    } catch (failure) {
      setError(failure);
    }
  }, [before, setNext]);
  useEffect(() => {
    void load();
  }, [load]);

  const verify = async () => {
    setVerification(undefined);
    setVerifying(true);
    try {
      setVerification(await api.verifyAuditTrail());
    } catch (failure) {
      setError(failure);
    } finally {
      setVerifying(false);
    }
  };

  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">{t('page.audit')}</h1>
      <button type="button" disabled={verifying} onClick={() => void verify()}>
        {t('audit.verify')}
      </button>
      {verification &&
        (verification.intact ? (
          <Notice kind="success">{t('audit.intact', { count: verification.checked })}</Notice>
        ) : (
          <Notice kind="error">
            {t('audit.broken', { count: verification.problems.length })}
            <ul>
              {verification.problems.map((problem) => (
                <li key={`${problem.seq}-${problem.reason}`}>
                  #{problem.seq}: {problem.reason}
                </li>
              ))}
            </ul>
          </Notice>
        ))}
      {error !== undefined && <Notice kind="error">{errorText(t, error)}</Notice>}
      {events && events.length === 0 && <p>{t('audit.empty')}</p>}
      {events && events.length > 0 && (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('audit.seq')}</th>
                <th scope="col">{t('audit.time')}</th>
                <th scope="col">{t('audit.event')}</th>
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('audit.subject')}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.seq}>
                  <td>{event.seq}</td>
                  <td className="nowrap">{formatTime(event.occurredAt, language)}</td>
                  <td>
                    <code>{event.type}</code>
                  </td>
                  <td title={event.actor.label}>{event.actor.username ?? event.actor.label}</td>
                  <td>
                    {event.subjectType} <span className="muted">{event.subjectId}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <PageButtons pages={pages} back={t('common.previous')} forward={t('common.next')} />
    </section>
  );
}
