import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { OfficeSeal, OfficerSignature, Organisation, Session, User } from '../api';
import { ApiError, api } from '../api';
import { Notice } from '../components/Notice';
import { errorText } from '../errors';
import { useI18n } from '../i18n';
import { formatTime, organisationName } from './names';

/** Every problem the server found with one field of an upload, in its own words (they carry the figures). */
const fieldProblems = (error: unknown, path: string): string | undefined =>
  error instanceof ApiError
    ? error
        .fieldProblems(path)
        .map((problem) => problem.message)
        .join(' ') || undefined
    : undefined;

/** The image of a version and what it is: size in pixels at its resolution. */
function Picture({ src, alt, item }: { src: string; alt: string; item: OfficeSeal | OfficerSignature }) {
  const { t } = useI18n();
  return (
    <>
      <img src={src} alt={alt} />
      <span className="muted">
        {t('seals.size', { width: item.widthPx, height: item.heightPx, dpi: item.dpi })}
      </span>
    </>
  );
}

/**
 * The electronic seals of the issuing offices, for the customs administration: the seal in force, every
 * version, a new version (now or from a later time); and the signatures of the office's officers.
 */
export function OfficeSeals() {
  const { t, language } = useI18n();
  const [offices, setOffices] = useState<Organisation[]>([]);
  const [officeId, setOfficeId] = useState('');
  const [officers, setOfficers] = useState<User[]>([]);
  const [officerId, setOfficerId] = useState('');
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    api.listOrganisations('office').then((page) => setOffices(page.items), setError);
  }, []);
  useEffect(() => {
    setOfficers([]);
    setOfficerId('');
    if (!officeId) return;
    api
      .listUsers(officeId)
      .then(
        (page) => setOfficers(page.items.filter((user) => user.roles.includes('customs_officer'))),
        setError,
      );
  }, [officeId]);

  return (
    <section aria-labelledby="office-seals-title">
      <h1 id="office-seals-title">{t('page.officeSeals')}</h1>
      <p>{t('officeSeals.intro')}</p>
      <div className="field inline">
        <label htmlFor="office-seals-office">{t('officeSeals.office')}</label>
        <select
          id="office-seals-office"
          value={officeId}
          onChange={(event) => setOfficeId(event.target.value)}
        >
          <option value="">{t('officeSeals.pickOffice')}</option>
          {offices.map((office) => (
            <option key={office.id} value={office.id}>
              {organisationName(office, language)} ({office.code})
            </option>
          ))}
        </select>
      </div>
      {error !== undefined && <Notice kind="error">{errorText(t, error)}</Notice>}
      {officeId && <OfficeSealPanel key={officeId} officeId={officeId} />}
      {officeId && (
        <section className="card" aria-labelledby="office-seals-officers">
          <h2 id="office-seals-officers">{t('officeSeals.officers')}</h2>
          {officers.length === 0 ? (
            <p>{t('officeSeals.noOfficers')}</p>
          ) : (
            <div className="field inline">
              <label htmlFor="office-seals-officer">{t('officeSeals.officer')}</label>
              <select
                id="office-seals-officer"
                value={officerId}
                onChange={(event) => setOfficerId(event.target.value)}
              >
                <option value="">{t('officeSeals.pickOfficer')}</option>
                {officers.map((officer) => (
                  <option key={officer.id} value={officer.id}>
                    {officer.displayName} ({officer.username})
                  </option>
                ))}
              </select>
            </div>
          )}
          {officerId && <OfficerSignaturePanel key={officerId} userId={officerId} own={false} />}
        </section>
      )}
    </section>
  );
}

/**
 * What a seal or signature panel holds: the versions the server has (read again after an upload), the
 * file chosen, and the upload in progress with its outcome. `read` must keep its identity (useCallback).
 */
function useImageVersions<T>(read: () => Promise<T>) {
  const [versions, setVersions] = useState<T>();
  const [file, setFile] = useState<File | null>(null);
  const [working, setWorking] = useState(false);
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<unknown>();

  const load = useCallback(() => read().then(setVersions, setError), [read]);
  useEffect(() => {
    void load();
  }, [load]);

  /** Sends the chosen file after `fields` (the server reads text fields from the stream first). */
  const upload = async (
    event: FormEvent,
    fields: ReadonlyArray<[string, string]>,
    send: (form: FormData) => Promise<string>,
  ) => {
    event.preventDefault();
    if (!file) return;
    setWorking(true);
    setMessage(undefined);
    setError(undefined);
    const form = new FormData();
    for (const [name, value] of fields) form.append(name, value);
    form.append('file', file);
    try {
      setMessage(await send(form));
      await load();
    } catch (failure) {
      setError(failure);
    } finally {
      setWorking(false);
    }
  };
  return { versions, file, setFile, working, message, error, upload };
}

