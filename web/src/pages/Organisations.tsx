import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { Organisation, OrganisationKind } from '../api';
import { ApiError, api } from '../api';
import { Field } from '../components/Field';
import { Notice } from '../components/Notice';
import { errorText } from '../errors';
import { useI18n } from '../i18n';
import { organisationName } from './names';

const KINDS: OrganisationKind[] = ['authority', 'office', 'enterprise', 'agency'];
const PARENT_KIND: Record<OrganisationKind, OrganisationKind | null> = {
  authority: null,
  office: 'authority',
  enterprise: 'office',
  agency: 'office',
};

export function Organisations() {
  const { t, language } = useI18n();
  const [filter, setFilter] = useState<OrganisationKind | ''>('');
  const [all, setAll] = useState<Organisation[]>([]);
  const [kind, setKind] = useState<OrganisationKind>('enterprise');
  const [parentId, setParentId] = useState('');
  const [code, setCode] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [nameZh, setNameZh] = useState('');
  const [error, setError] = useState<unknown>();
  const [message, setMessage] = useState<string>();

  const load = useCallback(async () => {
    try {
      setAll((await api.listOrganisations()).items);
    } catch (failure) {
      setError(failure);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const parentKind = PARENT_KIND[kind];
  const parents = all.filter((organisation) => organisation.kind === parentKind);
  const byId = new Map(all.map((organisation) => [organisation.id, organisation]));
  const shown = filter ? all.filter((organisation) => organisation.kind === filter) : all;

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(undefined);
    try {
      const created = await api.createOrganisation({
        kind,
        parentId: parentKind ? parentId || null : null,
        code: code || null,
        nameEn,
        nameZh,
      });
      setError(undefined);
      setMessage(t('organisations.created', { name: organisationName(created, language) }));
      setCode('');
      setNameEn('');
      setNameZh('');
      await load();
    } catch (failure) {
      setError(failure);
    }
  };
  const fieldError = (path: string) => (error instanceof ApiError ? error.fieldMessage(path) : undefined);

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

      <form className="card" onSubmit={create}>
        <h2>{t('organisations.create')}</h2>
        {message && <Notice kind="success">{message}</Notice>}
        {error !== undefined && !(error instanceof ApiError && error.fields.length > 0) && (
          <Notice kind="error">{errorText(t, error)}</Notice>
        )}
        <div className="field">
          <label htmlFor="new-kind">{t('common.kind')}</label>
          <select
            id="new-kind"
            value={kind}
            onChange={(event) => setKind(event.target.value as OrganisationKind)}
          >
            {KINDS.filter((option) => option !== 'authority').map((option) => (
              <option key={option} value={option}>
                {t(`kind.${option}`)}
              </option>
            ))}
          </select>
        </div>
        {parentKind && (
          <div className="field">
            <label htmlFor="new-parent">{t('organisations.parent')}</label>
            <select
              id="new-parent"
              required
              value={parentId}
              onChange={(event) => setParentId(event.target.value)}
            >
              <option value="" />
              {parents.map((parent) => (
                <option key={parent.id} value={parent.id}>
                  {organisationName(parent, language)}
                </option>
              ))}
            </select>
            {fieldError('parentId') && <small className="error">{fieldError('parentId')}</small>}
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
        <button type="submit">{t('common.create')}</button>
      </form>
    </section>
  );
}
