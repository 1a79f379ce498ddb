import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { AgentAuthorisation, CertificateType, EnterpriseProfile, Session } from '../api';
import { ApiError, api } from '../api';
import { CountrySelect } from '../components/CountrySelect';
import { Notice } from '../components/Notice';
import { localised, useCertificateTypes } from '../certificate-types';
import { errorText } from '../errors';
import { useI18n } from '../i18n';
import { blankItem, blankOption } from './certificate-layout';
import { organisationName } from './names';

const accepts = (type: CertificateType, country: string) =>
  country !== 'CN' && (type.importingCountries === '*' || type.importingCountries.includes(country));

/**
 * Starts an application: who applies (an enterprise's own staff for it; agent staff for a principal that
 * authorised them), the certificate type and the destination; then the draft opens with one goods item and
 * one invoice to fill.
 */
export function NewApplication({ session }: { session: Session }) {
  const { t, language } = useI18n();
  const { organisation } = session.user;
  const isAgency = organisation.kind === 'agency';
  const [principals, setPrincipals] = useState<AgentAuthorisation[]>();
  const [enterpriseId, setEnterpriseId] = useState(isAgency ? '' : organisation.id);
  const [typeCode, setTypeCode] = useState('');
  const [destination, setDestination] = useState('');
  const [profile, setProfile] = useState<EnterpriseProfile>();
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<unknown>();
  const types = useCertificateTypes(setError);

  useEffect(() => {
    if (isAgency)
      api
        .listPrincipals()
        .then((page) => setPrincipals(page.items.filter((item) => item.state === 'active')), setError);
  }, [isAgency]);
  useEffect(() => {
    if (enterpriseId) api.getEnterpriseProfile(enterpriseId).then(setProfile, setError);
  }, [enterpriseId]);

  // Agent staff may apply only for the types each principal authorised today.
  const enterprises = new Map((principals ?? []).map((item) => [item.enterpriseId, item.enterpriseName]));
  const authorisedTypes = new Set(
    (principals ?? [])
      .filter((item) => item.enterpriseId === enterpriseId)
      .flatMap((item) => item.certificateTypes),
  );
  const choices = (types ?? []).filter((type) => !isAgency || authorisedTypes.has(type.code));
  const type = choices.find((candidate) => candidate.code === typeCode);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (!type) return;
    setWorking(true);
    try {
      const created = await api.createApplication({
        enterpriseId,
        typeCode: type.code,
        data: {
          destinationCountry: destination,
          consignee: { name: '', address: '', country: destination },
          items: [blankItem(type)],
          invoices: [{ number: '', date: '' }],
          backToBack: type.backToBackOnly ? blankOption('backToBack') : null,
        },
      });
      window.location.hash = `#/applications/${created.id}`;
    } catch (failure) {
      setError(failure);
      setWorking(false);
    }
  };

  const fieldError = (path: string) => (error instanceof ApiError ? error.fieldMessage(path) : undefined);

  return (
    <section aria-labelledby="new-application-title">
      <h1 id="new-application-title">{t('page.newApplication')}</h1>
      <p>{t('newApplication.intro')}</p>
      {error !== undefined && <Notice kind="error">{errorText(t, error)}</Notice>}
      {isAgency && principals?.length === 0 && <p>{t('newApplication.noPrincipals')}</p>}
      {profile && !profile.mayApply && <p className="notice notice-error">{t('newApplication.notReady')}</p>}
      <form className="card" onSubmit={create}>
        {isAgency ? (
          <div className="field">
            <label htmlFor="new-enterprise">{t('newApplication.enterprise')}</label>
            <select
              id="new-enterprise"
              required
              value={enterpriseId}
              onChange={(event) => {
                setEnterpriseId(event.target.value);
                setTypeCode('');
                setProfile(undefined);
              }}
            >
              <option value="">{t('newApplication.pickEnterprise')}</option>
              {[...enterprises].map(([id, name]) => (
                <option key={id} value={id}>
                  {localised(name, language)}
                </option>
              ))}
            </select>
            {fieldError('enterpriseId') && <small className="error">{fieldError('enterpriseId')}</small>}
          </div>
        ) : (
          <p>
            <span className="label">{t('newApplication.enterprise')}</span>
            <br />
            {organisationName(organisation, language)}
          </p>
        )}
        <div className="field">
          <label htmlFor="new-type">{t('newApplication.type')}</label>
          <select
            id="new-type"
            required
            disabled={isAgency && !enterpriseId}
            value={typeCode}
            onChange={(event) => {
              setTypeCode(event.target.value);
              const next = choices.find((candidate) => candidate.code === event.target.value);
              if (next && destination && !accepts(next, destination)) setDestination('');
            }}
          >
            <option value="">{t('newApplication.pickType')}</option>
            {choices.map((choice) => (
              <option key={choice.code} value={choice.code}>
                {choice.code} — {localised(choice.names, language)}
              </option>
            ))}
          </select>
          {fieldError('typeCode') && <small className="error">{fieldError('typeCode')}</small>}
        </div>
        <div className="field">
          <label htmlFor="new-destination">{t('newApplication.destination')}</label>
          <CountrySelect
            id="new-destination"
            aria-required
            value={destination}
            onValue={setDestination}
            countries={type?.importingCountries ?? '*'}
          />
          {type && type.importingCountries !== '*' && (
            <small className="hint">
              {t('newApplication.destinationHint', { count: type.importingCountries.length })}
            </small>
          )}
        </div>
        <button type="submit" disabled={working || !type || !destination || !enterpriseId}>
          {working ? t('newApplication.creating') : t('newApplication.create')}
        </button>
      </form>
    </section>
  );
}
