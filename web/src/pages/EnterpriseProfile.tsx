import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type {
  Division,
  EnterpriseProfile,
  EnterpriseProfileData,
  Organisation,
  ProfileVersion,
} from '../api';
import { ApiError, api } from '../api';
import { Field } from '../components/Field';
import { Notice } from '../components/Notice';
import { errorText } from '../errors';
import type { MessageKey } from '../i18n';
import { DICTIONARIES, useI18n } from '../i18n';
import { formatTime, organisationName } from './names';

type TextField = Exclude<
  keyof EnterpriseProfileData,
  'signatories' | 'applicantCommitment' | 'applicationMode' | 'fax'
>;
const MODES = ['self', 'agent', 'message_import'] as const;

function emptyForm(uscc: string): EnterpriseProfileData {
  return {
    uscc,
    customsCode: '',
    nameZh: '',
    nameEn: '',
    addressZh: '',
    addressEn: '',
    divisionCode: '',
    affiliatedOfficeId: '',
    applicationMode: 'self',
    telephone: '',
    fax: null,
    email: '',
    legalRepresentative: '',
    legalRepresentativeTelephone: '',
    contactPerson: '',
    contactTelephone: '',
    signatories: [{ name: '', idNumber: '', telephone: '' }],
    applicantCommitment: false,
  };
}

