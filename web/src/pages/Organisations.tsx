import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { Organisation, OrganisationKind } from '../api';
import { ApiError, api } from '../api';
import { Field } from '../components/Field';
import { Notice } from '../components/Notice';
import { errorText, fieldErrorText } from '../errors';
import { useI18n } from '../i18n';
import { organisationName } from './names';

const KINDS: OrganisationKind[] = ['authority', 'office', 'enterprise', 'agency'];
const PARENT_KIND: Record<OrganisationKind, OrganisationKind | null> = {
  authority: null,
  office: 'authority',
  enterprise: 'office',
  agency: 'office',
};

const FORM_FIELDS = ['kind', 'parentId', 'code', 'nameEn', 'nameZh'];

/** All organisations the administrator sees, filtered by kind, and the form to create one. */
export function Organisations() {
  const { t, language } = useI18n();
  const [filter, setFilter] = useState<OrganisationKind | ''>('');
  const [loaded, setLoaded] = useState<Organisation[]>();
  const [kind, setKind] = useState<OrganisationKind>('enterprise');
  const [parentId, setParentId] = useState('');
  const [code, setCode] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [nameZh, setNameZh] = useState('');
  const [listError, setListError] = useState<unknown>();
  const [error, setError] = useState<unknown>();
  const [message, setMessage] = useState<string>();
  const [working, setWorking] = useState(false);

  const load = useCallback(async () => {
    try {
      setLoaded((await api.listOrganisations()).items);
    } catch (failure) {
      setListError(failure);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const all = loaded ?? [];
  const parentKind = PARENT_KIND[kind];
  const parents = all.filter((organisation) => organisation.kind === parentKind);
  const byId = new Map(all.map((organisation) => [organisation.id, organisation]));
  const shown = filter ? all.filter((organisation) => organisation.kind === filter) : all;

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(undefined);
    setError(undefined);
    setWorking(true);
    try {
      const created = await api.createOrganisation({
        kind,
        parentId: parentKind ? parentId || null : null,
        code: code || null,
        nameEn,
        nameZh,
      });
      setMessage(t('organisations.created', { name: organisationName(created, language) }));
      setCode('');
      setNameEn('');
      setNameZh('');
      await load();
    } catch (failure) {
      setError(failure);
    } finally {
      setWorking(false);
    }
  };
  const fieldError = (path: string) => fieldErrorText(t, error, path);
  const formError =
    error !== undefined &&
    !(error instanceof ApiError && error.fields.some((field) => FORM_FIELDS.includes(field.path)));

  return (
    <section aria-labelledby="organisations-title">
      <h1 id="organisations-title">{t('page.organisations')}</h1>
      <div className="field inline">
        <label htmlFor="kind-filter">{t('common.kind')}</label>
        <select
          id="kind-filter"
          value={filter}
          onChange={(event) => setFilter(event.target.value as OrganisationKind | '')}
        >
          <option value="">{t('common.all')}</option>
          {KINDS.map((option) => (
            <option key={option} value={option}>
              {t(`kind.${option}`)}
            </option>
          ))}
        </select>
      </div>
      {listError !== undefined && <Notice kind="error">{errorText(t, listError)}</Notice>}
      {!loaded && listError === undefined && <p>{t('common.loading')}</p>}
      {loaded && shown.length === 0 && <p>{t('organisations.none')}</p>}
      {shown.length > 0 && (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('common.name')}</th>
                <th scope="col">{t('common.kind')}</th>
                <th scope="col">{t('common.code')}</th>
                <th scope="col">{t('organisations.parent')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((organisation) => {
                const parent = organisation.parentId ? byId.get(organisation.parentId) : undefined;
                return (
                  <tr key={organisation.id}>
                    <td>{organisationName(organisation, language)}</td>
                    <td>{t(`kind.${organisation.kind}`)}</td>
                    <td>{organisation.code}</td>
                    <td>{parent ? organisationName(parent, language) : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      <form className="card" onSubmit={create}>
        <h2>{t('organisations.create')}</h2>
        {message && <Notice kind="success">{message}</Notice>}
        {formError && <Notice kind="error">{errorText(t, error)}</Notice>}
        <div className="field">
          <label htmlFor="new-kind">{t('common.kind')}</label>
          <select
            id="new-kind"
            value={kind}
            aria-describedby={fieldError('kind') ? 'new-kind-error' : undefined}
            onChange={(event) => {
              setKind(event.target.value as OrganisationKind);
              setParentId('');
            }}
          >
            {KINDS.filter((option) => option !== 'authority').map((option) => (
              <option key={option} value={option}>
                {t(`kind.${option}`)}
              </option>
            ))}
          </select>
          {fieldError('kind') && (
            <small id="new-kind-error" className="error" role="alert">
              {fieldError('kind')}
            </small>
          )}
        </div>
        {parentKind && (
          <div className="field">
            <label htmlFor="new-parent">{t('organisations.parent')}</label>
            <select
              id="new-parent"
              required
              value={parentId}
              aria-invalid={fieldError('parentId') ? true : undefined}
              aria-describedby={fieldError('parentId') ? 'new-parent-error' : undefined}
              onChange={(event) => setParentId(event.target.value)}
            >
              <option value="">{t('organisations.pickParent')}</option>
              {parents.map((parent) => (
                <option key={parent.id} value={parent.id}>
                  {organisationName(parent, language)}
                </option>
              ))}
            </select>
            {fieldError('parentId') && (
              <small id="new-parent-error" className="error" role="alert">
                {fieldError('parentId')}
              </small>
            )}
          </div>
        )}
        <Field
          label={t('common.code')}
          value={code}
          error={fieldError('code')}
          onChange={(event) => setCode(event.target.value)}
        />
        <Field
          label={t('organisations.nameEn')}
          required
          value={nameEn}
          error={fieldError('nameEn')}
          onChange={(event) => setNameEn(event.target.value)}
        />
        <Field
          label={t('organisations.nameZh')}
          required
          value={nameZh}
          error={fieldError('nameZh')}
          onChange={(event) => setNameZh(event.target.value)}
        />
        <button type="submit" disabled={working}>
          {t('common.create')}
        </button>
      </form>
    </section>
  );
}
