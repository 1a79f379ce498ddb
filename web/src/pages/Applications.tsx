import { useCallback, useEffect, useState } from 'react';
import type { ApplicationStatus, ApplicationSummary, EnterpriseProfile, Session } from '../api';
import { APPLICATION_STATUSES, api } from '../api';
import { Notice } from '../components/Notice';
import { PageButtons, usePages } from '../components/Pager';
import { localised, useCertificateTypes } from '../certificate-types';
import { countryName } from '../countries';
import { errorText } from '../errors';
import { useI18n } from '../i18n';
import { formatTime, useEnterpriseNames } from './names';

type Cursor = { updatedAt: string; id: string };

/** The applications an enterprise or agency has made, newest first: open one, or copy it for a new shipment. */
export function Applications({ session }: { session: Session }) {
  const { t, language } = useI18n();
  const [status, setStatus] = useState<ApplicationStatus | ''>('');
  const pages = usePages<Cursor>();
  const [items, setItems] = useState<ApplicationSummary[]>();
  const [profile, setProfile] = useState<EnterpriseProfile>();
  const [copying, setCopying] = useState<string>();
  const [error, setError] = useState<unknown>();
  const types = useCertificateTypes(setError);
  const enterpriseNames = useEnterpriseNames(session, setError);
  const { organisation } = session.user;
  const isAgency = organisation.kind === 'agency';

  const { cursor: before, setNext } = pages;
  const load = useCallback(async () => {
    try {
      const page = await api.listApplications({ status: status || undefined, before });
      setItems(page.items);
      setNext(page.next);
    } catch (failure) {
      setError(failure);
    }
  }, [status, before, setNext]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (!isAgency) api.getEnterpriseProfile(organisation.id).then(setProfile, setError);
  }, [isAgency, organisation.id]);

  const copy = async (item: ApplicationSummary) => {
    setCopying(item.id);
    try {
      const created = await api.createApplication({
        enterpriseId: item.enterpriseId,
        typeCode: item.typeCode,
        copyFrom: item.id,
      });
      window.location.hash = `#/applications/${created.id}`;
    } catch (failure) {
      setError(failure);
      setCopying(undefined);
    }
  };

  const typeName = (code: string) => {
    const type = types?.find((candidate) => candidate.code === code);
    return type ? localised(type.names, language) : code;
  };
  const destination = (code: string) => (code ? `${countryName(code, language)} (${code})` : '—');

  return (
    <section aria-labelledby="applications-title">
      <h1 id="applications-title">{t('page.applications')}</h1>
      <p>{t('applications.intro')}</p>
      {profile && !profile.mayApply && (
        <p className="notice notice-error">
          {t('applications.profileNotReady')} <a href="#/enterprise-profile">{t('application.toProfile')}</a>
        </p>
      )}
      <p>
        <a className="button" href="#/new-application">
          {t('page.newApplication')}
        </a>
      </p>
      <div className="field inline">
        <label htmlFor="application-status">{t('common.status')}</label>
        <select
          id="application-status"
          value={status}
          onChange={(event) => {
            setStatus(event.target.value as ApplicationStatus | '');
            pages.restart();
          }}
        >
          <option value="">{t('common.all')}</option>
          {APPLICATION_STATUSES.map((option) => (
            <option key={option} value={option}>
              {t(`applications.status.${option}`)}
            </option>
          ))}
        </select>
      </div>
      {error !== undefined && <Notice kind="error">{errorText(t, error)}</Notice>}
      {items && items.length === 0 && (
        <p>
          {status
            ? t('applications.noneWithStatus', { status: t(`applications.status.${status}`) })
            : t('applications.none')}
        </p>
      )}
      {items && items.length > 0 && (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('applications.type')}</th>
                {isAgency && <th scope="col">{t('applications.enterprise')}</th>}
                <th scope="col">{t('applications.destination')}</th>
                <th scope="col">{t('applications.consignee')}</th>
                <th scope="col">{t('applications.invoices')}</th>
                <th scope="col">{t('applications.items')}</th>
                <th scope="col">{t('common.status')}</th>
                <th scope="col">{t('applications.updated')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => {
                const enterprise = enterpriseNames.get(item.enterpriseId);
                const described = t('applications.rowLabel', {
                  type: typeName(item.typeCode),
                  destination: destination(item.destinationCountry),
                  consignee: item.consigneeName || '—',
                  invoices: item.invoiceNumbers.join(', ') || '—',
                });
                return (
                  <tr key={item.id}>
                    <td>
                      <a href={`#/applications/${item.id}`} title={typeName(item.typeCode)}>
                        <strong>{item.typeCode}</strong>
                        <span className="visually-hidden"> {described}</span>
                      </a>
                    </td>
                    {isAgency && <td>{enterprise ? localised(enterprise, language) : '—'}</td>}
                    <td className="nowrap">{destination(item.destinationCountry)}</td>
                    <td>
                      <div className="long">{item.consigneeName || '—'}</div>
                    </td>
                    <td>{item.invoiceNumbers.filter(Boolean).join(', ') || '—'}</td>
                    <td>{item.itemCount}</td>
                    <td>{t(`applications.status.${item.status}`)}</td>
                    <td className="nowrap">{formatTime(item.updatedAt, language)}</td>
                    <td>
                      <button
                        type="button"
                        className="secondary"
                        disabled={copying !== undefined}
                        onClick={() => void copy(item)}
                      >
                        {t('applications.copy')}
                        <span className="visually-hidden"> {described}</span>
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <PageButtons pages={pages} back={t('common.previous')} forward={t('common.next')} />
    </section>
  );
}
