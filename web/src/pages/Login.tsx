import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Session } from '../api';
import { api } from '../api';
import { Field } from '../components/Field';
import { Notice } from '../components/Notice';
import { errorText } from '../errors';
import { useI18n } from '../i18n';

export function Login({ onLoggedIn }: { onLoggedIn: (session: Session) => void }) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [working, setWorking] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setWorking(true);
    setError(undefined);
    try {
      onLoggedIn(await api.login(username, password));
    } catch (failure) {
      setError(errorText(t, failure));
      setWorking(false);
    }
  };

  return (
    <form className="card login" onSubmit={submit}>
      <h1>{t('login.title')}</h1>
      {error && <Notice kind="error">{error}</Notice>}
      <Field
        label={t('login.username')}
        name="username"
        autoComplete="username"
        required
        value={username}
        onChange={(event) => setUsername(event.target.value)}
      />
      <Field
        label={t('login.password')}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(event) => setPassword(event.target.value)}
      />
      <button type="submit" disabled={working}>
        {working ? t('login.working') : t('login.submit')}
      </button>
      <a href="/verify">{t('login.verify')}</a>
    </form>
  );
}
