import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Session } from '../api';
import { ApiError, api } from '../api';
import { Field } from '../components/Field';
import { Notice } from '../components/Notice';
import { errorText, fieldErrorText } from '../errors';
import { useI18n } from '../i18n';
import { organisationName } from './names';

const PASSWORD_FIELDS = ['currentPassword', 'newPassword'];

/** Who the user is, and the form to change their own password. */
export function Account({ session, onPasswordChanged }: { session: Session; onPasswordChanged: () => void }) {
  const { t, language } = useI18n();
  const { user } = session;
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<unknown>();
  const [mismatch, setMismatch] = useState(false);
  const [working, setWorking] = useState(false);
  const [done, setDone] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    setError(undefined);
    setMismatch(next !== repeat);
    if (next !== repeat) return;
    setWorking(true);
    try {
      await api.changePassword(current, next);
      setDone(true);
      setCurrent('');
      setNext('');
      setRepeat('');
      // The server no longer asks for a new password: take the session as it now stands.
      if (user.mustChangePassword) onPasswordChanged();
    } catch (failure) {
      setError(failure);
    } finally {
      setWorking(false);
    }
  };
  const fieldError = (path: string) => fieldErrorText(t, error, path);
  // Problems the server tied to a field are shown there; anything else above the form.
  const formError =
    error !== undefined &&
    !(error instanceof ApiError && error.fields.some((field) => PASSWORD_FIELDS.includes(field.path)));

  return (
    <section aria-labelledby="account-title">
      <h1 id="account-title">{t('page.account')}</h1>
      {user.mustChangePassword && !done && <Notice kind="error">{t('account.mustChange')}</Notice>}
      <dl className="facts">
        <dt>{t('account.username')}</dt>
        <dd>{user.username}</dd>
        <dt>{t('account.roles')}</dt>
        <dd>{user.roles.map((role) => t(`role.${role}`)).join(', ')}</dd>
        <dt>{t('account.organisation')}</dt>
        <dd>{organisationName(user.organisation, language)}</dd>
        {user.offices.length > 0 && (
          <>
            <dt>{t('account.offices')}</dt>
            <dd>{user.offices.map((office) => organisationName(office, language)).join(', ')}</dd>
          </>
        )}
      </dl>

      <form className="card" onSubmit={submit}>
        <h2>{t('account.changePassword')}</h2>
        {formError && <Notice kind="error">{errorText(t, error)}</Notice>}
        {done && <Notice kind="success">{t('account.passwordChanged')}</Notice>}
        <Field
          label={t('account.currentPassword')}
          type="password"
          autoComplete="current-password"
          required
          value={current}
          error={fieldError('currentPassword')}
          onChange={(event) => setCurrent(event.target.value)}
        />
        <Field
          label={t('account.newPassword')}
          type="password"
          autoComplete="new-password"
          required
          hint={t('account.passwordHint')}
          value={next}
          error={fieldError('newPassword')}
          onChange={(event) => setNext(event.target.value)}
        />
        <Field
          label={t('account.confirmPassword')}
          type="password"
          autoComplete="new-password"
          required
          value={repeat}
          error={mismatch ? t('account.passwordsDiffer') : undefined}
          onChange={(event) => setRepeat(event.target.value)}
        />
        <button type="submit" disabled={working}>
          {t('common.save')}
        </button>
      </form>
    </section>
  );
}
