import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { CaseOutcome, Session, VerificationCase } from '../api';
import { CASE_OUTCOMES, api } from '../api';
import { ActionError } from '../components/ActionError';
import { Notice } from '../components/Notice';
import { countryName } from '../countries';
import { errorText, fieldErrorText } from '../errors';
import { useI18n } from '../i18n';
import { EvidenceRequests } from './EvidenceRequests';
import { localised } from '../certificate-types';
import { formatTime, organisationName, useEnterpriseNames } from './names';
import { isOfficer, ownerText, sourceText, useEnterprises } from './VerificationCases';

/** Stricter review lasts this many days unless the officer says otherwise (the server's default too). */
const DEFAULT_STRICTER_REVIEW_DAYS = 180;

/**
 * One verification case: what was asked and about which certificates, the requests to the enterprise and
 * its answers, and the conclusion. An officer of the office asks for evidence and concludes; the enterprise
 * answers, uploads and asks for more time.
 */
export function VerificationCasePage({ id, session }: { id: string; session: Session }) {
  const { t, language } = useI18n();
  const [found, setFound] = useState<VerificationCase>();
  const [error, setError] = useState<unknown>();
  const [message, setMessage] = useState<string>();
  const officer = isOfficer(session);
  const onError = useCallback((failure: unknown) => setError(failure), []);
  const enterprises = useEnterprises(session, onError);
  const principals = useEnterpriseNames(session, onError);

  const load = useCallback(async () => {
    try {
      setFound(await api.getVerificationCase(id));
    } catch (failure) {
      setError(failure);
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  if (!found)
    return error !== undefined ? (
      <Notice kind="error">{errorText(t, error)}</Notice>
    ) : (
      <p>{t('common.loading')}</p>
    );

  const enterprise = enterprises.find((candidate) => candidate.id === found.enterpriseId);
  const principal = principals.get(found.enterpriseId);
  const enterpriseName = enterprise
    ? organisationName(enterprise, language)
    : principal
      ? localised(principal, language)
      : found.enterpriseId;
  const take = async () => {
    try {
      setFound(await api.takeVerificationCase(found.id, found.version));
      setMessage(t('cases.taken'));
      setError(undefined);
    } catch (failure) {
      setError(failure);
    }
  };
  const open = found.status === 'open';
  const certificateLink = (applicationId: string) =>
    officer ? `#/review/${applicationId}` : `#/applications/${applicationId}`;

  return (
    <>
      <p>
        <a href="#/verification-cases">{t('cases.back')}</a>
      </p>
      <h1>
        {t('page.verificationCase')}: {t(`cases.source.${found.source}`)}
      </h1>
      <dl className="facts">
        <dt>{t('cases.source')}</dt>
        <dd>{sourceText(t, found, language)}</dd>
        {found.source === 'foreign_request' && (
          <>
            <dt>{t('cases.requestingCountry')}</dt>
            <dd>
              {countryName(found.requestingCountry, language)} ({found.requestingCountry})
            </dd>
            <dt>{t('cases.requestingAuthority')}</dt>
            <dd>{found.requestingAuthority}</dd>
            <dt>{t('cases.foreignReference')}</dt>
            <dd>{found.foreignReference || '—'}</dd>
            <dt>{t('cases.receivedOn')}</dt>
            <dd>{found.receivedOn}</dd>
            <dt>{t('cases.replyDue')}</dt>
            <dd data-testid="case-reply-due">{found.replyDue ?? '—'}</dd>
          </>
        )}
        {found.source === 'risk' && (
          <>
            <dt>{t('cases.riskRule')}</dt>
            <dd>{found.riskRule}</dd>
          </>
        )}
        <dt>{t('applications.enterprise')}</dt>
        <dd>
          {officer ? <a href={`#/enterprise/${found.enterpriseId}`}>{enterpriseName}</a> : enterpriseName}
        </dd>
        <dt>{t('cases.certificates')}</dt>
        <dd>
          <ul>
            {found.certificates.map((certificate) => (
              <li key={certificate.applicationId}>
                <a href={certificateLink(certificate.applicationId)}>{certificate.certificateNumber}</a> (
                {certificate.typeCode})
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t('cases.opened')}</dt>
        <dd>{formatTime(found.openedAt, language)}</dd>
        <dt>{t('cases.owner')}</dt>
        <dd>
          <span data-testid="case-owner">{ownerText(t, found, session)}</span>
          {officer && open && found.ownerId !== session.user.id && (
            <>
              {' '}
              <button type="button" className="secondary" onClick={() => void take()}>
                {t('cases.take')}
              </button>
            </>
          )}
        </dd>
        <dt>{t('common.status')}</dt>
        <dd data-testid="case-status">
          <strong>
            {found.outcome ? t(`cases.outcome.${found.outcome}`) : t(`cases.status.${found.status}`)}
          </strong>
        </dd>
      </dl>
      {found.questions && (
        <section className="card wide" aria-labelledby="case-questions-title">
          <h2 id="case-questions-title">
            {t(found.source === 'foreign_request' ? 'cases.questions' : 'cases.concerns')}
          </h2>
          <p className="pre-wrap">{found.questions}</p>
        </section>
      )}
      {message && <Notice kind="success">{message}</Notice>}
      {error !== undefined && <ActionError error={error} onReload={() => void load()} />}

      {found.status === 'concluded' && found.outcome && (
        <section className="card wide" aria-labelledby="conclusion-title">
          <h2 id="conclusion-title">{t('cases.conclusion')}</h2>
          <p>
            <strong data-testid="case-outcome">{t(`cases.outcome.${found.outcome}`)}</strong> ·{' '}
            {formatTime(found.concludedAt, language)}
          </p>
          <p className="pre-wrap">{found.findings}</p>
          {found.outcome === 'not_confirmed' && <p>{t('cases.cancelledNote')}</p>}
          {officer && found.source === 'foreign_request' && (
            <p>
              <a href={api.replyLetterUrl(found.id)} target="_blank" rel="noreferrer">
                {t('cases.replyLetter')}
              </a>
            </p>
          )}
        </section>
      )}

      <EvidenceRequests
        subject={{ type: 'verification_case', id: found.id }}
        mode={officer ? 'officer' : 'applicant'}
        canAsk={open}
      />

      {officer && open && (
        <ConclusionForm
          found={found}
          onConcluded={(concluded) => {
            setFound(concluded);
            setMessage(t('cases.concluded'));
            setError(undefined);
          }}
          onError={setError}
        />
      )}
    </>
  );
}

/** The officer's conclusion: outcome, findings and, for "not confirmed", how long stricter review lasts. */
function ConclusionForm({
  found,
  onConcluded,
  onError,
}: {
  found: VerificationCase;
  onConcluded: (concluded: VerificationCase) => void;
  onError: (error: unknown) => void;
}) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<CaseOutcome>();
  const [findings, setFindings] = useState('');
  const [days, setDays] = useState(String(DEFAULT_STRICTER_REVIEW_DAYS));
  const [error, setError] = useState<unknown>();

  const conclude = async (event: FormEvent) => {
    event.preventDefault();
    if (!outcome) return;
    try {
      onConcluded(
        await api.concludeVerificationCase(found.id, {
          expectedVersion: found.version,
          outcome,
          findings,
          ...(outcome === 'not_confirmed' ? { stricterReviewDays: Number(days) } : {}),
        }),
      );
    } catch (failure) {
      setError(failure);
      onError(failure);
    }
  };

  return (
    <form className="card wide" onSubmit={conclude} aria-labelledby="conclude-title" noValidate>
      <h2 id="conclude-title">{t('cases.conclude')}</h2>
      <fieldset>
        <legend>{t('cases.outcomeLegend')}</legend>
        {CASE_OUTCOMES.map((value) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name="case-outcome"
              checked={outcome === value}
              onChange={() => setOutcome(value)}
            />{' '}
            {t(`cases.outcome.${value}`)}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="case-findings">{t('cases.findings')}</label>
        <textarea
          id="case-findings"
          value={findings}
          rows={5}
          aria-invalid={fieldErrorText(t, error, 'findings') ? true : undefined}
          onChange={(event) => setFindings(event.target.value)}
        />
        {fieldErrorText(t, error, 'findings') && (
          <small className="error" role="alert">
            {fieldErrorText(t, error, 'findings')}
          </small>
        )}
      </div>
      {outcome === 'not_confirmed' && (
        <>
          <div className="field">
            <label htmlFor="case-stricter-days">{t('cases.stricterDays')}</label>
            <input
              id="case-stricter-days"
              type="number"
              min={0}
              max={1095}
              value={days}
              aria-describedby="case-stricter-hint"
              onChange={(event) => setDays(event.target.value)}
            />
            <small id="case-stricter-hint" className="hint">
              {t('cases.stricterHint')}
            </small>
          </div>
          <p className="notice notice-error" role="note">
            {t('cases.cancelWarning', {
              numbers: found.certificates.map((certificate) => certificate.certificateNumber).join(', '),
            })}
          </p>
        </>
      )}
      <p className="buttons">
        <button type="submit" disabled={!outcome || findings.trim() === ''}>
          {t('cases.concludeSubmit')}
        </button>
      </p>
    </form>
  );
}
