import { ApiError } from '../api';
import { errorText } from '../errors';
import { useI18n } from '../i18n';
import { Notice } from './Notice';

/**
 * Why an action on an application failed. A CONFLICT (someone changed it since it was read, another officer
 * claimed it) shows the server's own reason with a way to reload; anything else its translated message.
 */
export function ActionError({ error, onReload }: { error: unknown; onReload: () => void }) {
  const { t } = useI18n();
  if (error instanceof ApiError && error.code === 'CONFLICT')
    return (
      <div className="notice notice-error" role="alert">
        <p>{t('review.conflict')}</p>
        <p lang="en">{error.message}</p>
        <button type="button" onClick={onReload}>
          {t('application.reload')}
        </button>
      </div>
    );
  return <Notice kind="error">{errorText(t, error)}</Notice>;
}
