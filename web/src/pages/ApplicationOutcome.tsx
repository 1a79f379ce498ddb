import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import type {
  Application,
  CancellationCategory,
  CertificateType,
  ReturnReason,
  ReviewDecision,
} from '../api';
import { CANCELLATION_CATEGORIES, api } from '../api';
import { ActionError } from '../components/ActionError';
import { Notice } from '../components/Notice';
import { localised } from '../certificate-types';
import type { Translate } from '../i18n';
import { useI18n } from '../i18n';
import { ReasonList } from './ApplicationHistory';
import { boxAnchor } from './certificate-layout';
import { formatTime } from './names';

// What became of an application after submission, as the applicant sees it: where it stands, what customs
// decided, the certificate once issued; and what the applicant may still do (withdraw, amend, reissue).

/** Scrolls to a field or box and puts the focus there (a disabled control only scrolls). */
export function reveal(elementId: string) {
  const element = document.getElementById(elementId);
  element?.scrollIntoView({ block: 'center' });
  element?.focus({ preventScroll: true });
}

/** The latest decision of one kind (the return the applicant is correcting, the refusal). */
export const lastDecision = (application: Application, action: ReviewDecision['action']) =>
  application.decisions.filter((decision) => decision.action === action).at(-1);

/** Where a submitted application stands, in one sentence or section, by status. */
export function StatusNotice({
  application,
  type,
  reasons,
}: {
  application: Application;
  type: CertificateType;
  reasons: ReturnReason[] | undefined;
}) {
  const { t, language } = useI18n();
  const replaces = application.replacesId && (
    <p className="notice notice-info">
      {t(application.kind === 'reissue' ? 'application.replaces.reissue' : 'application.replaces.amendment')}{' '}
      <a href={`#/applications/${application.replacesId}`}>{t('application.openOriginal')}</a>
    </p>
  );
  const since = formatTime(application.updatedAt, language);
  let notice: ReactNode = null;
  switch (application.status) {
    case 'draft':
      break;
    case 'submitted':
    case 'resubmitted':
      notice = (
        <Notice kind="success">
          {t('application.submittedAt', { time: formatTime(application.submittedAt, language) })}
        </Notice>
      );
      break;
    case 'under_review':
      notice = <Notice kind="success">{t('application.underReview', { time: since })}</Notice>;
      break;
    case 'returned':
      notice = <ReturnNotice application={application} type={type} reasons={reasons} />;
      break;
    case 'rejected': {
      const refusal = lastDecision(application, 'reject');
      notice = (
        <section className="card wide rejected" aria-labelledby="rejected-title">
          <h2 id="rejected-title">{t('application.rejectedTitle')}</h2>
          <p>{t('application.rejectedOn', { time: formatTime(refusal?.decidedAt ?? null, language) })}</p>
          <ReasonList codes={refusal?.reasons ?? []} reasons={reasons} />
          {refusal?.note && <p className="note">{refusal.note}</p>}
        </section>
      );
      break;
    }
    case 'withdrawn':
      notice = <p className="notice notice-info">{t('application.withdrawnOn', { time: since })}</p>;
      break;
    case 'approved':
    case 'printed':
    case 'archived':
    case 'amended':
    case 'reissued':
    case 'cancelled':
      notice = <IssuedCertificate application={application} />;
      break;
  }
  return (
    <>
      {replaces}
      {notice}
    </>
  );
}

/** The return the applicant is correcting: the boxes (each leads to its box), the reasons and the note. */
function ReturnNotice({
  application,
  type,
  reasons,
}: {
  application: Application;
  type: CertificateType;
  reasons: ReturnReason[] | undefined;
}) {
  const { t, language } = useI18n();
  const decision = lastDecision(application, 'return');
  return (
    <section className="card wide returned" aria-labelledby="returned-title">
      <h2 id="returned-title">{t('review.returnedTitle')}</h2>
      <p>
        {t('review.returnedOn', { time: formatTime(decision?.decidedAt ?? application.updatedAt, language) })}{' '}
        {t('review.returnedHint')}
      </p>
      {decision && decision.boxes.length > 0 && (
        <>
          <h3>{t('review.boxesToCorrect')}</h3>
          <ul>
            {decision.boxes.map((number) => {
              const box = type.boxes.find((candidate) => candidate.number === number);
              return (
                <li key={number}>
                  <a
                    href={`#/applications/${application.id}`}
                    onClick={(event) => {
                      // The hash is the router's: lead to the box without leaving the page.
                      event.preventDefault();
                      reveal(boxAnchor(type, number));
                    }}
                  >
                    {t('application.box', { number })}
                    {box && ` — ${localised(box.label, language)}`}
                  </a>
                </li>
              );
            })}
          </ul>
        </>
      )}
      {decision && decision.reasons.length > 0 && (
        <>
          <h3>{t('review.reasons')}</h3>
          <ReasonList codes={decision.reasons} reasons={reasons} />
        </>
      )}
      {decision?.note && (
        <>
          <h3>{t('decision.note')}</h3>
          <p className="note">{decision.note}</p>
        </>
      )}
    </section>
  );
}

const isCategory = (code: string): code is CancellationCategory =>
  (CANCELLATION_CATEGORIES as readonly string[]).includes(code);

/** Why a certificate was cancelled: the server records "category: note"; the category is translated. */
function voidReasonText(reason: string | null, t: Translate): string {
  const match = /^(\w+): ([\s\S]*)$/.exec(reason ?? '');
  if (!match?.[1] || !isCategory(match[1])) return reason ?? '—';
  return `${t(`cancel.${match[1]}`)} — ${match[2]}`;
}

