import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Application, CheckResult, Organisation, Session } from '../api';
import { PrintSection } from './PrintSection';
import { ISSUED_STATUSES, QUEUED_STATUSES, api } from '../api';
import { ActionError } from '../components/ActionError';
import { Notice } from '../components/Notice';
import { localised, useCertificateTypes } from '../certificate-types';
import { countryName } from '../countries';
import { errorText } from '../errors';
import { useI18n } from '../i18n';
import { useReturnReasons } from '../return-reasons';
import { Decisions, Timeline } from './ApplicationHistory';
import { IssuedCertificate, reveal } from './ApplicationOutcome';
import { FindingsSummary } from './ApplicationPage';
import { CertificateBoxes } from './CertificateBoxes';
import { placeFindings } from './certificate-layout';
import { formatTime, organisationName } from './names';
import { CancelCertificate, DecisionForm } from './ReviewDecision';
import { SupportingDocuments } from './SupportingDocuments';
import { EvidenceRequests } from './EvidenceRequests';

const ignore = () => undefined;

/**
 * An officer's review of one application: who applied, the automated checks with their evidence, the form
 * box by box (read-only), the documents, earlier decisions and the history; then the officer's act: claim
 * it, and once claimed approve, return (with the boxes at fault) or reject it; cancel an issued certificate.
 */