/** One office's seal: the version in force with its picture, the versions, and the upload of a new one. */
function OfficeSealPanel({ officeId }: { officeId: string }) {
  const { t, language } = useI18n();
  const read = useCallback(() => api.getOfficeSeal(officeId), [officeId]);
  const { versions: seal, file, setFile, working, message, error, upload } = useImageVersions(read);
  const [validFrom, setValidFrom] = useState('');
  const submit = (event: FormEvent) =>
    upload(event, validFrom ? [['validFrom', new Date(validFrom).toISOString()]] : [], async (form) => {
      const uploaded = await api.uploadOfficeSeal(officeId, form);
      return t('officeSeals.uploaded', { time: formatTime(uploaded.validFrom, language) });
    });

  const fileError = fieldProblems(error, 'file');
  const validFromError = fieldProblems(error, 'validFrom');
  const current = seal?.current;
  const now = new Date().toISOString();
  return (
    <section className="card" aria-labelledby="office-seal-current">
      <h2 id="office-seal-current">{t('officeSeals.current')}</h2>
      {seal && !current && <p>{t('officeSeals.none')}</p>}
      {current && (
        <figure className="seal-current" data-testid="office-seal-current">
          <Picture src={api.officeSealImageUrl(current.id)} alt={t('officeSeals.imageAlt')} item={current} />
          <figcaption>
            {t('officeSeals.since', {
              validFrom: formatTime(current.validFrom, language),
              uploadedAt: formatTime(current.uploadedAt, language),
            })}
          </figcaption>
        </figure>
      )}
      {seal && seal.versions.length > 1 && (
        <details>
          <summary>{t('officeSeals.versions', { count: seal.versions.length })}</summary>
          <ul className="seal-gallery">
            {seal.versions.map((version) => (
              <li key={version.id} className={version.id === current?.id ? 'authorised' : undefined}>
                <img src={api.officeSealImageUrl(version.id)} alt={t('officeSeals.imageAlt')} />
                <span>
                  {t(version.validFrom > now ? 'officeSeals.from' : 'officeSeals.fromPast', {
                    time: formatTime(version.validFrom, language),
                  })}
                </span>
              </li>
            ))}
          </ul>
        </details>
      )}

      <form onSubmit={submit}>
        <h3>{current ? t('officeSeals.replace') : t('officeSeals.upload')}</h3>
        <p className="muted">{t('officeSeals.rules')}</p>
        <div className="field">
          <label htmlFor="office-seal-file">{t('officeSeals.file')}</label>
          <input
            id="office-seal-file"
            type="file"
            accept="image/png"
            required
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? 'office-seal-file-error' : undefined}
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
          {fileError && (
            <small id="office-seal-file-error" className="error" role="alert">
              {fileError}
            </small>
          )}
        </div>
        <div className="field">
          <label htmlFor="office-seal-valid-from">{t('officeSeals.validFrom')}</label>
          <input
            id="office-seal-valid-from"
            type="datetime-local"
            value={validFrom}
            aria-invalid={validFromError ? true : undefined}
            aria-describedby="office-seal-valid-from-hint"
            onChange={(event) => setValidFrom(event.target.value)}
          />
          <small id="office-seal-valid-from-hint" className="muted">
            {t('officeSeals.validFromHint')}
          </small>
          {validFromError && (
            <small className="error" role="alert">
              {validFromError}
            </small>
          )}
        </div>
        <button type="submit" disabled={working || !file}>
          {current ? t('officeSeals.replace') : t('officeSeals.upload')}
        </button>
      </form>
      {message && <Notice kind="success">{message}</Notice>}
      {error !== undefined && !fileError && !validFromError && (
        <Notice kind="error">{errorText(t, error)}</Notice>
      )}
    </section>
  );
}

/** The officer's own signature (customs officers): what self-print draws beside the office seal. */
export function MySignature({ session }: { session: Session }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="my-signature-title">
      <h1 id="my-signature-title">{t('page.mySignature')}</h1>
      <p>{t('officerSignature.intro')}</p>
      <OfficerSignaturePanel userId={session.user.id} own />
    </section>
  );
}

/** An officer's signature in force, its earlier versions, and the upload of a new one. */
function OfficerSignaturePanel({ userId, own }: { userId: string; own: boolean }) {
  const { t, language } = useI18n();
  const read = useCallback(() => api.getOfficerSignature(userId), [userId]);
  const { versions: signature, file, setFile, working, message, error, upload } = useImageVersions(read);
  const submit = (event: FormEvent) =>
    upload(event, [], async (form) => {
      await api.uploadOfficerSignature(userId, form);
      return t('officerSignature.uploaded');
    });

  const fileError = fieldProblems(error, 'file');
  const current = signature?.current;
  return (
    <div className="card" data-testid="officer-signature">
      <h2>{t('officerSignature.current')}</h2>
      {signature && !current && <p>{t(own ? 'officerSignature.noneOwn' : 'officerSignature.none')}</p>}
      {current && (
        <figure className="seal-current" data-testid="officer-signature-current">
          <Picture
            src={api.officerSignatureImageUrl(current.id)}
            alt={t('officerSignature.imageAlt')}
            item={current}
          />
          <figcaption>
            {t('officerSignature.since', { time: formatTime(current.uploadedAt, language) })}
            {signature.versions.length > 1 &&
              ` ${t('officerSignature.earlier', { count: signature.versions.length - 1 })}`}
          </figcaption>
        </figure>
      )}
      <form onSubmit={submit}>
        <p className="muted">{t('officerSignature.rules')}</p>
        <div className="field">
          <label htmlFor={`signature-file-${userId}`}>{t('officerSignature.file')}</label>
          <input
            id={`signature-file-${userId}`}
            type="file"
            accept="image/png"
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
        <button type="submit" disabled={working || !file}>
          {current ? t('officerSignature.replace') : t('officerSignature.upload')}
        </button>
      </form>
      {message && <Notice kind="success">{message}</Notice>}
      {error !== undefined && !fileError && <Notice kind="error">{errorText(t, error)}</Notice>}
    </div>
  );
}