/** The certificate once issued: number, date, endorsements; and, when void, why and what replaced it. */
export function IssuedCertificate({
  application,
  linkTo = (id) => `#/applications/${id}`,
}: {
  application: Application;
  /** Where another application (the replacement) opens: the applicant's page or the officer's. */
  linkTo?: (id: string) => string;
}) {
  const { t, language } = useI18n();
  const { status } = application;
  return (
    <section className="card wide" aria-labelledby="certificate-title">
      <h2 id="certificate-title">{t('certificate.title')}</h2>
      {status === 'amended' || status === 'reissued' ? (
        <p className="notice notice-error">
          {t(status === 'amended' ? 'certificate.void.amended' : 'certificate.void.reissued')}{' '}
          {application.replacedById && (
            <a href={linkTo(application.replacedById)}>{t('certificate.openReplacement')}</a>
          )}
        </p>
      ) : status === 'cancelled' ? (
        <p className="notice notice-error">
          {t('certificate.void.cancelled', { reason: voidReasonText(application.voidReason, t) })}
        </p>
      ) : null}
      <dl className="facts">
        <dt>{t('application.certificateNumber')}</dt>
        <dd>
          <strong data-testid="certificate-number">{application.certificateNumber ?? '—'}</strong>
        </dd>
        <dt>{t('certificate.issuedOn')}</dt>
        <dd>{formatTime(application.approvedAt, language)}</dd>
        {application.automatic && (
          <>
            <dt>{t('certificate.decision')}</dt>
            <dd>{t('certificate.automatic')}</dd>
          </>
        )}
      </dl>
      {application.endorsements.length > 0 && (
        <>
          <h3>{t('certificate.endorsements')}</h3>
          <ul className="endorsements">
            {application.endorsements.map((endorsement) => (
              <li key={`${endorsement.box}-${endorsement.text}`}>
                {t('application.box', { number: endorsement.box })}:{' '}
                <span className="certificate-text">{endorsement.text}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** Taking the application back before customs decides (or giving up a returned one). */
export function WithdrawSection({
  application,
  version,
  onWithdrawn,
  onReload,
}: {
  application: Application;
  /** The version the page holds now (a returned application may have been saved since loading). */
  version: () => number;
  onWithdrawn: (application: Application) => void;
  onReload: () => void;
}) {
  const { t } = useI18n();
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<unknown>();
  const withdraw = async () => {
    if (!window.confirm(t('application.confirmWithdraw'))) return;
    setWorking(true);
    setError(undefined);
    try {
      onWithdrawn(await api.withdrawApplication(application.id, version()));
    } catch (failure) {
      setError(failure);
    } finally {
      setWorking(false);
    }
  };
  return (
    <section className="card wide" aria-labelledby="withdraw-title">
      <h2 id="withdraw-title">{t('application.withdrawTitle')}</h2>
      <p>{t('application.withdrawIntro')}</p>
      {error !== undefined && <ActionError error={error} onReload={onReload} />}
      <button type="button" className="secondary" disabled={working} onClick={() => void withdraw()}>
        {t('application.withdraw')}
      </button>
    </section>
  );
}

/**
 * Replacing an issued certificate: an amendment (corrected boxes) or a certified true copy of a lost
 * original. Either starts a new application, which opens at once; its approval voids this certificate.
 */
export function ReplacementSection({
  application,
  onReload,
}: {
  application: Application;
  onReload: () => void;
}) {
  const { t } = useI18n();
  const [amendReason, setAmendReason] = useState('');
  const [reissueReason, setReissueReason] = useState('');
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<unknown>();

  const request = async (event: FormEvent, kind: 'amendment' | 'reissue') => {
    event.preventDefault();
    setWorking(true);
    setError(undefined);
    try {
      const replacement =
        kind === 'amendment'
          ? await api.requestAmendment(application.id, amendReason.trim())
          : await api.requestReissue(application.id, reissueReason.trim());
      window.location.hash = `#/applications/${replacement.id}`;
    } catch (failure) {
      setError(failure);
      setWorking(false);
    }
  };

  return (
    <section className="card wide" aria-labelledby="replacement-title">
      <h2 id="replacement-title">{t('replacement.title')}</h2>
      <p>{t('replacement.intro')}</p>
      {error !== undefined && <ActionError error={error} onReload={onReload} />}
      <form className="replacement" onSubmit={(event) => void request(event, 'amendment')}>
        <div className="field">
          <label htmlFor="amendment-reason">{t('replacement.amendReason')}</label>
          <textarea
            id="amendment-reason"
            required
            maxLength={2000}
            value={amendReason}
            onChange={(event) => setAmendReason(event.target.value)}
          />
        </div>
        <button type="submit" className="secondary" disabled={working || amendReason.trim() === ''}>
          {t('replacement.requestAmendment')}
        </button>
      </form>
      <form className="replacement" onSubmit={(event) => void request(event, 'reissue')}>
        <div className="field">
          <label htmlFor="reissue-reason">{t('replacement.reissueReason')}</label>
          <textarea
            id="reissue-reason"
            required
            maxLength={2000}
            value={reissueReason}
            onChange={(event) => setReissueReason(event.target.value)}
          />
        </div>
        <button type="submit" className="secondary" disabled={working || reissueReason.trim() === ''}>
          {t('replacement.requestReissue')}
        </button>
      </form>
    </section>
  );
}
