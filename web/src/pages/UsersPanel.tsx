import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { Organisation, Role, User } from '../api';
import { ApiError, api } from '../api';
import { Field } from '../components/Field';
import { Notice } from '../components/Notice';
import { errorText, fieldErrorText } from '../errors';
import { useI18n } from '../i18n';
import { formatTime, organisationName } from './names';

const USER_FIELDS = ['username', 'displayName', 'password', 'roles', 'officeIds'];

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
  const [listError, setListError] = useState<unknown>();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [chosenRoles, setChosenRoles] = useState<Role[]>([roles[0] ?? 'enterprise_applicant']);
  // A user created in an office belongs to that office unless the administrator says otherwise.
  const [officeIds, setOfficeIds] = useState<string[]>(
    offices.some((office) => office.id === orgId) ? [orgId] : [],
  );
  const [createError, setCreateError] = useState<unknown>();
  const [created, setCreated] = useState<string>();
  const [working, setWorking] = useState(false);

  const load = useCallback(async () => {
    try {
      setUsers((await api.listUsers(orgId)).items);
    } catch (failure) {
      setListError(failure);
    }
  }, [orgId]);

  useEffect(() => {
    void load();
  }, [load]);

  const toggle = <T,>(list: T[], value: T): T[] =>
    list.includes(value) ? list.filter((item) => item !== value) : [...list, value];

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setCreated(undefined);
    setCreateError(undefined);
    setWorking(true);
    try {
      const user = await api.createUser(orgId, {
        username,
        displayName,
        password,
        roles: chosenRoles,
        ...(chosenRoles.includes('customs_officer') ? { officeIds } : {}),
      });
      setCreated(t('users.created', { username: user.username }));
      setUsername('');
      setDisplayName('');
      setPassword('');
      await load();
    } catch (failure) {
      setCreateError(failure);
    } finally {
      setWorking(false);
    }
  };

  const setStatus = async (user: User) => {
    setListError(undefined);
    try {
      await api.setUserStatus(user.id, user.status === 'active' ? 'disabled' : 'active');
      await load();
    } catch (failure) {
      setListError(failure);
    }
  };

  const fieldError = (path: string) => fieldErrorText(t, createError, path);
  const formError =
    createError !== undefined &&
    !(
      createError instanceof ApiError &&
      createError.fields.some((field) => USER_FIELDS.includes(field.path.split('.')[0] ?? ''))
    );
  const officeName = (id: string) => {
    const office = offices.find((candidate) => candidate.id === id);
    return office ? organisationName(office, language) : id;
  };
  const showOffices = offices.length > 0 && roles.includes('customs_officer');

  return (
    <div>
      {listError !== undefined && <Notice kind="error">{errorText(t, listError)}</Notice>}
      {!users && listError === undefined && <p>{t('common.loading')}</p>}
      {users && users.length === 0 && <p>{t('users.none')}</p>}
      {users && users.length > 0 && (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('users.username')}</th>
                <th scope="col">{t('users.displayName')}</th>
                <th scope="col">{t('users.roles')}</th>
                {showOffices && <th scope="col">{t('users.userOffices')}</th>}
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
                  {showOffices && <td>{user.officeIds.map(officeName).join(', ') || '—'}</td>}
                  <td>{t(`status.${user.status}`)}</td>
                  <td className="nowrap">{formatTime(user.createdAt, language)}</td>
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
        </div>
      )}

      <form className="card" onSubmit={create}>
        <h2>{t('users.create')}</h2>
        {created && <Notice kind="success">{created}</Notice>}
        {formError && <Notice kind="error">{errorText(t, createError)}</Notice>}
        <Field
          label={t('users.username')}
          required
          autoComplete="off"
          value={username}
          error={fieldError('username')}
          onChange={(event) => setUsername(event.target.value)}
        />
        <Field
          label={t('users.displayName')}
          required
          value={displayName}
          error={fieldError('displayName')}
          onChange={(event) => setDisplayName(event.target.value)}
        />
        <Field
          label={t('users.initialPassword')}
          type="password"
          autoComplete="new-password"
          required
          hint={t('users.initialPasswordHint')}
          value={password}
          error={fieldError('password')}
          onChange={(event) => setPassword(event.target.value)}
        />
        <fieldset aria-describedby={fieldError('roles') ? 'user-roles-error' : undefined}>
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
          {fieldError('roles') && (
            <small id="user-roles-error" className="error" role="alert">
              {fieldError('roles')}
            </small>
          )}
        </fieldset>
        {chosenRoles.includes('customs_officer') && showOffices && (
          <fieldset aria-describedby={fieldError('officeIds') ? 'user-offices-error' : undefined}>
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
            {fieldError('officeIds') && (
              <small id="user-offices-error" className="error" role="alert">
                {fieldError('officeIds')}
              </small>
            )}
          </fieldset>
        )}
        <button type="submit" disabled={working}>
          {t('common.create')}
        </button>
      </form>
    </div>
  );
}
