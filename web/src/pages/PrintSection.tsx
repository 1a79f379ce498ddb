import { useEffect, useState } from 'react';
import type { Application, PrintMode } from '../api';
import { ApiError, api } from '../api';
import { ActionError } from '../components/ActionError';
import { Notice } from '../components/Notice';
import type { MessageKey } from '../i18n';
import { useI18n } from '../i18n';

/** Why the server refused a print (the `code` of its field problem), in the portal's words. */
const REFUSALS: Record<string, MessageKey> = {
  not_issued: 'print.refused.not_issued',
  certificate_void: 'print.refused.certificate_void',
  self_print_not_accepted: 'print.refused.self_print_not_accepted',
  no_seal_authorisation: 'print.refused.no_seal_authorisation',
  seal_authorised_after_approval: 'print.refused.seal_authorised_after_approval',
};

/** A refused print says why; anything else is shown as other actions' failures are. */
function PrintError({ error, onReload }: { error: unknown; onReload: () => void }) {
  const { t } = useI18n();
  const refusal = error instanceof ApiError ? REFUSALS[error.fields[0]?.code ?? ''] : undefined;
  if (refusal) return <Notice kind="error">{t(refusal)}</Notice>;
  return <ActionError error={error} onReload={onReload} />;
}

/**
 * Printing an issued certificate: self-print or the pre-printed form (each render after the first is a
 * counted reprint), the print count, and the confirmation of a good print that archives the certificate.
 */
export function PrintSection({
  application,
  onChanged,
  onReload,
}: {
  application: Application;
  /** The application after a confirmation. */
  onChanged: (changed: Application) => void;
  /** Read the application again (a print changes its status and count). */
  onReload: () => void;
}) {
  const { t } = useI18n();
  const [working, setWorking] = useState<PrintMode | 'confirm'>();
  const [error, setError] = useState<unknown>();
  const [pdf, setPdf] = useState<{ url: string; fileName: string }>();
  const [confirmed, setConfirmed] = useState(false);
  useEffect(() => () => (pdf ? URL.revokeObjectURL(pdf.url) : undefined), [pdf]);

  const print = async (mode: PrintMode) => {
    setWorking(mode);
    setError(undefined);
    try {
      const rendered = await api.renderCertificatePdf(application.id, mode);
      const url = URL.createObjectURL(rendered.blob);
      setPdf({ url, fileName: rendered.fileName });
      // Opens at once where the browser allows it; the link below stays either way.
      window.open(url, '_blank', 'noopener');
      onReload();
    } catch (failure) {
      setError(failure);
    } finally {
      setWorking(undefined);
    }
  };

  const confirm = async () => {
    setWorking('confirm');
    setError(undefined);
    try {
      onChanged(await api.confirmPrint(application.id, application.version));
      setConfirmed(true);
    } catch (failure) {
      setError(failure);
    } finally {
      setWorking(undefined);
    }
  };

  const { count, reprints } = application.prints;
  return (
    <section className="card wide" aria-labelledby="print-title">
      <h2 id="print-title">{t('print.title')}</h2>
      <p>{t('print.intro')}</p>
      <p data-testid="print-count">{count > 0 ? t('print.count', { count, reprints }) : t('print.never')}</p>
      <div className="actions">
        <button type="button" disabled={working !== undefined} onClick={() => void print('self')}>
          {working === 'self' ? t('print.working') : t('print.self')}
        </button>
        <button type="button" disabled={working !== undefined} onClick={() => void print('template')}>
          {working === 'template' ? t('print.working') : t('print.template')}
        </button>
      </div>
      {pdf && (
        <p role="status">
          {t('print.ready', { file: pdf.fileName })}{' '}
          <a href={pdf.url} target="_blank" rel="noopener noreferrer">
            {t('print.open')}
          </a>
        </p>
      )}
      {error !== undefined && <PrintError error={error} onReload={onReload} />}
      {application.status === 'printed' && (
        <>
          <p>{t('print.confirmIntro')}</p>
          <button type="button" disabled={working !== undefined} onClick={() => void confirm()}>
            {t('print.confirm')}
          </button>
        </>
      )}
      {confirmed && application.status === 'archived' && (
        <Notice kind="success">{t('print.confirmed')}</Notice>
      )}
    </section>
  );
}
