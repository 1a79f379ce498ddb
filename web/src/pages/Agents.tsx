import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { AgentAuthorisation, Organisation, Session } from '../api';
import { ApiError, api } from '../api';
import { Field } from '../components/Field';
import { Notice } from '../components/Notice';
import { localised, useCertificateTypes } from '../certificate-types';
import { chinaDay } from '../days';
import { errorText } from '../errors';
import { useI18n } from '../i18n';
import { organisationName } from './names';

const today = () => chinaDay();
const inOneYear = () => chinaDay(364);

/** The enterprise administrator's agents: who may act for the enterprise, for what, until when. */
export function Agents({ session }: { session: Session }) {
  const { t, language } = useI18n();
  const enterpriseId = session.user.organisation.id;
  const [authorisations, setAuthorisations] = useState<AgentAuthorisation[]>();
  const [agencies, setAgencies] = useState<Organisation[]>([]);
  const [agencyId, setAgencyId] = useState('');
  const [types, setTypes] = useState<string[]>(['C']);
  const [validFrom, setValidFrom] = useState(today);
  const [validUntil, setValidUntil] = useState(inOneYear);
  const [error, setError] = useState<unknown>();
  const [message, setMessage] = useState<string>();
  const certificateTypes = useCertificateTypes(setError);

  const load = useCallback(async () => {
    try {
      setAuthorisations((await api.listAgentAuthorisations(enterpriseId)).items);
    } catch (failure) {
      setError(failure);
    }
  }, [enterpriseId]);
  useEffect(() => {
    void load();
    api.listOrganisations('agency').then((page) => setAgencies(page.items), setError);
  }, [load]);

  const name = (item: AgentAuthorisation) => (language === 'zh-CN' ? item.agencyName.zh : item.agencyName.en);
  const fieldError = (path: string) => (error instanceof ApiError ? error.fieldMessage(path) : undefined);

  const authorise = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(undefined);
    try {
      const created = await api.authoriseAgent(enterpriseId, {
        agencyId,
        certificateTypes: types,
        validFrom,
        validUntil,
      });
      setError(undefined);
      setMessage(t('agents.authorised', { name: name(created) }));
      await load();
    } catch (failure) {
      setError(failure);
    }
  };

  const revoke = async (item: AgentAuthorisation) => {
    if (!window.confirm(t('agents.confirmRevoke', { name: name(item) }))) return;
    try {
      await api.revokeAgent(item.id);
      await load();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <section aria-labelledby="agents-title">
      <h1 id="agents-title">{t('page.agents')}</h1>
      <p>{t('agents.intro')}</p>
      {message && <Notice kind="success">{message}</Notice>}
      {error !== undefined && <Notice kind="error">{errorText(t, error)}</Notice>}
      {authorisations && authorisations.length === 0 && <p>{t('agents.none')}</p>}
      {authorisations && authorisations.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('agents.agency')}</th>
              <th scope="col">{t('agents.types')}</th>
              <th scope="col">{t('agents.validFrom')}</th>
              <th scope="col">{t('agents.validUntil')}</th>
              <th scope="col">{t('common.status')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {authorisations.map((item) => (
              <tr key={item.id}>
                <td>{name(item)}</td>
                <td>{item.certificateTypes.join(', ')}</td>
                <td>{item.validFrom}</td>
                <td>{item.validUntil}</td>
                <td>{t(`agents.state.${item.state}`)}</td>
                <td>
                  {(item.state === 'active' || item.state === 'pending') && (
                    <button type="button" className="secondary" onClick={() => void revoke(item)}>
                      {t('agents.revoke')}
                      <span className="visually-hidden"> {name(item)}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <form className="card" onSubmit={authorise}>
        <h2>{t('agents.authorise')}</h2>
        <div className="field">
          <label htmlFor="agent-agency">{t('agents.agency')}</label>
          <select
            id="agent-agency"
            required
            value={agencyId}
            onChange={(event) => setAgencyId(event.target.value)}
          >
            <option value="" />
            {agencies.map((agency) => (
              <option key={agency.id} value={agency.id}>
                {organisationName(agency, language)}
              </option>
            ))}
          </select>
          {fieldError('agencyId') && <small className="error">{fieldError('agencyId')}</small>}
        </div>
        <fieldset>
          <legend>{t('agents.types')}</legend>
          <div className="field-row">
            {(certificateTypes ?? []).map(({ code, names }) => (
              <label key={code} className="choice" title={localised(names, language)}>
                <input
                  type="checkbox"
                  checked={types.includes(code)}
                  onChange={() =>
                    setTypes(types.includes(code) ? types.filter((type) => type !== code) : [...types, code])
                  }
                />
                {code}
              </label>
            ))}
          </div>
          {fieldError('certificateTypes') && (
            <small className="error">{fieldError('certificateTypes')}</small>
          )}
        </fieldset>
        <div className="field-row">
          <Field
            label={t('agents.validFrom')}
            type="date"
            required
            value={validFrom}
            error={fieldError('validFrom')}
            onChange={(event) => setValidFrom(event.target.value)}
          />
          <Field
            label={t('agents.validUntil')}
            type="date"
            required
            value={validUntil}
            error={fieldError('validUntil')}
            onChange={(event) => setValidUntil(event.target.value)}
          />
        </div>
        <button type="submit">{t('agents.authorise')}</button>
      </form>
    </section>
  );
}

/** Agent staff: the enterprises their agency acts for. */
export function Principals() {
  const { t, language } = useI18n();
  const [authorisations, setAuthorisations] = useState<AgentAuthorisation[]>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    api.listPrincipals().then((page) => setAuthorisations(page.items), setError);
  }, []);
  const name = (item: AgentAuthorisation) =>
    language === 'zh-CN' ? item.enterpriseName.zh : item.enterpriseName.en;
  return (
    <section aria-labelledby="principals-title">
      <h1 id="principals-title">{t('page.principals')}</h1>
      <p>{t('principals.intro')}</p>
      {error !== undefined && <Notice kind="error">{errorText(t, error)}</Notice>}
      {authorisations && authorisations.length === 0 && <p>{t('principals.none')}</p>}
      {authorisations && authorisations.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('principals.enterprise')}</th>
              <th scope="col">{t('agents.types')}</th>
              <th scope="col">{t('agents.validFrom')}</th>
              <th scope="col">{t('agents.validUntil')}</th>
              <th scope="col">{t('common.status')}</th>
            </tr>
          </thead>
          <tbody>
            {authorisations.map((item) => (
              <tr key={item.id}>
                <td>
                  {item.state === 'active' ? (
                    <a
                      href={`#/enterprise/${item.enterpriseId}`}
                      aria-label={t('principals.view', { name: name(item) })}
                    >
                      {name(item)}
                    </a>
                  ) : (
                    name(item)
                  )}
                </td>
                <td>{item.certificateTypes.join(', ')}</td>
                <td>{item.validFrom}</td>
                <td>{item.validUntil}</td>
                <td>{t(`agents.state.${item.state}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
