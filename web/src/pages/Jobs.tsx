import { useCallback, useEffect, useState } from 'react';
import type { Job, JobStatus } from '../api';
import { api } from '../api';
import { Notice } from '../components/Notice';
import { errorText } from '../errors';
import { useI18n } from '../i18n';
import { formatTime } from './names';

const STATUSES: JobStatus[] = ['failed', 'queued', 'running', 'succeeded'];

/** Background jobs by status; a failed one can be queued again. */
export function Jobs() {
  const { t, language } = useI18n();
  const [status, setStatus] = useState<JobStatus | ''>('failed');
  const [jobs, setJobs] = useState<Job[]>();
  const [error, setError] = useState<unknown>();
  const [message, setMessage] = useState<string>();

  const load = useCallback(async () => {
    setError(undefined);
    try {
      setJobs((await api.listJobs(status || undefined)).items);
    } catch (failure) {
      setError(failure);
    }
  }, [status]);
  useEffect(() => {
    void load();
  }, [load]);

  const retry = async (job: Job) => {
    setMessage(undefined);
    try {
      await api.retryJob(job.id);
      setMessage(t('jobs.retried'));
      await load();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <section aria-labelledby="jobs-title">
      <h1 id="jobs-title">{t('page.jobs')}</h1>
      <div className="field inline">
        <label htmlFor="job-status">{t('common.status')}</label>
        <select
          id="job-status"
          value={status}
          onChange={(event) => {
            setStatus(event.target.value as JobStatus | '');
            setMessage(undefined);
          }}
        >
          <option value="">{t('common.all')}</option>
          {STATUSES.map((option) => (
            <option key={option} value={option}>
              {t(`status.${option}`)}
            </option>
          ))}
        </select>
      </div>
      {message && <Notice kind="success">{message}</Notice>}
      {error !== undefined && <Notice kind="error">{errorText(t, error)}</Notice>}
      {jobs && jobs.length === 0 && (
        <p>{status ? t('jobs.emptyWithStatus', { status: t(`status.${status}`) }) : t('jobs.empty')}</p>
      )}
      {jobs && jobs.length > 0 && (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('jobs.kind')}</th>
                <th scope="col">{t('common.status')}</th>
                <th scope="col">{t('jobs.attempts')}</th>
                <th scope="col">{t('jobs.runAt')}</th>
                <th scope="col">{t('jobs.lastError')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {jobs.map((job) => (
                <tr key={job.id}>
                  <td>
                    <code>{job.kind}</code>
                  </td>
                  <td>{t(`status.${job.status}`)}</td>
                  <td>
                    {job.attempts} / {job.maxAttempts}
                  </td>
                  <td className="nowrap">{formatTime(job.runAt, language)}</td>
                  <td>
                    <div className="long">{job.lastError ?? '—'}</div>
                  </td>
                  <td>
                    {job.status === 'failed' && (
                      <button type="button" className="secondary" onClick={() => void retry(job)}>
                        {t('common.retry')}
                        <span className="visually-hidden"> {job.kind}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
