import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Application, CertificateType, SupportingDocument, SupportingDocumentKind } from '../api';
import { ApiError, SUPPORTING_DOCUMENT_KINDS, api } from '../api';
import { Notice } from '../components/Notice';
import { errorText } from '../errors';
import { useI18n } from '../i18n';
import { formatTime } from './names';

const size = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1048576).toFixed(1)} MB`;

/** The supporting documents of an application: what is attached, with downloads, and (drafts) an upload. */
export function SupportingDocuments({
  application,
  type,
  readOnly,
  onUploaded,
  onRemoved,
}: {
  application: Application;
  type: CertificateType;
  readOnly: boolean;
  onUploaded: (document: SupportingDocument) => void;
  /** After a document was removed: the page reloads the application and what blocks it. */
  onRemoved?: (document: SupportingDocument) => void;
}) {
  const { t, language } = useI18n();
  const missing = type.supportingDocuments.required.filter(
    (kind) => !application.documents.some((document) => document.kind === kind),
  );
  const [kind, setKind] = useState<SupportingDocumentKind>(missing[0] ?? 'invoice');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<unknown>();
  const [message, setMessage] = useState<string>();
  const [working, setWorking] = useState(false);
  const [formKey, setFormKey] = useState(0);

  const upload = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setMessage(undefined);
    setWorking(true);
    // The kind goes first: the server reads it before the file streams in.
    const form = new FormData();
    form.append('kind', kind);
    form.append('file', file);
    try {
      const document = await api.uploadSupportingDocument(application.id, form);
      setError(undefined);
      setMessage(t('documents.uploaded', { name: document.fileName }));
      setFile(null);
      setFormKey((previous) => previous + 1);
      onUploaded(document);
    } catch (failure) {
      setError(failure);
    } finally {
      setWorking(false);
    }
  };

  const remove = async (document: SupportingDocument) => {
    setMessage(undefined);
    setWorking(true);
    try {
      await api.removeSupportingDocument(application.id, document.id);
      setError(undefined);
      setMessage(t('documents.removed', { name: document.fileName }));
      onRemoved?.(document);
    } catch (failure) {
      setError(failure);
    } finally {
      setWorking(false);
    }
  };

  const fileError = error instanceof ApiError ? error.fieldMessage('file') : undefined;
  const full = application.documents.length >= type.supportingDocuments.maxCount;

  return (
    <section className="card wide" aria-labelledby="documents-title">
      <h2 id="documents-title">{t('documents.title')}</h2>
      <p className="muted">
        {t('documents.intro', {
          required: type.supportingDocuments.required.map((entry) => t(`documents.kind.${entry}`)).join(', '),
          max: type.supportingDocuments.maxCount,
        })}
      </p>
      {application.documents.length === 0 ? (
        <p>{t('documents.none')}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('documents.kind')}</th>
                <th scope="col">{t('documents.file')}</th>
                <th scope="col">{t('documents.size')}</th>
                <th scope="col">{t('documents.uploadedAt')}</th>
                {!readOnly && (
                  <th scope="col">
                    <span className="visually-hidden">{t('documents.remove')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {application.documents.map((document) => (
                <tr key={document.id}>
                  <td>{t(`documents.kind.${document.kind}`)}</td>
                  <td>
                    <a
                      href={api.supportingDocumentUrl(application.id, document.id)}
                      download={document.fileName}
                    >
                      {document.fileName}
                    </a>
                  </td>
                  <td className="nowrap">{size(document.size)}</td>
                  <td className="nowrap">{formatTime(document.uploadedAt, language)}</td>
                  {!readOnly && (
                    <td>
                      <button
                        type="button"
                        className="secondary"
                        disabled={working}
                        aria-label={t('documents.removeLabel', { name: document.fileName })}
                        onClick={() => void remove(document)}
                      >
                        {t('documents.remove')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {message && <Notice kind="success">{message}</Notice>}
      {error !== undefined && !fileError && <Notice kind="error">{errorText(t, error)}</Notice>}
      {!readOnly && !full && (
        <form key={formKey} className="field-row documents-form" onSubmit={upload}>
          <div className="field">
            <label htmlFor="document-kind">{t('documents.kind')}</label>
            <select
              id="document-kind"
              value={kind}
              onChange={(event) => setKind(event.target.value as SupportingDocumentKind)}
            >
              {SUPPORTING_DOCUMENT_KINDS.map((option) => (
                <option key={option} value={option}>
                  {t(`documents.kind.${option}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="document-file">{t('documents.file')}</label>
            <input
              id="document-file"
              type="file"
              accept=".pdf,.jpg,.jpeg,.png,.xlsx,application/pdf,image/jpeg,image/png"
              required
              aria-invalid={fileError ? true : undefined}
              aria-describedby={fileError ? 'document-file-error' : undefined}
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            />
            {fileError && (
              <small id="document-file-error" className="error" role="alert">
                {fileError}
              </small>
            )}
          </div>
          <div className="field">
            <button type="submit" disabled={working || !file}>
              {working ? t('documents.uploading') : t('documents.upload')}
            </button>
          </div>
        </form>
      )}
      {!readOnly && full && (
        <p className="muted">{t('documents.full', { max: type.supportingDocuments.maxCount })}</p>
      )}
    </section>
  );
}