export function ReviewPage({ id, session }: { id: string; session: Session }) {
  const { t, language } = useI18n();
  const [application, setApplication] = useState<Application>();
  const [enterprise, setEnterprise] = useState<Organisation>();
  const [error, setError] = useState<unknown>();
  const [actionError, setActionError] = useState<unknown>();
  const [message, setMessage] = useState<string>();
  const [working, setWorking] = useState(false);
  /** The boxes the officer is marking for a return, shown on the form as they are ticked. */
  const [boxesAtFault, setBoxesAtFault] = useState<ReadonlySet<string>>(new Set());
  const types = useCertificateTypes(setError);
  const reasons = useReturnReasons(setError);

  const load = useCallback(async () => {
    try {
      setApplication(await api.getApplication(id));
      setError(undefined);
      setActionError(undefined);
    } catch (failure) {
      setError(failure);
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  const enterpriseId = application?.enterpriseId;
  useEffect(() => {
    if (!enterpriseId) return;
    api
      .listOrganisations('enterprise')
      .then(
        (page) => setEnterprise(page.items.find((organisation) => organisation.id === enterpriseId)),
        setError,
      );
  }, [enterpriseId]);

  const type = types?.find((candidate) => candidate.code === application?.typeCode);
  const placed = useMemo(
    () => (type && application ? placeFindings(type, application.data, application.findings) : undefined),
    [type, application],
  );

  if (!application || !type || !placed) {
    return (
      <section>
        <h1>{t('page.review')}</h1>
        {error !== undefined ? (
          <Notice kind="error">{errorText(t, error)}</Notice>
        ) : (
          <p>{t('common.loading')}</p>
        )}
      </section>
    );
  }

  /** Runs an officer's act; its answer is the application as it now is. */
  const act = async (run: () => Promise<Application>, done: (changed: Application) => string) => {
    setWorking(true);
    setActionError(undefined);
    setMessage(undefined);
    try {
      const changed = await run();
      setApplication(changed);
      setBoxesAtFault(new Set());
      setMessage(done(changed));
    } catch (failure) {
      setActionError(failure);
    } finally {
      setWorking(false);
    }
  };

  const { status, reviewerId } = application;
  const mine = reviewerId === session.user.id;
  const claimable = QUEUED_STATUSES.includes(status);
  const deciding = status === 'under_review' && mine;
  const data = application.data;

  return (
    <section aria-labelledby="review-title">
      <h1 id="review-title">
        {localised(type.names, language)} <span className="muted">({type.code})</span>
      </h1>
      <p className="muted">
        {enterprise && `${organisationName(enterprise, language)} · `}
        {data.destinationCountry &&
          `${t('applications.destination')}: ${countryName(data.destinationCountry, language)} · `}
        {t('common.status')}:{' '}
        <strong data-testid="application-status">{t(`applications.status.${status}`)}</strong>
      </p>

      {message && <Notice kind="success">{message}</Notice>}
      {actionError !== undefined && <ActionError error={actionError} onReload={() => void load()} />}
      {error !== undefined && <Notice kind="error">{errorText(t, error)}</Notice>}

      <section className="card wide" aria-labelledby="review-facts-title">
        <h2 id="review-facts-title">{t('review.facts')}</h2>
        <dl className="facts">
          <dt>{t('applications.enterprise')}</dt>
          <dd>
            {enterprise ? organisationName(enterprise, language) : '—'}{' '}
            <a href={`#/enterprise/${application.enterpriseId}`}>{t('review.viewEnterprise')}</a>
          </dd>
          <dt>{t('review.submittedAt')}</dt>
          <dd>{formatTime(application.submittedAt, language)}</dd>
          <dt>{t('certificates.kind')}</dt>
          <dd>
            {t(`certificateKind.${application.kind}`)}
            {application.replacesId && (
              <>
                {' '}
                <a href={`#/review/${application.replacesId}`}>{t('application.openOriginal')}</a>
              </>
            )}
          </dd>
          <dt>{t('queue.reviewer')}</dt>
          <dd data-testid="reviewer">
            {status === 'under_review'
              ? t(mine ? 'review.claimedByYou' : 'review.claimedByOther')
              : claimable
                ? t('review.unclaimed')
                : reviewerId === null
                  ? '—'
                  : t(mine ? 'review.reviewedByYou' : 'review.reviewedByOther')}
          </dd>
        </dl>
        {deciding && (
          <p>
            <a
              href={`#/review/${id}`}
              onClick={(event) => {
                // The hash is the router's: lead to the decision without leaving the page.
                event.preventDefault();
                reveal('decision-title');
              }}
            >
              {t('review.toDecision')}
            </a>
          </p>
        )}
        {claimable && (
          <button
            type="button"
            disabled={working}
            onClick={() =>
              void act(
                () => api.claimApplication(id, application.version),
                () => t('review.claimedResult'),
              )
            }
          >
            {t('review.claim')}
          </button>
        )}
        {(claimable || status === 'under_review') && (
          <AssignForm
            officeId={application.officeId}
            disabled={working}
            onAssign={(officerId) =>
              void act(
                () => api.assignApplication(id, application.version, officerId),
                () => t('review.assignedResult'),
              )
            }
          />
        )}
      </section>

      {application.certificateNumber && (
        <IssuedCertificate application={application} linkTo={(other) => `#/review/${other}`} />
      )}

      <ChecksList checks={application.checks} />
      <FindingsSummary findings={application.findings} placed={placed} readOnly href={`#/review/${id}`} />

      <form className="card wide certificate" onSubmit={(event) => event.preventDefault()}>
        <fieldset className="boxes" disabled>
          <CertificateBoxes
            type={type}
            data={data}
            certificateText={application.certificateText}
            placed={placed}
            readOnly
            onChange={ignore}
            marked={boxesAtFault}
            endorsements={application.endorsements}
          />
        </fieldset>
      </form>

      <SupportingDocuments application={application} type={type} readOnly onUploaded={ignore} />
      <EvidenceRequests subject={{ type: 'application', id: application.id }} mode="officer" />

      {deciding && (
        <DecisionForm
          application={application}
          type={type}
          reasons={reasons}
          working={working}
          boxes={boxesAtFault}
          onBoxes={setBoxesAtFault}
          onApprove={(note) =>
            void act(
              () => api.approveApplication(id, application.version, note),
              (changed) => t('review.approvedResult', { number: changed.certificateNumber ?? '—' }),
            )
          }
          onReturn={(input) =>
            void act(
              () => api.returnApplication(id, { expectedVersion: application.version, ...input }),
              () => t('review.returnedResult'),
            )
          }
          onReject={(input) =>
            void act(
              () => api.rejectApplication(id, { expectedVersion: application.version, ...input }),
              () => t('review.rejectedResult'),
            )
          }
        />
      )}
      {ISSUED_STATUSES.includes(status) && (
        <PrintSection application={application} onChanged={setApplication} onReload={() => void load()} />
      )}
      {ISSUED_STATUSES.includes(status) && (
        <CancelCertificate
          application={application}
          working={working}
          onCancel={(input) =>
            void act(
              () => api.cancelCertificate(id, { expectedVersion: application.version, ...input }),
              () => t('review.cancelledResult'),
            )
          }
        />
      )}

      <Decisions decisions={application.decisions} reasons={reasons} />
      <Timeline applicationId={id} version={application.version} reasons={reasons} />
    </section>
  );
}

/** The automated checks of the submission: each outcome with what the check looked at. */
function ChecksList({ checks }: { checks: readonly CheckResult[] | null }) {
  const { t } = useI18n();
  return (
    <section className="card wide" aria-labelledby="checks-title">
      <h2 id="checks-title">{t('review.checks')}</h2>
      {!checks || checks.length === 0 ? (
        <p>{t('review.noChecks')}</p>
      ) : (
        <ul className="checks">
          {checks.map((check) => (
            <li key={check.check} className={`check-${check.outcome}`}>
              <strong>{t(`check.${check.check}`)}</strong>{' '}
              <span className={`outcome outcome-${check.outcome}`}>{t(`outcome.${check.outcome}`)}</span>
              <div className="evidence" lang="en">
                {check.evidence}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Hands the application to an officer of its office (claimed for them, or changing hands). */
function AssignForm({
  officeId,
  disabled,
  onAssign,
}: {
  officeId: string;
  disabled: boolean;
  onAssign: (officerId: string) => void;
}) {
  const { t } = useI18n();
  const [officers, setOfficers] = useState<Array<{ id: string; displayName: string }>>([]);
  const [chosen, setChosen] = useState('');
  useEffect(() => {
    api.listOfficeOfficers(officeId).then(
      (page) => setOfficers(page.items),
      () => setOfficers([]),
    );
  }, [officeId]);
  if (officers.length === 0) return null;
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (chosen) onAssign(chosen);
      }}
    >
      <label htmlFor="assign-officer">{t('review.assignTo')}</label>
      <select id="assign-officer" value={chosen} onChange={(event) => setChosen(event.target.value)}>
        <option value="">—</option>
        {officers.map((officer) => (
          <option key={officer.id} value={officer.id}>
            {officer.displayName}
          </option>
        ))}
      </select>
      <button type="submit" className="secondary" disabled={disabled || !chosen}>
        {t('review.assign')}
      </button>
    </form>
  );
}
