import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { Organisation, Session, SupervisionDashboard } from '../api';
import { CASE_OUTCOMES, api } from '../api';
import { Notice } from '../components/Notice';
import { localised, useCertificateTypes } from '../certificate-types';
import { errorText } from '../errors';
import { useI18n } from '../i18n';
import { organisationName } from './names';
import { ReasonsChart, colourOf } from './Statistics';
import { useEnterprises } from './VerificationCases';

type Outcomes = { confirmed: number; not_confirmed: number; inconclusive: number };

/** Concluded cases per row as stacked bars, one colour per outcome; the table below says the same. */
function OutcomeChart({
  rows,
  summary,
}: {
  rows: Array<{ key: string; label: string } & Outcomes>;
  summary: string;
}) {
  const highest = Math.max(1, ...rows.map((row) => row.confirmed + row.not_confirmed + row.inconclusive));
  return (
    <div className="chart hbars" role="img" aria-label={summary}>
      {rows.map((row) => {
        let left = 0;
        return (
          <div key={row.key} className="hbar">
            <span className="hbar-label">{row.label}</span>
            <span className="hbar-bar">
              <svg
                viewBox="0 0 100 12"
                preserveAspectRatio="none"
                width="100%"
                height="12"
                aria-hidden="true"
              >
                {CASE_OUTCOMES.map((outcome, index) => {
                  const width = (row[outcome] / highest) * 100;
                  const x = left;
                  left += width;
                  return <rect key={outcome} x={x} y={0} width={width} height={12} fill={colourOf(index)} />;
                })}
              </svg>
              <span className="hbar-count">{row.confirmed + row.not_confirmed + row.inconclusive}</span>
            </span>
          </div>
        );
      })}
    </div>
  );
}

/**
 * The supervision dashboard for customs: open cases by age and by how soon their reply is due, concluded
 * cases by outcome per certificate type and per enterprise (each chart with its table), and the requests
 * for evidence past their deadline, filtered by office, type, enterprise and the period cases were opened.
 */
