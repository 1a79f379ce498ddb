import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { Organisation, QueueFilter, QueueItem, Session } from '../api';
import { QUEUED_STATUSES, api } from '../api';
import { ActionError } from '../components/ActionError';
import { Notice } from '../components/Notice';
import { PageButtons, usePages } from '../components/Pager';
import { localised, useCertificateTypes } from '../certificate-types';
import { countryName } from '../countries';
import { errorText } from '../errors';
import { useI18n } from '../i18n';
import { formatTime, organisationName } from './names';

type Cursor = { submittedAt: string; id: string };

/**
 * The review queue of an officer's offices, oldest submission first, with filters (office, type,
 * enterprise, minimum age, only flagged by the automated checks, only one's own); a row opens the review,
 * and an unclaimed one can be claimed from here.
 */
export function ReviewQueue({ session }: { session: Session }) {
  const { t, language } = useI18n();
  const offices = session.user.offices;
  const [form, setForm] = useState({
    officeId: '',
    typeCode: '',
    enterpriseId: '',
    minAgeHours: '',
    flaggedOnly: false,
    mine: false,
  });
  const [filter, setFilter] = useState<QueueFilter>({});
  const pages = usePages<Cursor>();
  const [items, setItems] = useState<QueueItem[]>();
  const [enterprises, setEnterprises] = useState<Organisation[]>([]);
  const [claiming, setClaiming] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [claimError, setClaimError] = useState<unknown>();
  const types = useCertificateTypes(setError);

  const { cursor: after, setNext } = pages;
  const load = useCallback(async () => {
    try {
      const page = await api.listReviewQueue(filter, after);
      setItems(page.items);
      setNext(page.next);
      setError(undefined);
    } catch (failure) {
      setError(failure);
    }
  }, [filter, after, setNext]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    api.listOrganisations('enterprise').then((page) => setEnterprises(page.items), setError);
  }, []);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const minAge = Number.parseInt(form.minAgeHours, 10);
    setFilter({
      officeId: form.officeId || undefined,
      typeCode: form.typeCode || undefined,
      enterpriseId: form.enterpriseId || undefined,
      minAgeHours: Number.isFinite(minAge) && minAge > 0 ? minAge : undefined,
      flaggedOnly: form.flaggedOnly,
      mine: form.mine,
    });
    pages.restart();
  };

  const claim = async (item: QueueItem) => {
    setClaiming(item.id);
    setClaimError(undefined);
    try {
      await api.claimApplication(item.id, item.version);
      window.location.hash = `#/review/${item.id}`;
    } catch (failure) {
      setClaimError(failure);
      setClaiming(undefined);
    }
  };

  const typeName = (code: string) => {
    const type = types?.find((candidate) => candidate.code === code);
    return type ? localised(type.names, language) : code;
  };
  const enterpriseName = (item: QueueItem) => {
    const enterprise = enterprises.find((candidate) => candidate.id === item.enterpriseId);
    return enterprise ? organisationName(enterprise, language) : item.enterpriseName;
  };
  const officeName = (id: string) => {
    const office = offices.find((candidate) => candidate.id === id);
    return office ? organisationName(office, language) : id;
  };
  const reviewer = (item: QueueItem) =>
    item.reviewerId === session.user.id ? t('queue.reviewerYou') : t('queue.reviewerOther');

  return (
    <section aria-labelledby="queue-title">
      <h1 id="queue-title">{t('page.reviewQueue')}</h1>
      <p>{t('queue.intro')}</p>
      <form className="card wide filters" onSubmit={apply} aria-label={t('queue.filters')}>
        <div className="field-row">
          <div className="field">
            <label htmlFor="queue-office">{t('queue.office')}</label>
            <select
              id="queue-office"
              value={form.officeId}
              onChange={(event) => setForm({ ...form, officeId: event.target.value })}
            >
              <option value="">{t('common.all')}</option>
              {offices.map((office) => (
                <option key={office.id} value={office.id}>
                  {organisationName(office, language)} ({office.code})
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="queue-type">{t('applications.type')}</label>
            <select
              id="queue-type"
              value={form.typeCode}
              onChange={(event) => setForm({ ...form, typeCode: event.target.value })}
            >
              <option value="">{t('common.all')}</option>
              {(types ?? []).map((type) => (
                <option key={type.code} value={type.code}>
                  {type.code} — {localised(type.names, language)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="queue-enterprise">{t('applications.enterprise')}</label>
            <select
              id="queue-enterprise"
              value={form.enterpriseId}
              onChange={(event) => setForm({ ...form, enterpriseId: event.target.value })}
            >
              <option value="">{t('common.all')}</option>
              {enterprises.map((enterprise) => (
                <option key={enterprise.id} value={enterprise.id}>
                  {organisationName(enterprise, language)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="queue-age">{t('queue.minAge')}</label>
            <input
              id="queue-age"
              type="number"
              inputMode="numeric"
              min={0}
              step={1}
              value={form.minAgeHours}
              onChange={(event) => setForm({ ...form, minAgeHours: event.target.value })}
            />
          </div>
        </div>
        <div className="choices">
          <label className="choice">
            <input
              type="checkbox"
              checked={form.flaggedOnly}
              onChange={(event) => setForm({ ...form, flaggedOnly: event.target.checked })}
            />
            {t('queue.flaggedOnly')}
          </label>
          <label className="choice">
            <input
              type="checkbox"
              checked={form.mine}
              onChange={(event) => setForm({ ...form, mine: event.target.checked })}
            />
            {t('queue.mine')}
          </label>
        </div>
        <div className="buttons">
          <button type="submit">{t('queue.show')}</button>
        </div>
      </form>

      {error !== undefined && <Notice kind="error">{errorText(t, error)}</Notice>}
      {claimError !== undefined && <ActionError error={claimError} onReload={() => void load()} />}
      {items && items.length === 0 && (
        <p>{!pages.isLast ? t('queue.noneOnPage') : !pages.isFirst ? t('queue.noMore') : t('queue.none')}</p>
      )}
      {items && items.length > 0 && (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('applications.type')}</th>
                <th scope="col">{t('applications.enterprise')}</th>
                <th scope="col">{t('applications.destination')}</th>
                <th scope="col">{t('applications.invoices')}</th>
                <th scope="col">{t('queue.submitted')}</th>
                <th scope="col">{t('queue.checks')}</th>
                <th scope="col">{t('common.status')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => {
                const described = t('queue.rowLabel', {
                  type: typeName(item.typeCode),
                  enterprise: enterpriseName(item),
                  invoices: item.invoiceNumbers.join(', ') || '—',
                });
                return (
                  <tr key={item.id} className={item.checksFailed > 0 ? 'flagged' : undefined}>
                    <td>
                      <a href={`#/review/${item.id}`} title={typeName(item.typeCode)}>
                        <strong>{item.typeCode}</strong>
                        <span className="visually-hidden"> {described}</span>
                      </a>
                      {offices.length > 1 && <div className="muted">{officeName(item.officeId)}</div>}
                    </td>
                    <td className="name">{enterpriseName(item)}</td>
                    <td>
                      {item.destinationCountry
                        ? `${countryName(item.destinationCountry, language)} (${item.destinationCountry})`
                        : '—'}
                    </td>
                    <td>{item.invoiceNumbers.filter(Boolean).join(', ') || '—'}</td>
                    <td>
                      {formatTime(item.submittedAt, language)}
                      <div className="muted">{t('queue.waiting', { hours: item.ageHours })}</div>
                    </td>
                    <td className="nowrap">
                      {item.checksFailed > 0 ? (
                        <strong className="error">
                          {t('queue.checksFailed', { count: item.checksFailed })}
                        </strong>
                      ) : (
                        t('queue.checksPassed')
                      )}
                      {item.warnings > 0 && (
                        <div className="muted">{t('queue.warnings', { count: item.warnings })}</div>
                      )}
                    </td>
                    <td>
                      {t(`applications.status.${item.status}`)}
                      {item.status === 'under_review' && (
                        <div className="muted">{t('queue.claimedBy', { reviewer: reviewer(item) })}</div>
                      )}
                    </td>
                    <td>
                      {QUEUED_STATUSES.includes(item.status) && (
                        <button
                          type="button"
                          disabled={claiming !== undefined}
                          onClick={() => void claim(item)}
                        >
                          {t('review.claim')}
                          <span className="visually-hidden"> {described}</span>
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <PageButtons pages={pages} back={t('common.pagePrevious')} forward={t('common.pageNext')} />
    </section>
  );
}
