import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { ReviewStatistics, Session } from '../api';
import { api } from '../api';
import { Notice } from '../components/Notice';
import { errorText } from '../errors';
import { useI18n } from '../i18n';
import { reasonText, useReturnReasons } from '../return-reasons';
import { organisationName } from './names';

/** A day in China time, YYYY-MM-DD, some days from today. */
const chinaDay = (offsetDays = 0) =>
  new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

const COLOURS = ['#1f5f8b', '#c4622d', '#3f7f3f', '#7a4f9a', '#a0822d', '#2d8a8a', '#8a2d5a'];

/**
 * Statistics for office heads: certificates issued per ISO week and type (a bar chart and its table), the
 * median time from submission to customs' first decision, and the most common return reasons.
 */
export function Statistics({ session }: { session: Session }) {
  const { t, language } = useI18n();
  const [form, setForm] = useState({ officeId: '', from: chinaDay(-84), until: chinaDay() });
  const [query, setQuery] = useState(form);
  const [statistics, setStatistics] = useState<ReviewStatistics>();
  const [error, setError] = useState<unknown>();
  const reasons = useReturnReasons(setError);

  const load = useCallback(async () => {
    try {
      setStatistics(await api.reviewStatistics(query));
      setError(undefined);
    } catch (failure) {
      setError(failure);
    }
  }, [query]);
  useEffect(() => {
    void load();
  }, [load]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setQuery(form);
  };

  const weeks = [...new Set(statistics?.issuedPerWeek.map((row) => row.week) ?? [])];
  const types = [...new Set(statistics?.issuedPerWeek.map((row) => row.typeCode) ?? [])].sort();
  const countOf = (week: string, type: string) =>
    statistics?.issuedPerWeek.find((row) => row.week === week && row.typeCode === type)?.count ?? 0;
  const weekTotal = (week: string) => types.reduce((sum, type) => sum + countOf(week, type), 0);
  const highest = Math.max(1, ...weeks.map(weekTotal));
  const total = weeks.reduce((sum, week) => sum + weekTotal(week), 0);
  const topReason = Math.max(1, ...(statistics?.returnReasons.map((reason) => reason.count) ?? [1]));
  const barWidth = 36;
  const chartHeight = 160;

  return (
    <section className="card wide" aria-labelledby="statistics-title">
      <h1 id="statistics-title">{t('statistics.title')}</h1>
      <form className="filters" onSubmit={submit}>
        <div className="field">
          <label htmlFor="statistics-office">{t('statistics.office')}</label>
          <select
            id="statistics-office"
            value={form.officeId}
            onChange={(event) => setForm({ ...form, officeId: event.target.value })}
          >
            <option value="">{t('statistics.allOffices')}</option>
            {session.user.offices.map((office) => (
              <option key={office.id} value={office.id}>
                {organisationName(office, language)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="statistics-from">{t('statistics.from')}</label>
          <input
            id="statistics-from"
            type="date"
            value={form.from}
            onChange={(event) => setForm({ ...form, from: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="statistics-until">{t('statistics.until')}</label>
          <input
            id="statistics-until"
            type="date"
            value={form.until}
            onChange={(event) => setForm({ ...form, until: event.target.value })}
          />
        </div>
        <button type="submit">{t('statistics.show')}</button>
      </form>
      {error !== undefined && <Notice kind="error">{errorText(t, error)}</Notice>}
      {statistics && (
        <>
          <dl className="facts">
            <dt>{t('statistics.issued')}</dt>
            <dd data-testid="statistics-issued">{total}</dd>
            <dt>{t('statistics.median')}</dt>
            <dd data-testid="statistics-median">
              {statistics.medianHoursToDecision === null
                ? t('statistics.none')
                : t('statistics.hours', { hours: statistics.medianHoursToDecision })}
            </dd>
            <dt>{t('statistics.decisions')}</dt>
            <dd>{statistics.decisions}</dd>
          </dl>

          <h2>{t('statistics.perWeek')}</h2>
          {weeks.length === 0 ? (
            <p>{t('statistics.nothingIssued')}</p>
          ) : (
            <div className="table-scroll">
              <svg
                role="img"
                aria-label={t('statistics.perWeekSummary', { total, weeks: weeks.length })}
                width={weeks.length * (barWidth + 12) + 12}
                height={chartHeight + 40}
              >
                {weeks.map((week, column) => {
                  let stacked = 0;
                  return (
                    <g key={week} transform={`translate(${12 + column * (barWidth + 12)},0)`}>
                      {types.map((type, index) => {
                        const height = (countOf(week, type) / highest) * chartHeight;
                        stacked += height;
                        return (
                          <rect
                            key={type}
                            x={0}
                            y={chartHeight - stacked}
                            width={barWidth}
                            height={height}
                            fill={COLOURS[index % COLOURS.length]}
                          />
                        );
                      })}
                      <text x={barWidth / 2} y={chartHeight + 14} textAnchor="middle" fontSize="10">
                        {week.slice(5)}
                      </text>
                      <text x={barWidth / 2} y={chartHeight + 28} textAnchor="middle" fontSize="10">
                        {weekTotal(week)}
                      </text>
                    </g>
                  );
                })}
              </svg>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('statistics.week')}</th>
                    {types.map((type, index) => (
                      <th scope="col" key={type}>
                        <span aria-hidden="true" style={{ color: COLOURS[index % COLOURS.length] }}>
                          ■{' '}
                        </span>
                        {type}
                      </th>
                    ))}
                    <th scope="col">{t('statistics.total')}</th>
                  </tr>
                </thead>
                <tbody>
                  {weeks.map((week) => (
                    <tr key={week}>
                      <th scope="row">{week}</th>
                      {types.map((type) => (
                        <td key={type}>{countOf(week, type)}</td>
                      ))}
                      <td>{weekTotal(week)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}

          <h2>{t('statistics.reasons')}</h2>
          {statistics.returnReasons.length === 0 ? (
            <p>{t('statistics.noReturns')}</p>
          ) : (
            <table aria-label={t('statistics.reasons')}>
              <tbody>
                {statistics.returnReasons.map((reason) => (
                  <tr key={reason.code}>
                    <th scope="row">{reasonText(reason.code, reasons, language)}</th>
                    <td style={{ width: '50%' }}>
                      <svg role="presentation" width="100%" height="12">
                        <rect
                          x={0}
                          y={0}
                          width={`${(reason.count / topReason) * 100}%`}
                          height={12}
                          fill={COLOURS[1]}
                        />
                      </svg>
                    </td>
                    <td>{reason.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
