import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { Seal, SealAuthorisation, Session } from '../api';
import { ApiError, api } from '../api';
import { Notice } from '../components/Notice';
import { errorText } from '../errors';
import { useI18n } from '../i18n';
import { formatTime } from './names';

/** The enterprise's seals and signatures for self-print, and the authorised pair. */
export function Seals({ session }: { session: Session }) {
  const { t, language } = useI18n();
  const orgId = session.user.organisation.id;
  const [items, setItems] = useState<Seal[]>([]);
  const [authorisation, setAuthorisation] = useState<SealAuthorisation | null>(null);
  const [kind, setKind] = useState<'seal' | 'signature'>('seal');
  const [shape, setShape] = useState<'round' | 'rectangular' | 'oval'>('round');
  const [signatoryName, setSignatoryName] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [sealId, setSealId] = useState('');
  const [signatureId, setSignatureId] = useState('');
  const [error, setError] = useState<unknown>();
  const [message, setMessage] = useState<string>();

  const load = useCallback(async () => {
    try {
      const page = await api.listSeals(orgId);
      setItems(page.items);
      setAuthorisation(page.authorisation);
    } catch (failure) {
      setError(failure);
    }
  }, [orgId]);
  useEffect(() => {
    void load();
  }, [load]);

  const upload = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setMessage(undefined);
    const form = new FormData();
    form.append('kind', kind);
    if (kind === 'seal') form.append('shape', shape);
    else form.append('signatoryName', signatoryName);
    form.append('file', file);
    try {
      await api.uploadSeal(orgId, form);
      setError(undefined);
      setMessage(t('seals.uploaded'));
      await load();
    } catch (failure) {
      setError(failure);
    }
  };

  const authorise = async (event: FormEvent) => {
    event.preventDefault();
    try {
      setAuthorisation(await api.authoriseSeal(orgId, sealId, signatureId));
      setError(undefined);
    } catch (failure) {
      setError(failure);
    }
  };

  const fileError = error instanceof ApiError ? error.fieldMessage('file') : undefined;
  const seals = items.filter((item) => item.kind === 'seal');
  const signatures = items.filter((item) => item.kind === 'signature');
  const describe = (item: Seal) =>
    `${item.kind === 'seal' ? `${t('seals.kind.seal')} (${t(`seals.shape.${item.shape ?? 'round'}`)})` : `${t('seals.kind.signature')} ${item.signatoryName ?? ''}`} · ${formatTime(item.uploadedAt, language)}`;

  return (
    <section aria-labelledby="seals-title">
      <h1 id="seals-title">{t('page.seals')}</h1>
      <p>{t('seals.intro')}</p>
      <p role="status">
        {authorisation
          ? t('seals.authorisedAt', { time: formatTime(authorisation.authorisedAt, language) })
          : t('seals.notAuthorised')}
      </p>
      {message && <Notice kind="success">{message}</Notice>}
      {error !== undefined && !fileError && <Notice kind="error">{errorText(t, error)}</Notice>}

      {items.length === 0 && <p>{t('seals.none')}</p>}
      <ul className="seal-gallery">
        {items.map((item) => (
          <li
            key={item.id}
            className={
              authorisation?.sealId === item.id || authorisation?.signatureId === item.id
                ? 'authorised'
                : undefined
            }
          >
            <img src={`/api/seals/${item.id}/image`} alt={describe(item)} />
            <span>{describe(item)}</span>
            <span className="muted">
              {t('seals.size', { width: item.widthPx, height: item.heightPx, dpi: item.dpi })}
            </span>
          </li>
        ))}
      </ul>

      <form className="card" onSubmit={upload}>
        <h2>{t('seals.upload')}</h2>
        <div className="field">
          <label htmlFor="seal-kind">{t('seals.kind')}</label>
          <select
            id="seal-kind"
            value={kind}
            onChange={(event) => setKind(event.target.value as 'seal' | 'signature')}
          >
            <option value="seal">{t('seals.kind.seal')}</option>
            <option value="signature">{t('seals.kind.signature')}</option>
          </select>
        </div>
        {kind === 'seal' ? (
          <div className="field">
            <label htmlFor="seal-shape">{t('seals.shape')}</label>
            <select
              id="seal-shape"
              value={shape}
              onChange={(event) => setShape(event.target.value as typeof shape)}
            >
              {(['round', 'rectangular', 'oval'] as const).map((option) => (
                <option key={option} value={option}>
                  {t(`seals.shape.${option}`)}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <div className="field">
            <label htmlFor="seal-signatory">{t('seals.signatory')}</label>
            <input
              id="seal-signatory"
              required
              value={signatoryName}
              onChange={(event) => setSignatoryName(event.target.value)}
            />
          </div>
        )}
        <div className="field">
          <label htmlFor="seal-file">{t('seals.file')}</label>
          <input
            id="seal-file"
            type="file"
            accept="image/png,image/jpeg"
            required
            aria-invalid={fileError ? true : undefined}
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
          {fileError && (
            <small className="error" role="alert">
              {fileError}
            </small>
          )}
        </div>
        <button type="submit">{t('seals.upload')}</button>
      </form>

      {seals.length > 0 && signatures.length > 0 && (
        <form className="card" onSubmit={authorise}>
          <h2>{t('seals.authorise')}</h2>
          <div className="field">
            <label htmlFor="authorise-seal">{t('seals.kind.seal')}</label>
            <select
              id="authorise-seal"
              required
              value={sealId}
              onChange={(event) => setSealId(event.target.value)}
            >
              <option value="" />
              {seals.map((item) => (
                <option key={item.id} value={item.id}>
                  {describe(item)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="authorise-signature">{t('seals.kind.signature')}</label>
            <select
              id="authorise-signature"
              required
              value={signatureId}
              onChange={(event) => setSignatureId(event.target.value)}
            >
              <option value="" />
              {signatures.map((item) => (
                <option key={item.id} value={item.id}>
                  {describe(item)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">{t('seals.authorise')}</button>
        </form>
      )}
    </section>
  );
}
