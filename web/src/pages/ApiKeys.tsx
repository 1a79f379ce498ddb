import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { ApiKey, Session } from '../api';
import { ApiError, api } from '../api';
import { Field } from '../components/Field';
import { Notice } from '../components/Notice';
import { errorText } from '../errors';
import { useI18n } from '../i18n';
import { formatTime } from './names';

export function ApiKeys({ session }: { session: Session }) {
  const { t, language } = useI18n();
  const orgId = session.user.organisation.id;
  const [keys, setKeys] = useState<ApiKey[]>();
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>();
  const [secret, setSecret] = useState<string>();
  const [copied, setCopied] = useState(false);

  const load = useCallback(async () => {
    try {
      setKeys((await api.listApiKeys(orgId)).items);
    } catch (failure) {
      setError(failure);
    }
  }, [orgId]);

  useEffect(() => {
    void load();
  }, [load]);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const created = await api.createApiKey(orgId, name);
      setError(undefined);
      setSecret(created.secret);
      setCopied(false);
      setName('');
      await load();
    } catch (failure) {
      setError(failure);
    }
  };

  const revoke = async (key: ApiKey) => {
    if (!window.confirm(t('apiKeys.confirmRevoke', { name: key.name }))) return;
    await api.revokeApiKey(key.id);
    await load();
  };

  const copy = async () => {
    if (!secret) return;
    await navigator.clipboard.writeText(secret);
    setCopied(true);
  };

  return (
    <section aria-labelledby="api-keys-title">
      <h1 id="api-keys-title">{t('page.apiKeys')}</h1>
      <p>{t('apiKeys.intro')}</p>
      {error !== undefined && <Notice kind="error">{errorText(t, error)}</Notice>}

      {secret && (
        <div className="card secret" role="region" aria-labelledby="secret-title">
          <h2 id="secret-title">{t('apiKeys.secretTitle')}</h2>
          <p className="warning">{t('apiKeys.secretWarning')}</p>
          <code data-testid="api-key-secret">{secret}</code>
          <div className="buttons">
            <button type="button" onClick={() => void copy()}>
              {copied ? t('apiKeys.copied') : t('apiKeys.copy')}
            </button>
            <button type="button" className="secondary" onClick={() => setSecret(undefined)}>
              {t('apiKeys.done')}
            </button>
          </div>
        </div>
      )}

      {keys && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('common.name')}</th>
              <th scope="col">{t('apiKeys.prefix')}</th>
              <th scope="col">{t('common.created')}</th>
              <th scope="col">{t('apiKeys.lastUsed')}</th>
              <th scope="col">{t('common.status')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => (
              <tr key={key.id}>
                <td>{key.name}</td>
                <td>
                  <code>origo_{key.prefix}_…</code>
                </td>
                <td>{formatTime(key.createdAt, language)}</td>
                <td>{formatTime(key.lastUsedAt, language)}</td>
                <td>{key.revokedAt ? t('apiKeys.revoked') : t('apiKeys.active')}</td>
                <td>
                  {!key.revokedAt && (
                    <button type="button" className="secondary" onClick={() => void revoke(key)}>
                      {t('apiKeys.revoke')}
                      <span className="visually-hidden"> {key.name}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <form className="card" onSubmit={create}>
        <h2>{t('common.create')}</h2>
        <Field
          label={t('apiKeys.name')}
          required
          maxLength={100}
          value={name}
          error={error instanceof ApiError ? error.fieldMessage('name') : undefined}
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit">{t('common.create')}</button>
      </form>
    </section>
  );
}
