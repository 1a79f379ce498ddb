import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { Organisation, Role, User } from '../api';
import { ApiError, api } from '../api';
import { Field } from '../components/Field';
import { Notice } from '../components/Notice';
import { errorText } from '../errors';
import { useI18n } from '../i18n';
import { formatTime, organisationName } from './names';

interface UsersPanelProps {
  orgId: string;
  /** Roles a new user of this organisation may get. */
  roles: readonly Role[];
  /** Offices a new customs officer may join (empty outside the customs side). */
  offices: readonly Organisation[];
  currentUserId: string;
}

/** The users of one organisation: list, enable or disable, create. */
export function UsersPanel({ orgId, roles, offices, currentUserId }: UsersPanelProps) {
  const { t, language } = useI18n();
  const [users, setUsers] = useState<User[]>();
  const [loadError, setLoadError] = useState<string>();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [chosenRoles, setChosenRoles] = useState<Role[]>([roles[0] ?? 'enterprise_applicant']);
  const [officeIds, setOfficeIds] = useState<string[]>([]);
  const [error, setError] = useState<ApiError>();
  const [message, setMessage] = useState<string>();

  const load = useCallback(async () => {
    try {
      setUsers((await api.listUsers(orgId)).items);
    } catch (failure) {
      setLoadError(errorText(t, failure));
    }
  }, [orgId, t]);

  useEffect(() => {
    void load();
  }, [load]);

  const toggle = <T,>(list: T[], value: T): T[] =>
    list.includes(value) ? list.filter((item) => item !== value) : [...list, value];

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(undefined);
    try {
      const created = await api.createUser(orgId, {
        username,
        displayName,
        password,
        roles: chosenRoles,
        ...(chosenRoles.includes('customs_officer') ? { officeIds } : {}),
      });
      setError(undefined);
      setMessage(t('users.created', { username: created.username }));
      setUsername('');
      setDisplayName('');
      setPassword('');
      await load();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure : undefined);
      if (!(failure instanceof ApiError)) setMessage(errorText(t, failure));
    }
  };

  const setStatus = async (user: User) => {
    await api.setUserStatus(user.id, user.status === 'active' ? 'disabled' : 'active');
    await load();
  };

  return (
    <div>
      {loadError && <Notice kind="error">{loadError}</Notice>}
      {!users && !loadError && <p>{t('common.loading')}</p>}
      {users && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('users.username')}</th>
              <th scope="col">{t('users.displayName')}</th>
              <th scope="col">{t('users.roles')}</th>
              <th scope="col">{t('common.status')}</th>
              <th scope="col">{t('common.created')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <td>{user.username}</td>
                <td>{user.displayName}</td>
                <td>{user.roles.map((role) => t(`role.${role}`)).join(', ')}</td>
                <td>{t(`status.${user.status}`)}</td>
                <td>{formatTime(user.createdAt, language)}</td>
                <td>
                  {user.id !== currentUserId && (
                    <button type="button" className="secondary" onClick={() => void setStatus(user)}>
                      {user.status === 'active' ? t('users.disable') : t('users.enable')}
                      <span className="visually-hidden"> {user.username}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <form className="card" onSubmit={create}>
        <h2>{t('users.create')}</h2>
        {message && <Notice kind={error ? 'error' : 'success'}>{message}</Notice>}
        {error && error.fields.length === 0 && <Notice kind="error">{errorText(t, error)}</Notice>}
        <Field
          label={t('users.username')}
          required
          autoComplete="off"
          value={username}
          error={error?.fieldMessage('username')}
          onChange={(event) => setUsername(event.target.value)}
        />
        <Field
          label={t('users.displayName')}
          required
          value={displayName}
          error={error?.fieldMessage('displayName')}
          onChange={(event) => setDisplayName(event.target.value)}
        />
        <Field
          label={t('users.initialPassword')}
          type="password"
          autoComplete="new-password"
          required
          hint={t('users.initialPasswordHint')}
          value={password}
          error={error?.fieldMessage('password')}
          onChange={(event) => setPassword(event.target.value)}
        />
        <fieldset>
          <legend>{t('users.roles')}</legend>
          {roles.map((role) => (
            <label key={role} className="choice">
              <input
                type="checkbox"
                checked={chosenRoles.includes(role)}
                onChange={() => setChosenRoles(toggle(chosenRoles, role))}
              />
              {t(`role.${role}`)}
            </label>
          ))}
          {error?.fieldMessage('roles') && <small className="error">{error.fieldMessage('roles')}</small>}
        </fieldset>
        {chosenRoles.includes('customs_officer') && offices.length > 0 && (
          <fieldset>
            <legend>{t('users.offices')}</legend>
            {offices.map((office) => (
              <label key={office.id} className="choice">
                <input
                  type="checkbox"
                  checked={officeIds.includes(office.id)}
                  onChange={() => setOfficeIds(toggle(officeIds, office.id))}
                />
                {organisationName(office, language)}
              </label>
            ))}
            {error?.fieldMessage('officeIds') && (
              <small className="error">{error.fieldMessage('officeIds')}</small>
            )}
          </fieldset>
        )}
        <button type="submit">{t('common.create')}</button>
      </form>
    </div>
  );
}