export function Supervision({ session }: { session: Session }) {
  const { t, language } = useI18n();
  const officer = session.user.roles.includes('customs_officer');
  const [form, setForm] = useState({
    officeId: '',
    typeCode: '',
    enterpriseId: '',
    openedFrom: '',
    openedTo: '',
  });
  const [query, setQuery] = useState(form);
  const [dashboard, setDashboard] = useState<SupervisionDashboard>();
  const [error, setError] = useState<unknown>();
  const onError = useCallback((failure: unknown) => setError(failure), []);
  const types = useCertificateTypes(onError);
  const enterprises = useEnterprises(session, onError);
  const [allOffices, setAllOffices] = useState<Organisation[]>([]);
  useEffect(() => {
    if (!officer) api.listOrganisations('office').then((page) => setAllOffices(page.items), setError);
  }, [officer]);
  const offices = officer ? session.user.offices : allOffices;

  useEffect(() => {
    const given = Object.fromEntries(Object.entries(query).filter(([, value]) => value !== ''));
    api.getSupervisionDashboard(given).then((answer) => {
      setDashboard(answer);
      setError(undefined);
    }, setError);
  }, [query]);

  const show = (event: FormEvent) => {
    event.preventDefault();
    setQuery({ ...form });
  };
  const enterpriseName = (id: string) => {
    const found = enterprises.find((enterprise) => enterprise.id === id);
    return found ? organisationName(found, language) : id;
  };
  const typeName = (code: string) => {
    const type = types?.find((candidate) => candidate.code === code);
    return type ? `${code} — ${localised(type.names, language)}` : code;
  };
  const subjectLink = (subjectType: string, subjectId: string) =>
    !officer
      ? undefined
      : subjectType === 'verification_case'
        ? `#/verification-cases/${subjectId}`
        : subjectType === 'pre_review'
          ? `#/pre-reviews/${subjectId}`
          : `#/review/${subjectId}`;

  const countTable = (
    titleId: string,
    rows: Array<{ bucket: string; count: number }>,
    bucketText: (bucket: string) => string,
  ) => (
    <div className="table-scroll">
      <table aria-labelledby={titleId}>
        <thead>
          <tr>
            <th scope="col">{t('supervision.bucket')}</th>
            <th scope="col" className="number">
              {t('supervision.openCases')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.bucket}>
              <th scope="row">{bucketText(row.bucket)}</th>
              <td className="number">{row.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  const outcomeTable = (
    titleId: string,
    heading: string,
    rows: Array<{ key: string; label: string } & Outcomes>,
  ) => (
    <div className="table-scroll">
      <table aria-labelledby={titleId}>
        <thead>
          <tr>
            <th scope="col">{heading}</th>
            {CASE_OUTCOMES.map((outcome) => (
              <th key={outcome} scope="col" className="number">
                {t(`cases.outcome.${outcome}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row" className="name">
                {row.label}
              </th>
              {CASE_OUTCOMES.map((outcome) => (
                <td key={outcome} className="number">
                  {row[outcome]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  const ageText = (bucket: string) => t('supervision.age', { days: bucket });
  const deadlineText = (bucket: string) =>
    t(`supervision.deadline.${bucket as SupervisionDashboard['openByDeadline'][number]['bucket']}`);
  const byType = (dashboard?.outcomesByType ?? []).map((row) => ({
    ...row,
    key: row.typeCode,
    label: typeName(row.typeCode),
  }));
  const byEnterprise = (dashboard?.outcomesByEnterprise ?? []).map((row) => ({
    ...row,
    key: row.enterpriseId,
    label: enterpriseName(row.enterpriseId),
  }));
  const openTotal = (dashboard?.openByAge ?? []).reduce((sum, row) => sum + row.count, 0);

  return (
    <section aria-labelledby="supervision-title">
      <h1 id="supervision-title">{t('page.supervision')}</h1>
      <p>{t('supervision.intro')}</p>
      <form className="card wide filters" onSubmit={show} aria-label={t('supervision.filters')} noValidate>
        <div className="field-row">
          <div className="field">
            <label htmlFor="supervision-office">{t('statistics.office')}</label>
            <select
              id="supervision-office"
              value={form.officeId}
              onChange={(event) => setForm({ ...form, officeId: event.target.value })}
            >
              <option value="">{t('statistics.allOffices')}</option>
              {offices.map((office) => (
                <option key={office.id} value={office.id}>
                  {organisationName(office, language)} ({office.code})
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="supervision-type">{t('cases.type')}</label>
            <select
              id="supervision-type"
              value={form.typeCode}
              onChange={(event) => setForm({ ...form, typeCode: event.target.value })}
            >
              <option value="">{t('cases.allTypes')}</option>
              {types?.map((type) => (
                <option key={type.code} value={type.code}>
                  {type.code} — {localised(type.names, language)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="supervision-enterprise">{t('applications.enterprise')}</label>
            <select
              id="supervision-enterprise"
              value={form.enterpriseId}
              onChange={(event) => setForm({ ...form, enterpriseId: event.target.value })}
            >
              <option value="">{t('cases.allEnterprises')}</option>
              {enterprises.map((enterprise) => (
                <option key={enterprise.id} value={enterprise.id}>
                  {organisationName(enterprise, language)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="supervision-from">{t('supervision.openedFrom')}</label>
            <input
              id="supervision-from"
              type="date"
              value={form.openedFrom}
              max={form.openedTo || undefined}
              onChange={(event) => setForm({ ...form, openedFrom: event.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor="supervision-to">{t('supervision.openedTo')}</label>
            <input
              id="supervision-to"
              type="date"
              value={form.openedTo}
              min={form.openedFrom || undefined}
              onChange={(event) => setForm({ ...form, openedTo: event.target.value })}
            />
          </div>
        </div>
        <div className="buttons">
          <button type="submit">{t('statistics.show')}</button>
        </div>
      </form>

      {error !== undefined && <Notice kind="error">{errorText(t, error)}</Notice>}
      {!dashboard && error === undefined && <p>{t('common.loading')}</p>}
      {dashboard && (
        <>
          <dl className="facts card wide">
            <dt>{t('supervision.cases')}</dt>
            <dd data-testid="supervision-cases">{dashboard.cases}</dd>
            <dt>{t('supervision.openCases')}</dt>
            <dd data-testid="supervision-open">{openTotal}</dd>
            <dt>{t('supervision.overdueRequests')}</dt>
            <dd data-testid="supervision-overdue">{dashboard.overdueRequests.length}</dd>
          </dl>

          <h2 id="supervision-age-title">{t('supervision.byAge')}</h2>
          <ReasonsChart
            rows={dashboard.openByAge.map((row) => ({
              code: row.bucket,
              text: ageText(row.bucket),
              count: row.count,
            }))}
            summary={t('supervision.byAgeSummary', { count: openTotal })}
          />
          {countTable('supervision-age-title', dashboard.openByAge, ageText)}

          <h2 id="supervision-deadline-title">{t('supervision.byDeadline')}</h2>
          <ReasonsChart
            rows={dashboard.openByDeadline.map((row) => ({
              code: row.bucket,
              text: deadlineText(row.bucket),
              count: row.count,
            }))}
            summary={t('supervision.byDeadlineSummary', {
              overdue: dashboard.openByDeadline.find((row) => row.bucket === 'overdue')?.count ?? 0,
            })}
          />
          {countTable('supervision-deadline-title', dashboard.openByDeadline, deadlineText)}

          <ul className="legend" aria-label={t('supervision.outcomes')}>
            {CASE_OUTCOMES.map((outcome, index) => (
              <li key={outcome}>
                <span className="swatch" style={{ background: colourOf(index) }} aria-hidden="true" />
                {t(`cases.outcome.${outcome}`)}
              </li>
            ))}
          </ul>
          <h2 id="supervision-type-title">{t('supervision.byType')}</h2>
          {byType.length === 0 ? (
            <p>{t('supervision.noneConcluded')}</p>
          ) : (
            <>
              <OutcomeChart
                rows={byType}
                summary={t('supervision.byTypeSummary', { count: byType.length })}
              />
              {outcomeTable('supervision-type-title', t('cases.type'), byType)}
            </>
          )}
          <h2 id="supervision-enterprise-title">{t('supervision.byEnterprise')}</h2>
          {byEnterprise.length === 0 ? (
            <p>{t('supervision.noneConcluded')}</p>
          ) : (
            <>
              <OutcomeChart
                rows={byEnterprise}
                summary={t('supervision.byEnterpriseSummary', { count: byEnterprise.length })}
              />
              {outcomeTable('supervision-enterprise-title', t('applications.enterprise'), byEnterprise)}
            </>
          )}

          <h2 id="supervision-overdue-title">{t('supervision.overdueRequests')}</h2>
          {dashboard.overdueRequests.length === 0 ? (
            <p>{t('supervision.noneOverdue')}</p>
          ) : (
            <ul aria-labelledby="supervision-overdue-title">
              {dashboard.overdueRequests.map((request) => {
                const href = subjectLink(request.subjectType, request.subjectId);
                const label = t(`supervision.subject.${request.subjectType}`);
                return (
                  <li key={request.id}>
                    {href ? <a href={href}>{label}</a> : label} · {enterpriseName(request.enterpriseId)} ·{' '}
                    {t('evidence.deadline', { deadline: request.deadline })}
                    {request.escalatedAt && <strong> · {t('supervision.escalated')}</strong>}
                    <div className="muted pre-wrap">{request.questions}</div>
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
