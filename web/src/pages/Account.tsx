import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Session } from '../api';
import { ApiError, api } from '../api';
import { Field } from '../components/Field';
import { Notice } from '../components/Notice';
import { errorText } from '../errors';
import { useI18n } from '../i18n';
import { organisationName } from './names';

export function Account({ session }: { session: Session }) {
  const { t, language } = useI18n();
  const { user } = session;
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<ApiError | string>();
  const [done, setDone] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    if (next !== repeat) {
      setError(t('account.passwordsDiffer'));
      return;
    }
    try {
      await api.changePassword(current, next);
      setError(undefined);
      setDone(true);
      setCurrent('');
      setNext('');
      setRepeat('');
    } catch (failure) {
      setError(failure instanceof ApiError ? failure : errorText(t, failure));
    }
  };
  const fieldError = (path: string) => (error instanceof ApiError ? error.fieldMessage(path) : undefined);

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
        {typeof error === 'string' && <Notice kind="error">{error}</Notice>}
        {error instanceof ApiError && error.fields.length === 0 && (
          <Notice kind="error">{errorText(t, error)}</Notice>
        )}
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
          onChange={(event) => setRepeat(event.target.value)}
        />
        <button type="submit">{t('common.save')}</button>
      </form>
    </section>
  );
}
