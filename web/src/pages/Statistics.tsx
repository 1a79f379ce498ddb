import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { ReviewStatistics, Session } from '../api';
import { api } from '../api';
import { Field } from '../components/Field';
import { Notice } from '../components/Notice';
import { localised, useCertificateTypes } from '../certificate-types';
import { chinaDay } from '../days';
import { errorText } from '../errors';
import type { Language } from '../i18n';
import { useI18n } from '../i18n';
import { reasonText, useReturnReasons } from '../return-reasons';
import { organisationName } from './names';

// Calendar days as UTC midnights: arithmetic on days without the browser's time zone getting in the way.
const DAY = 86_400_000;
const dayOf = (text: string) => Date.parse(`${text}T00:00:00Z`);
const dayText = (day: number) => new Date(day).toISOString().slice(0, 10);
/** Today in China, where the server counts its days and weeks. */
const chinaToday = () => dayOf(chinaDay());
/** The Monday of a day's week. */
const mondayOf = (day: number) => day - ((new Date(day).getUTCDay() + 6) % 7) * DAY;

/** A day's ISO 8601 week, as the server writes it: "2026-W10". */
function isoWeek(day: number): string {
  const thursday = new Date(mondayOf(day) + 3 * DAY); // the Thursday decides the week's year
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The default period: the last 12 ISO weeks, this one up to today. */
function lastTwelveWeeks() {
  const today = chinaToday();
  return { from: dayText(mondayOf(today) - 11 * 7 * DAY), until: dayText(today) };
}

/** Beyond this many weeks the chart leaves out the weeks without any certificate issued. */
const MAX_WEEKS = 106;

/** Every week of the period, oldest first (or those with certificates, for a long one), with its Monday. */
function weeksOf(statistics: ReviewStatistics): Array<{ week: string; monday: number }> {
  const weeks: Array<{ week: string; monday: number }> = [];
  const until = dayOf(statistics.until);
  for (let monday = mondayOf(dayOf(statistics.from)); monday <= until; monday += 7 * DAY)
    weeks.push({ week: isoWeek(monday), monday });
  if (weeks.length <= MAX_WEEKS) return weeks;
  const issued = new Set(statistics.issuedPerWeek.map((row) => row.week));
  return weeks.filter((entry) => issued.has(entry.week));
}

/** Distinct on white and from each other; a thin white line separates stacked parts as well. */
const COLOURS = ['#0b5cad', '#c25e00', '#1e7b4a', '#8a3ab9', '#b3261e', '#00796b', '#6b6b00', '#6d4c41'];
export const colourOf = (index: number) => COLOURS[index % COLOURS.length];

const formatDay = (day: number, language: Language) =>
  new Date(day).toLocaleDateString(language, { dateStyle: 'medium', timeZone: 'UTC' });

/** Gridlines at whole numbers: 0 and up to four steps reaching the highest bar. */
function ticksUpTo(highest: number): number[] {
  const step = Math.max(1, Math.ceil(highest / 4));
  const ticks = [];
  for (let tick = 0; tick < highest + step; tick += step) ticks.push(tick);
  return ticks;
}

function WeeklyChart({
  statistics,
  weeks,
  types,
  countOf,
}: {
  statistics: ReviewStatistics;
  weeks: Array<{ week: string; monday: number }>;
  types: string[];
  countOf: (week: string, type: string) => number;
}) {
  const { t } = useI18n();
  const totals = weeks.map(({ week }) => types.reduce((sum, type) => sum + countOf(week, type), 0));
  const highest = Math.max(1, ...totals);
  const ticks = ticksUpTo(highest);
  const scale = ticks.at(-1) ?? 1;
  const slot = 36;
  const bar = 24;
  const left = 32;
  const top = 18;
  const plot = 160;
  const width = left + weeks.length * slot + 8;
  const height = top + plot + 36;
  const y = (count: number) => top + plot - (count / scale) * plot;
  const busiest = totals.indexOf(Math.max(...totals));
  return (
    <div className="chart">
      <svg
        role="img"
        aria-label={t('statistics.perWeekSummary', {
          from: statistics.from,
          until: statistics.until,
          total: totals.reduce((sum, total) => sum + total, 0),
          week: weeks[busiest]?.week ?? '',
          most: totals[busiest] ?? 0,
        })}
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        style={{ minWidth: Math.min(width, weeks.length * 18 + left) }}
      >
        {ticks.map((tick) => (
          <g key={tick} className="tick">
            <line x1={left} x2={width - 4} y1={y(tick)} y2={y(tick)} />
            <text x={left - 6} y={y(tick) + 4} textAnchor="end">
              {tick}
            </text>
          </g>
        ))}
        {weeks.map(({ week }, column) => {
          const x = left + column * slot + (slot - bar) / 2;
          let below = 0;
          const total = totals[column] ?? 0;
          // A week's label says its year where the year changes, and on the first bar.
          const year = week.slice(0, 4);
          const showYear = column === 0 || weeks[column - 1]?.week.slice(0, 4) !== year;
          return (
            <g key={week} data-week={week}>
              {types.map((type, index) => {
                const count = countOf(week, type);
                if (count === 0) return null;
                const segment = (
                  <rect
                    key={type}
                    x={x}
                    y={y(below + count)}
                    width={bar}
                    height={y(below) - y(below + count)}
                    fill={colourOf(index)}
                    stroke="#fff"
                    strokeWidth={1}
                  >
                    <title>{`${week} ${type}: ${count}`}</title>
                  </rect>
                );
                below += count;
                return segment;
              })}
              {total > 0 && (
                <text className="total" x={x + bar / 2} y={y(total) - 4} textAnchor="middle">
                  {total}
                </text>
              )}
              <text x={x + bar / 2} y={top + plot + 14} textAnchor="middle">
                {week.slice(5)}
              </text>
              {showYear && (
                <text x={x + bar / 2} y={top + plot + 28} textAnchor="middle" className="year">
                  {year}
                </text>
              )}
            </g>
          );
        })}
        <line className="axis" x1={left} x2={width - 4} y1={top + plot} y2={top + plot} />
      </svg>
    </div>
  );
}

/** Horizontal bars with their words in HTML (return reasons here; the supervision dashboard too). */
export function ReasonsChart({
  rows,
  summary,
}: {
  rows: Array<{ code: string; text: string; count: number }>;
  summary: string;
}) {
  const highest = Math.max(1, ...rows.map((row) => row.count));
  // Bars in SVG, their words in HTML: a long reason wraps on a phone instead of running off the chart.
  return (
    <div className="chart hbars" role="img" aria-label={summary}>
      {rows.map((row) => (
        <div key={row.code} className="hbar">
          <span className="hbar-label">{row.text}</span>
          <span className="hbar-bar">
            <svg viewBox="0 0 100 12" preserveAspectRatio="none" width="100%" height="12" aria-hidden="true">
              <rect x={0} y={0} width={(row.count / highest) * 100} height={12} fill={colourOf(1)} />
            </svg>
            <span className="hbar-count">{row.count}</span>
          </span>
        </div>
      ))}
    </div>
  );
}

/**
 * Statistics for customs officers over their offices (or one of them) and a period of days, China time:
 * certificates issued per ISO week and type (a stacked bar chart and its table), the median time from
 * submission to customs' first decision, the number of applications decided, and the most common return
 * reasons (a bar chart and its table).
 */
export function Statistics({ session }: { session: Session }) {
  const { t, language } = useI18n();
  const offices = session.user.offices;
  const [form, setForm] = useState(() => ({ officeId: '', ...lastTwelveWeeks() }));
  const [query, setQuery] = useState(form);
  const [statistics, setStatistics] = useState<ReviewStatistics>();
  const [error, setError] = useState<unknown>();
  const types = useCertificateTypes(setError);
  const reasons = useReturnReasons(setError);

  const load = useCallback(async () => {
    try {
      setStatistics(await api.getReviewStatistics({ ...query, officeId: query.officeId || undefined }));
      setError(undefined);
    } catch (failure) {
      setError(failure);
    }
  }, [query]);
  useEffect(() => {
    void load();
  }, [load]);

  const fromError = form.from ? undefined : t('statistics.dayMissing');
  const untilError = !form.until
    ? t('statistics.dayMissing')
    : form.from && form.until < form.from
      ? t('statistics.untilBeforeFrom')
      : undefined;
  const show = (event: FormEvent) => {
    event.preventDefault();
    if (!fromError && !untilError) setQuery({ ...form });
  };

  const typeName = (code: string) => {
    const type = types?.find((candidate) => candidate.code === code);
    return type ? localised(type.names, language) : code;
  };

  const issued = statistics?.issuedPerWeek ?? [];
  const weeks = statistics ? weeksOf(statistics) : [];
  const typeCodes = [...new Set(issued.map((row) => row.typeCode))].sort();
  const countOf = (week: string, type: string) =>
    issued.find((row) => row.week === week && row.typeCode === type)?.count ?? 0;
  const weekTotal = (week: string) => typeCodes.reduce((sum, type) => sum + countOf(week, type), 0);
  const total = issued.reduce((sum, row) => sum + row.count, 0);
  const reasonRows = (statistics?.returnReasons ?? []).map((row) => ({
    ...row,
    text: reasonText(row.code, reasons, language),
  }));
  const hours = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });

  return (
    <section aria-labelledby="statistics-title">
      <h1 id="statistics-title">{t('page.statistics')}</h1>
      <p>{t('statistics.intro')}</p>
      <form className="card wide filters" onSubmit={show} aria-label={t('statistics.filters')} noValidate>
        <div className="field-row">
          <div className="field">
            <label htmlFor="statistics-office">{t('statistics.office')}</label>
            <select
              id="statistics-office"
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
          <Field
            label={t('statistics.from')}
            type="date"
            value={form.from}
            max={form.until || undefined}
            error={fromError}
            onChange={(event) => setForm({ ...form, from: event.target.value })}
          />
          <Field
            label={t('statistics.until')}
            type="date"
            value={form.until}
            min={form.from || undefined}
            error={untilError}
            onChange={(event) => setForm({ ...form, until: event.target.value })}
          />
        </div>
        <div className="buttons">
          <button type="submit">{t('statistics.show')}</button>
        </div>
      </form>

      {error !== undefined && <Notice kind="error">{errorText(t, error)}</Notice>}
      {!statistics && error === undefined && <p>{t('common.loading')}</p>}
      {statistics && (
        <>
          <p className="muted">
            {t('statistics.period', {
              from: formatDay(dayOf(statistics.from), language),
              until: formatDay(dayOf(statistics.until), language),
            })}
          </p>
          <dl className="facts card wide">
            <dt>{t('statistics.issued')}</dt>
            <dd data-testid="statistics-issued">{total}</dd>
            <dt>{t('statistics.decisions')}</dt>
            <dd data-testid="statistics-decisions">{statistics.decisions}</dd>
            <dt>{t('statistics.median')}</dt>
            <dd data-testid="statistics-median">
              {statistics.medianHoursToDecision === null
                ? t('statistics.noDecision')
                : t('statistics.hours', { hours: hours.format(statistics.medianHoursToDecision) })}
            </dd>
          </dl>

          <h2 id="statistics-weeks-title">{t('statistics.perWeek')}</h2>
          {total === 0 ? (
            <p>{t('statistics.nothingIssued')}</p>
          ) : (
            <>
              <WeeklyChart statistics={statistics} weeks={weeks} types={typeCodes} countOf={countOf} />
              <ul className="legend" aria-label={t('statistics.types')}>
                {typeCodes.map((type, index) => (
                  <li key={type}>
                    <span className="swatch" style={{ background: colourOf(index) }} aria-hidden="true" />
                    {type} — {typeName(type)}
                  </li>
                ))}
              </ul>
              <div className="table-scroll">
                <table aria-labelledby="statistics-weeks-title">
                  <thead>
                    <tr>
                      <th scope="col">{t('statistics.week')}</th>
                      {typeCodes.map((type) => (
                        <th scope="col" key={type} title={typeName(type)} className="number">
                          {type}
                        </th>
                      ))}
                      <th scope="col" className="number">
                        {t('statistics.total')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {weeks.map(({ week, monday }) => (
                      <tr key={week}>
                        <th scope="row">
                          {week}
                          <div className="muted">
                            {t('statistics.weekStarts', { date: formatDay(monday, language) })}
                          </div>
                        </th>
                        {typeCodes.map((type) => (
                          <td key={type} className="number">
                            {countOf(week, type)}
                          </td>
                        ))}
                        <td className="number">{weekTotal(week)}</td>
                      </tr>
                    ))}
                  </tbody>
                  <tfoot>
                    <tr>
                      <th scope="row">{t('statistics.total')}</th>
                      {typeCodes.map((type) => (
                        <td key={type} className="number">
                          {issued
                            .filter((row) => row.typeCode === type)
                            .reduce((sum, row) => sum + row.count, 0)}
                        </td>
                      ))}
                      <td className="number">{total}</td>
                    </tr>
                  </tfoot>
                </table>
              </div>
            </>
          )}

          <h2 id="statistics-reasons-title">{t('statistics.reasons')}</h2>
          {reasonRows.length === 0 ? (
            <p>{t('statistics.noReturns')}</p>
          ) : (
            <>
              <ReasonsChart
                rows={reasonRows}
                summary={t('statistics.reasonsSummary', {
                  reason: reasonRows[0]?.text ?? '',
                  count: reasonRows[0]?.count ?? 0,
                })}
              />
              <div className="table-scroll">
                <table aria-labelledby="statistics-reasons-title">
                  <thead>
                    <tr>
                      <th scope="col">{t('statistics.reason')}</th>
                      <th scope="col" className="number">
                        {t('statistics.times')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {reasonRows.map((row) => (
                      <tr key={row.code}>
                        <th scope="row" className="name">
                          {row.text}
                        </th>
                        <td className="number">{row.count}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </>
      )}
    </section>
  );
}