/** The enterprise basic information: first-time maintenance, changes, synchronisation status, history. */
export function EnterpriseProfilePage({ orgId, canEdit }: { orgId: string; canEdit: boolean }) {
  const { t, language } = useI18n();
  const [profile, setProfile] = useState<EnterpriseProfile>();
  const [form, setForm] = useState<EnterpriseProfileData | null>(null);
  const [history, setHistory] = useState<ProfileVersion[]>([]);
  const [offices, setOffices] = useState<Organisation[]>([]);
  const [divisions, setDivisions] = useState<Division[]>([]);
  const [uscc, setUscc] = useState('');
  const [error, setError] = useState<unknown>();
  const [message, setMessage] = useState<string>();

  const load = useCallback(async () => {
    try {
      const [current, versions] = await Promise.all([
        api.getEnterpriseProfile(orgId),
        api.listEnterpriseProfileHistory(orgId),
      ]);
      setProfile(current);
      setHistory(versions.items);
      return current;
    } catch (failure) {
      setError(failure);
      return undefined;
    }
  }, [orgId]);

  useEffect(() => {
    void load().then((current) => setForm(current?.data ?? null));
    api.listOrganisations('office').then((page) => setOffices(page.items), setError);
    api.listAdministrativeDivisions().then((page) => setDivisions(page.items), setError);
  }, [load]);

  // Follow the synchronisation while it is under way.
  const pending =
    profile?.maintained &&
    (profile.sync.status === 'not_synchronised' || profile.sync.status === 'synchronising');
  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(() => void load(), 1500);
    return () => clearInterval(timer);
  }, [pending, load]);

  const fieldError = (path: string) => (error instanceof ApiError ? error.fieldMessage(path) : undefined);
  const label = (field: string) => {
    const key = `field.${field}` as MessageKey;
    return key in DICTIONARIES.en ? t(key) : field;
  };

  const lookup = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(undefined);
    try {
      const { registered, affiliatedOfficeId } = await api.lookupRegisteredEnterprise(uscc.trim());
      setError(undefined);
      setForm({
        ...emptyForm(registered.uscc),
        customsCode: registered.customsCode,
        nameZh: registered.nameZh,
        nameEn: registered.nameEn ?? '',
        addressZh: registered.addressZh,
        addressEn: registered.addressEn ?? '',
        divisionCode: registered.divisionCode,
        affiliatedOfficeId: affiliatedOfficeId ?? '',
        telephone: registered.telephone,
        email: registered.email,
        legalRepresentative: registered.legalRepresentative,
      });
    } catch (failure) {
      setError(failure);
      if (failure instanceof ApiError && failure.code === 'DEPENDENCY_UNAVAILABLE')
        setForm(emptyForm(uscc.trim()));
    }
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!form || !profile) return;
    setMessage(undefined);
    try {
      const saved = await api.saveEnterpriseProfile(orgId, profile.version, form);
      setError(undefined);
      setProfile(saved);
      setMessage(t('profile.saved', { version: saved.version }));
      await load();
    } catch (failure) {
      setError(failure);
    }
  };

  const retry = async () => {
    try {
      setProfile(await api.retryEnterpriseSync(orgId));
      setError(undefined);
    } catch (failure) {
      setError(failure);
    }
  };

  if (!profile) {
    return (
      <section>
        <h1>{t('page.enterpriseProfile')}</h1>
        {error !== undefined ? (
          <Notice kind="error">{errorText(t, error)}</Notice>
        ) : (
          <p>{t('common.loading')}</p>
        )}
      </section>
    );
  }

  const set = <K extends keyof EnterpriseProfileData>(key: K, value: EnterpriseProfileData[K]) =>
    setForm((previous) => (previous ? { ...previous, [key]: value } : previous));
  const text = (key: TextField, options: { maxLength?: number; type?: string } = {}) =>
    form && (
      <Field
        label={label(key)}
        name={key}
        value={form[key]}
        disabled={!canEdit}
        type={options.type ?? 'text'}
        maxLength={options.maxLength}
        error={fieldError(key)}
        onChange={(event) => set(key, event.target.value)}
      />
    );

  const province = divisions.find((candidate) => candidate.code === form?.divisionCode.slice(0, 2));
  const city = province?.children?.find((candidate) => candidate.code === form?.divisionCode.slice(0, 4));

  return (
    <section aria-labelledby="profile-title">
      <h1 id="profile-title">{t('page.enterpriseProfile')}</h1>
      <p>{t('profile.intro')}</p>
      {!canEdit && <p className="muted">{t('profile.readOnly')}</p>}

      {profile.maintained && (
        <div className="card" role="status" aria-live="polite">
          <h2>{t('profile.syncStatus')}</h2>
          <p>
            <strong data-testid="sync-status">{t(`sync.${profile.sync.status}`)}</strong>{' '}
            <span className="muted">
              {t('profile.version', { version: profile.version })} ·{' '}
              {formatTime(profile.sync.updatedAt, language)}
            </span>
          </p>
          {profile.sync.error && <p className="error">{profile.sync.error}</p>}
          <p>{profile.mayApply ? t('profile.mayApply') : t('profile.notReady')}</p>
          {canEdit && (profile.sync.status === 'failed' || profile.sync.status === 'not_synchronised') && (
            <button type="button" onClick={() => void retry()}>
              {t('profile.retrySync')}
            </button>
          )}
        </div>
      )}

      {message && <Notice kind="success">{message}</Notice>}
      {error !== undefined && <Notice kind="error">{errorText(t, error)}</Notice>}

      {!form && canEdit && (
        <form className="card" onSubmit={lookup}>
          <h2>{t('profile.lookupTitle')}</h2>
          <Field
            label={t('field.uscc')}
            hint={t('profile.lookupHint')}
            value={uscc}
            maxLength={18}
            required
            error={fieldError('uscc')}
            onChange={(event) => setUscc(event.target.value.toUpperCase())}
          />
          <button type="submit">{t('profile.lookup')}</button>
        </form>
      )}

      {form && (
        <form className="card wide" onSubmit={save}>
          <fieldset>
            <legend>{t('profile.identity')}</legend>
            <Field label={t('field.uscc')} value={form.uscc} disabled error={fieldError('uscc')} readOnly />
            {text('customsCode', { maxLength: 10 })}
            {text('nameZh')}
            {text('nameEn')}
            {text('addressZh')}
            {text('addressEn')}
            <div className="field-row">
              <div className="field">
                <label htmlFor="division-province">{t('profile.province')}</label>
                <select
                  id="division-province"
                  disabled={!canEdit}
                  value={province?.code ?? ''}
                  onChange={(event) => set('divisionCode', event.target.value)}
                >
                  <option value="" />
                  {divisions.map((candidate) => (
                    <option key={candidate.code} value={candidate.code}>
                      {candidate.name}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="division-city">{t('profile.city')}</label>
                <select
                  id="division-city"
                  disabled={!canEdit || !province}
                  value={city?.code ?? ''}
                  onChange={(event) => set('divisionCode', event.target.value)}
                >
                  <option value="" />
                  {(province?.children ?? []).map((candidate) => (
                    <option key={candidate.code} value={candidate.code}>
                      {candidate.name}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="division-county">{t('profile.county')}</label>
                <select
                  id="division-county"
                  disabled={!canEdit || !city}
                  value={form.divisionCode.length === 6 ? form.divisionCode : ''}
                  onChange={(event) => set('divisionCode', event.target.value)}
                >
                  <option value="" />
                  {(city?.children ?? []).map((candidate) => (
                    <option key={candidate.code} value={candidate.code}>
                      {candidate.name} ({candidate.code})
                    </option>
                  ))}
                </select>
              </div>
            </div>
            {fieldError('divisionCode') && <small className="error">{fieldError('divisionCode')}</small>}
            <div className="field">
              <label htmlFor="affiliated-office">{t('field.affiliatedOfficeId')}</label>
              <select
                id="affiliated-office"
                disabled={!canEdit}
                value={form.affiliatedOfficeId}
                onChange={(event) => set('affiliatedOfficeId', event.target.value)}
              >
                <option value="" />
                {offices.map((office) => (
                  <option key={office.id} value={office.id}>
                    {organisationName(office, language)} ({office.code})
                  </option>
                ))}
              </select>
              {fieldError('affiliatedOfficeId') && (
                <small className="error">{fieldError('affiliatedOfficeId')}</small>
              )}
            </div>
            <div className="field">
              <label htmlFor="application-mode">{t('field.applicationMode')}</label>
              <select
                id="application-mode"
                disabled={!canEdit}
                value={form.applicationMode}
                onChange={(event) =>
                  set('applicationMode', event.target.value as EnterpriseProfileData['applicationMode'])
                }
              >
                {MODES.map((mode) => (
                  <option key={mode} value={mode}>
                    {t(`mode.${mode}`)}
                  </option>
                ))}
              </select>
            </div>
          </fieldset>

          <fieldset>
            <legend>{t('profile.contact')}</legend>
            {text('telephone')}
            <Field
              label={t('field.fax')}
              value={form.fax ?? ''}
              disabled={!canEdit}
              error={fieldError('fax')}
              onChange={(event) => set('fax', event.target.value || null)}
            />
            {text('email', { type: 'email' })}
            {text('legalRepresentative')}
            {text('legalRepresentativeTelephone')}
            {text('contactPerson')}
            {text('contactTelephone')}
          </fieldset>

          <fieldset>
            <legend>{t('profile.signatories')}</legend>
            {form.signatories.map((signatory, index) => (
              <div
                className="field-row"
                key={index}
                role="group"
                aria-label={`${t('profile.signatories')} ${index + 1}`}
              >
                {(['name', 'idNumber', 'telephone'] as const).map((key) => (
                  <Field
                    key={key}
                    label={`${key === 'name' ? t('field.signatoryName') : key === 'idNumber' ? t('field.idNumber') : t('field.telephone')} ${index + 1}`}
                    value={signatory[key]}
                    disabled={!canEdit}
                    error={fieldError(`signatories.${index}.${key}`)}
                    onChange={(event) =>
                      set(
                        'signatories',
                        form.signatories.map((item, position) =>
                          position === index ? { ...item, [key]: event.target.value } : item,
                        ),
                      )
                    }
                  />
                ))}
                {canEdit && form.signatories.length > 1 && (
                  <button
                    type="button"
                    className="secondary"
                    onClick={() =>
                      set(
                        'signatories',
                        form.signatories.filter((_, position) => position !== index),
                      )
                    }
                  >
                    {t('profile.removeSignatory')}
                  </button>
                )}
              </div>
            ))}
            {fieldError('signatories') && <small className="error">{fieldError('signatories')}</small>}
            {canEdit && (
              <button
                type="button"
                className="secondary"
                onClick={() =>
                  set('signatories', [...form.signatories, { name: '', idNumber: '', telephone: '' }])
                }
              >
                {t('profile.addSignatory')}
              </button>
            )}
          </fieldset>

          <fieldset>
            <legend>{t('profile.commitment')}</legend>
            <label className="choice">
              <input
                type="checkbox"
                checked={form.applicantCommitment}
                disabled={!canEdit}
                onChange={(event) => set('applicantCommitment', event.target.checked)}
              />
              {t('profile.commitmentText')}
            </label>
            {fieldError('applicantCommitment') && (
              <small className="error">{fieldError('applicantCommitment')}</small>
            )}
          </fieldset>
          {canEdit && <button type="submit">{t('common.save')}</button>}
        </form>
      )}

      <h2>{t('history.title')}</h2>
      {history.length === 0 && <p>{t('history.empty')}</p>}
      {history.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('history.version')}</th>
              <th scope="col">{t('audit.time')}</th>
              <th scope="col">{t('history.changedBy')}</th>
              <th scope="col">{t('history.changes')}</th>
            </tr>
          </thead>
          <tbody>
            {history.map((version) => (
              <tr key={version.version}>
                <td>{version.version}</td>
                <td>{formatTime(version.changedAt, language)}</td>
                <td>{version.changedBy}</td>
                <td>
                  <ul className="changes">
                    {version.changes.map((change) => (
                      <li key={change.field}>
                        <strong>{label(change.field)}</strong>: {display(change.old)} → {display(change.new)}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function display(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
