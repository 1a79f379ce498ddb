import { useCallback, useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { ApiKey, Session } from '../api';
import { ApiError, api } from '../api';
import { Field } from '../components/Field';
import { Notice } from '../components/Notice';
import { errorText, fieldErrorText } from '../errors';
import { useI18n } from '../i18n';
import { formatTime } from './names';

/** The enterprise's API keys: list, create (the secret is shown once), revoke. */
export function ApiKeys({ session }: { session: Session }) {
  const { t, language } = useI18n();
  const orgId = session.user.organisation.id;
  const [keys, setKeys] = useState<ApiKey[]>();
  const [listError, setListError] = useState<unknown>();
  const [name, setName] = useState('');
  const [createError, setCreateError] = useState<unknown>();
  const [working, setWorking] = useState(false);
  const [secret, setSecret] = useState<string>();
  const [copy, setCopy] = useState<'copied' | 'manual'>();
  const secretText = useRef<HTMLElement>(null);
  const secretPanel = useRef<HTMLDivElement>(null);

  const load = useCallback(async () => {
    try {
      setKeys((await api.listApiKeys(orgId)).items);
    } catch (failure) {
      setListError(failure);
    }
  }, [orgId]);

  useEffect(() => {
    void load();
  }, [load]);

  // Bring the one-time secret to the user's attention (and to the screen reader's) as soon as it shows.
  useEffect(() => {
    if (secret) secretPanel.current?.focus();
  }, [secret]);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setCreateError(undefined);
    setWorking(true);
    try {
      const created = await api.createApiKey(orgId, name);
      setSecret(created.secret);
      setCopy(undefined);
      setName('');
      await load();
    } catch (failure) {
      setCreateError(failure);
    } finally {
      setWorking(false);
    }
  };

  const revoke = async (key: ApiKey) => {
    if (!window.confirm(t('apiKeys.confirmRevoke', { name: key.name }))) return;
    setListError(undefined);
    try {
      await api.revokeApiKey(key.id);
      await load();
    } catch (failure) {
      setListError(failure);
    }
  };

  const copySecret = async () => {
    if (!secret) return;
    try {
      // Absent outside secure contexts (plain http to a host other than localhost).
      await navigator.clipboard.writeText(secret);
      setCopy('copied');
    } catch {
      // Select the secret so that the user can copy it with the keyboard.
      const element = secretText.current;
      const selection = window.getSelection();
      if (element && selection) {
        const range = document.createRange();
        range.selectNodeContents(element);
        selection.removeAllRanges();
        selection.addRange(range);
      }
      setCopy('manual');
    }
  };

  const nameError = fieldErrorText(t, createError, 'name');

  return (
    <section aria-labelledby="api-keys-title">
      <h1 id="api-keys-title">{t('page.apiKeys')}</h1>
      <p>{t('apiKeys.intro')}</p>

      {secret && (
        <div
          className="card secret"
          role="region"
          aria-labelledby="secret-title"
          aria-describedby="secret-warning"
          tabIndex={-1}
          ref={secretPanel}
        >
          <h2 id="secret-title">{t('apiKeys.secretTitle')}</h2>
          <p id="secret-warning" className="warning">
            {t('apiKeys.secretWarning')}
          </p>
          <code data-testid="api-key-secret" ref={secretText}>
            {secret}
          </code>
          {copy === 'manual' && <p role="status">{t('apiKeys.copyManually')}</p>}
          <div className="buttons">
            <button type="button" onClick={() => void copySecret()}>
              {copy === 'copied' ? t('apiKeys.copied') : t('apiKeys.copy')}
            </button>
            <button type="button" className="secondary" onClick={() => setSecret(undefined)}>
              {t('apiKeys.done')}
            </button>
          </div>
        </div>
      )}

      {listError !== undefined && <Notice kind="error">{errorText(t, listError)}</Notice>}
      {!keys && listError === undefined && <p>{t('common.loading')}</p>}
      {keys && keys.length === 0 && <p>{t('apiKeys.none')}</p>}
      {keys && keys.length > 0 && (
        <div className="table-scroll">
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
                  <td className="nowrap">{formatTime(key.createdAt, language)}</td>
                  <td className="nowrap">{formatTime(key.lastUsedAt, language)}</td>
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
        </div>
      )}

      <form className="card" onSubmit={create}>
        <h2>{t('apiKeys.create')}</h2>
        {createError !== undefined && !(createError instanceof ApiError && nameError) && (
          <Notice kind="error">{errorText(t, createError)}</Notice>
        )}
        <Field
          label={t('apiKeys.name')}
          required
          maxLength={100}
          value={name}
          error={nameError}
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit" disabled={working}>
          {t('common.create')}
        </button>
      </form>
    </section>
  );
}
