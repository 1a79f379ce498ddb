import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { ApplicationStatus, CertificateFilter, CertificateRow, Session } from '../api';
import { APPLICATION_STATUSES, ISSUED_STATUSES, api } from '../api';
import { CountrySelect } from '../components/CountrySelect';
import { Notice } from '../components/Notice';
import { PageButtons, usePages } from '../components/Pager';
import { localised, useCertificateTypes } from '../certificate-types';
import { countryName } from '../countries';
import { errorText } from '../errors';
import { useI18n } from '../i18n';
import { formatTime, useEnterpriseNames } from './names';

type Cursor = { createdAt: string; id: string };
/** A status, or every status of a certificate in force. */
type StatusChoice = ApplicationStatus | 'issued' | '';

const EMPTY_FORM = {
  certificateNumber: '',
  status: '' as StatusChoice,
  typeCode: '',
  destinationCountry: '',
  invoiceNumber: '',
  from: '',
  until: '',
};

function filterOf(form: typeof EMPTY_FORM): CertificateFilter {
  return {
    certificateNumber: form.certificateNumber.trim() || undefined,
    statuses: form.status === 'issued' ? ISSUED_STATUSES : form.status ? [form.status] : undefined,
    typeCode: form.typeCode || undefined,
    destinationCountry: form.destinationCountry || undefined,
    invoiceNumber: form.invoiceNumber.trim() || undefined,
    from: form.from || undefined,
    until: form.until || undefined,
  };
}

/**
 * Certificate Query: an enterprise's or agency's own applications and certificates, found by number,
 * status, type, destination, invoice number and submission dates, newest first; each opens with its
 * history; the same search downloads as CSV.
 */
export function CertificateQuery({ session }: { session: Session }) {
  const { t, language } = useI18n();
  const [form, setForm] = useState(EMPTY_FORM);
  const [filter, setFilter] = useState<CertificateFilter>({});
  const pages = usePages<Cursor>();
  const [items, setItems] = useState<CertificateRow[]>();
  const [error, setError] = useState<unknown>();
  const types = useCertificateTypes(setError);
  const enterpriseNames = useEnterpriseNames(session, setError);
  const isAgency = session.user.organisation.kind === 'agency';

  const { cursor: before, setNext } = pages;
  const load = useCallback(async () => {
    try {
      const page = await api.queryCertificates(filter, before);
      setItems(page.items);
      setNext(page.next);
      setError(undefined);
    } catch (failure) {
      setError(failure);
    }
  }, [filter, before, setNext]);
  useEffect(() => {
    void load();
  }, [load]);

  const search = (event: FormEvent) => {
    event.preventDefault();
    setFilter(filterOf(form));
    pages.restart();
  };
  const clear = () => {
    setForm(EMPTY_FORM);
    setFilter({});
    pages.restart();
  };

  const typeName = (code: string) => {
    const type = types?.find((candidate) => candidate.code === code);
    return type ? localised(type.names, language) : code;
  };
  const destination = (code: string) => (code ? `${countryName(code, language)} (${code})` : '—');
  const text = (name: keyof typeof EMPTY_FORM) => ({
    value: form[name],
    onChange: (event: { target: { value: string } }) => setForm({ ...form, [name]: event.target.value }),
  });

  return (
    <section aria-labelledby="certificates-title">
      <h1 id="certificates-title">{t('page.certificateQuery')}</h1>
      <p>{t('certificates.intro')}</p>
      <form className="card wide filters" onSubmit={search} aria-label={t('certificates.filters')}>
        <div className="field-row">
          <div className="field">
            <label htmlFor="query-number">{t('application.certificateNumber')}</label>
            <input
              id="query-number"
              autoCapitalize="characters"
              maxLength={40}
              {...text('certificateNumber')}
            />
          </div>
          <div className="field">
            <label htmlFor="query-status">{t('common.status')}</label>
            <select id="query-status" {...text('status')}>
              <option value="">{t('common.all')}</option>
              <option value="issued">{t('certificates.inForce')}</option>
              {APPLICATION_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`applications.status.${status}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="query-type">{t('applications.type')}</label>
            <select id="query-type" {...text('typeCode')}>
              <option value="">{t('common.all')}</option>
              {(types ?? []).map((type) => (
                <option key={type.code} value={type.code}>
                  {type.code} — {localised(type.names, language)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="query-destination">{t('applications.destination')}</label>
            <CountrySelect
              id="query-destination"
              value={form.destinationCountry}
              onValue={(code) => setForm({ ...form, destinationCountry: code })}
              countries="*"
              emptyLabel={t('common.all')}
            />
          </div>
          <div className="field">
            <label htmlFor="query-invoice">{t('certificates.invoice')}</label>
            <input id="query-invoice" maxLength={80} {...text('invoiceNumber')} />
          </div>
          <div className="field">
            <label htmlFor="query-from">{t('certificates.from')}</label>
            <input id="query-from" type="date" {...text('from')} />
          </div>
          <div className="field">
            <label htmlFor="query-until">{t('certificates.until')}</label>
            <input id="query-until" type="date" min={form.from || undefined} {...text('until')} />
          </div>
        </div>
        <div className="buttons">
          <button type="submit">{t('certificates.search')}</button>
          <button type="button" className="secondary" onClick={clear}>
            {t('certificates.clear')}
          </button>
        </div>
      </form>

      <p>
        <a href={api.certificateExportUrl(filter)} download="certificates.csv">
          {t('certificates.export')}
        </a>
      </p>
      {error !== undefined && <Notice kind="error">{errorText(t, error)}</Notice>}
      {items && items.length === 0 && <p>{t('certificates.none')}</p>}
      {items && items.length > 0 && (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('application.certificateNumber')}</th>
                <th scope="col">{t('applications.type')}</th>
                {isAgency && <th scope="col">{t('applications.enterprise')}</th>}
                <th scope="col">{t('common.status')}</th>
                <th scope="col">{t('applications.destination')}</th>
                <th scope="col">{t('applications.consignee')}</th>
                <th scope="col">{t('applications.invoices')}</th>
                <th scope="col">{t('certificates.submitted')}</th>
                <th scope="col">{t('certificate.issuedOn')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => {
                const enterprise = enterpriseNames.get(item.enterpriseId);
                return (
                  <tr key={item.id}>
                    <td className="nowrap">
                      <a href={`#/applications/${item.id}`}>
                        {item.certificateNumber ?? t('certificates.notNumbered')}
                        <span className="visually-hidden">
                          {' '}
                          {t('applications.rowLabel', {
                            type: typeName(item.typeCode),
                            destination: destination(item.destinationCountry),
                            consignee: item.consigneeName || '—',
                            invoices: item.invoiceNumbers.join(', ') || '—',
                          })}
                        </span>
                      </a>
                      {item.kind !== 'original' && (
                        <div className="muted">{t(`certificateKind.${item.kind}`)}</div>
                      )}
                    </td>
                    <td title={typeName(item.typeCode)}>{item.typeCode}</td>
                    {isAgency && <td>{enterprise ? localised(enterprise, language) : '—'}</td>}
                    <td>{t(`applications.status.${item.status}`)}</td>
                    <td>{destination(item.destinationCountry)}</td>
                    <td className="name">{item.consigneeName || '—'}</td>
                    <td>{item.invoiceNumbers.filter(Boolean).join(', ') || '—'}</td>
                    <td>{formatTime(item.submittedAt, language)}</td>
                    <td>{formatTime(item.approvedAt, language)}</td>
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
