import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Application, ApplicationData, Finding, Session, SupportingDocument } from '../api';
import { ApiError, EDITABLE_STATUSES, ISSUED_STATUSES, WITHDRAWABLE_STATUSES, api } from '../api';
import { Notice } from '../components/Notice';
import { localised, useCertificateTypes } from '../certificate-types';
import { countryName } from '../countries';
import { errorText } from '../errors';
import type { MessageKey } from '../i18n';
import { DICTIONARIES, useI18n } from '../i18n';
import { useReturnReasons } from '../return-reasons';
import { Decisions, Timeline } from './ApplicationHistory';
import {
  ReplacementSection,
  StatusNotice,
  WithdrawSection,
  lastDecision,
  reveal,
} from './ApplicationOutcome';
import { CertificateBoxes } from './CertificateBoxes';
import type { PlacedFindings } from './certificate-layout';
import { generalPath, placeFindings, withValueAt } from './certificate-layout';
import { useDraftAutosave } from './draft-autosave';
import { useEnterpriseNames } from './names';
import { SupportingDocuments } from './SupportingDocuments';
import { EvidenceRequests } from './EvidenceRequests';
import { PrintSection } from './PrintSection';

/**
 * One certificate application: the form box by box, saved as the user types, with the field rules'
 * findings at their fields and in a summary; the supporting documents; what blocks submission; submission.
 * After submission: where it stands, customs' decisions and the history. A returned application is
 * editable again with the boxes at fault marked, and is submitted again; an issued certificate may be
 * amended or reissued.
 */
export function ApplicationPage({ id, session }: { id: string; session: Session }) {
  const { t, language } = useI18n();
  const [application, setApplication] = useState<Application>();
  const [data, setData] = useState<ApplicationData>();
  const [error, setError] = useState<unknown>();
  const [submitError, setSubmitError] = useState<unknown>();
  const [submitting, setSubmitting] = useState(false);
  const types = useCertificateTypes(setError);
  const reasons = useReturnReasons(setError);
  const enterpriseNames = useEnterpriseNames(session, setError);
  const adopt = useCallback((saved: Application) => setApplication(saved), []);
  const autosave = useDraftAutosave(id, adopt);
  const { reset, edit, latest, flush, version, adoptVersion } = autosave;

  const load = useCallback(async () => {
    try {
      const current = await api.getApplication(id);
      reset(current);
      setApplication(current);
      setData(current.data);
      setError(undefined);
      setSubmitError(undefined);
    } catch (failure) {
      setError(failure);
    }
  }, [id, reset]);
  useEffect(() => {
    void load();
  }, [load]);

  const type = types?.find((candidate) => candidate.code === application?.typeCode);
  const placed = useMemo(
    () => (type && data && application ? placeFindings(type, data, application.findings) : undefined),
    [type, data, application],
  );
  // The boxes of the return being corrected stay marked until the application is submitted again.
  const marked = useMemo(
    () =>
      application?.status === 'returned'
        ? new Set(lastDecision(application, 'return')?.boxes ?? [])
        : undefined,
    [application],
  );

  if (!application || !data || !type || !placed) {
    return (
      <section>
        <h1>{t('page.application')}</h1>
        {error !== undefined ? (
          <Notice kind="error">{errorText(t, error)}</Notice>
        ) : (
          <p>{t('common.loading')}</p>
        )}
      </section>
    );
  }

  const readOnly = !EDITABLE_STATUSES.includes(application.status);
  const enterprise = enterpriseNames.get(application.enterpriseId);

  const change = (path: string, value: unknown) => {
    const current = latest();
    if (!current || readOnly) return;
    const next = withValueAt(current, path, value);
    setData(next);
    edit(next);
  };

  const refreshAssessment = async () => {
    try {
      const assessment = await api.validateApplication(id);
      setApplication((previous) => (previous ? { ...previous, ...assessment } : previous));
    } catch (failure) {
      setError(failure);
    }
  };

  const uploaded = (document: SupportingDocument) => {
    setApplication((previous) =>
      previous ? { ...previous, documents: [...previous.documents, document] } : previous,
    );
    void refreshAssessment();
  };

  const removed = (document: SupportingDocument) => {
    setApplication((previous) =>
      previous
        ? { ...previous, documents: previous.documents.filter((entry) => entry.id !== document.id) }
        : previous,
    );
    void refreshAssessment();
  };

  const adoptDecided = (changed: Application) => {
    adoptVersion(changed.version);
    setApplication(changed);
    setData(changed.data);
  };

  const submit = async () => {
    setSubmitting(true);
    setSubmitError(undefined);
    try {
      if (!(await flush())) return;
      adoptDecided(await api.submitApplication(id, version()));
    } catch (failure) {
      setSubmitError(failure);
      // A refusal lists every finding and blocker: show them where they belong.
      if (failure instanceof ApiError && failure.assessment) {
        const { findings, blockers } = failure.assessment;
        setApplication((previous) =>
          previous ? { ...previous, findings, blockers, submittable: false } : previous,
        );
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <section aria-labelledby="application-title">
      <h1 id="application-title">
        {localised(type.names, language)} <span className="muted">({type.code})</span>
      </h1>
      <p className="muted">
        {enterprise && `${localised(enterprise, language)} · `}
        {data.destinationCountry &&
          `${t('applications.destination')}: ${countryName(data.destinationCountry, language)} · `}
        {t('common.status')}:{' '}
        <strong data-testid="application-status">{t(`applications.status.${application.status}`)}</strong>
      </p>

      <StatusNotice application={application} type={type} reasons={reasons} />
      {!readOnly && <SaveStatus autosave={autosave} onReload={() => void load()} />}
      {error !== undefined && <Notice kind="error">{errorText(t, error)}</Notice>}

      <FindingsSummary
        findings={application.findings}
        placed={placed}
        readOnly={readOnly}
        href={`#/applications/${id}`}
      />

      <form className="card wide certificate" onSubmit={(event) => event.preventDefault()}>
        <fieldset className="boxes" disabled={readOnly}>
          <CertificateBoxes
            type={type}
            data={data}
            certificateText={application.certificateText}
            placed={placed}
            readOnly={readOnly}
            onChange={change}
            marked={marked}
            endorsements={application.endorsements}
          />
        </fieldset>
      </form>

      <SupportingDocuments
        application={application}
        type={type}
        readOnly={readOnly}
        onUploaded={uploaded}
        onRemoved={removed}
      />
      {application.status !== 'draft' && (
        <EvidenceRequests subject={{ type: 'application', id: application.id }} mode="applicant" />
      )}

      {!readOnly && (
        <SubmitSection
          application={application}
          session={session}
          submitting={submitting}
          error={submitError}
          onSubmit={() => void submit()}
        />
      )}

      {WITHDRAWABLE_STATUSES.includes(application.status) && (
        <WithdrawSection
          application={application}
          version={version}
          onWithdrawn={adoptDecided}
          onReload={() => void load()}
        />
      )}
      {ISSUED_STATUSES.includes(application.status) && (
        <PrintSection application={application} onChanged={adoptDecided} onReload={() => void load()} />
      )}
      {ISSUED_STATUSES.includes(application.status) && (
        <ReplacementSection application={application} onReload={() => void load()} />
      )}
      <Decisions decisions={application.decisions} reasons={reasons} />
      {application.status !== 'draft' && (
        <Timeline applicationId={id} version={application.version} reasons={reasons} />
      )}
    </section>
  );
}

/** "Saving…" / "Saved", or why not, with a way on. */
function SaveStatus({
  autosave,
  onReload,
}: {
  autosave: ReturnType<typeof useDraftAutosave>;
  onReload: () => void;
}) {
  const { t } = useI18n();
  const { state, error, flush } = autosave;
  if (state === 'conflict')
    return (
      <div className="notice notice-error" role="alert">
        <p>{t('application.conflict')}</p>
        <button type="button" onClick={onReload}>
          {t('application.reload')}
        </button>
      </div>
    );
  if (state === 'failed')
    return (
      <div className="notice notice-error" role="alert">
        <p>{t('application.saveFailed', { reason: errorText(t, error) })}</p>
        <button type="button" onClick={() => void flush()}>
          {t('application.saveAgain')}
        </button>
      </div>
    );
  return (
    <p className="save-status" role="status">
      {state === 'saved' ? t('application.saved') : t('application.saving')}
    </p>
  );
}

/** Findings about a whole group of fields name the group. */
const GROUP_LABELS = new Map<string, MessageKey>([
  ['items', 'application.group.items'],
  ['invoices', 'application.group.invoices'],
  ['thirdPartyInvoicing', 'application.group.thirdPartyInvoicing'],
  ['backToBack', 'application.group.backToBack'],
  ['exhibition', 'application.group.exhibition'],
]);

/** Where a finding is: box, item or invoice, and field, in words. */
function findingPlace(finding: Finding, t: ReturnType<typeof useI18n>['t']): string {
  const { path, index } = generalPath(finding.path);
  const parts: string[] = [];
  if (finding.box) parts.push(t('application.box', { number: finding.box }));
  if (index !== null)
    parts.push(
      t(path.startsWith('items') ? 'application.item' : 'application.invoice', { number: index + 1 }),
    );
  const key = GROUP_LABELS.get(path) ?? `appField.${path}`;
  if (key in DICTIONARIES.en) parts.push(t(key as MessageKey));
  return parts.join(' · ') || t('application.wholeApplication');
}

/** Every finding at the top, errors first, each leading to its field. */
export function FindingsSummary({
  findings,
  placed,
  readOnly,
  href,
}: {
  findings: readonly Finding[];
  placed: PlacedFindings;
  readOnly: boolean;
  /** The page's own address, for the links that lead to each field. */
  href: string;
}) {
  const { t, language } = useI18n();
  const errors = findings.filter((finding) => finding.severity === 'error');
  const warnings = findings.filter((finding) => finding.severity === 'warning');
  if (findings.length === 0) return readOnly ? null : <p className="muted">{t('application.allClear')}</p>;
  return (
    <section className="card wide summary" aria-labelledby="findings-title">
      <h2 id="findings-title">{readOnly ? t('application.summarySubmitted') : t('application.summary')}</h2>
      <p>{t('application.summaryCounts', { errors: errors.length, warnings: warnings.length })}</p>
      <ul className="findings">
        {[...errors, ...warnings].map((finding, index) => {
          const anchor = placed.anchor.get(finding);
          const place = findingPlace(finding, t);
          return (
            <li
              key={`${finding.path}-${finding.code}-${index}`}
              className={`finding finding-${finding.severity}`}
            >
              <span className="visually-hidden">{t(`finding.${finding.severity}`)}: </span>
              {anchor ? (
                <a
                  href={href}
                  onClick={(event) => {
                    // The hash is the router's: lead to the field without leaving the page.
                    event.preventDefault();
                    reveal(anchor);
                  }}
                >
                  {place}
                </a>
              ) : (
                place
              )}
              : {language === 'zh-CN' ? finding.message.zh : finding.message.en}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** What still blocks the submission, and the submit button. */
function SubmitSection({
  application,
  session,
  submitting,
  error,
  onSubmit,
}: {
  application: Application;
  session: Session;
  submitting: boolean;
  error: unknown;
  onSubmit: () => void;
}) {
  const { t, language } = useI18n();
  const ownEnterprise = session.user.organisation.id === application.enterpriseId;
  const again = application.status === 'returned';
  return (
    <section className="card wide" aria-labelledby="submit-title">
      <h2 id="submit-title">{again ? t('application.resubmitTitle') : t('application.submitTitle')}</h2>
      {application.blockers.length > 0 ? (
        <>
          <p>{t('application.blockers')}</p>
          <ul className="blockers">
            {application.blockers.map((blocker) => (
              <li key={blocker.code}>
                {localised(blocker.message, language)}
                {blocker.code === 'enterprise_not_synchronised' && ownEnterprise && (
                  <>
                    {' '}
                    <a href="#/enterprise-profile">{t('application.toProfile')}</a>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('application.ready')}</p>
      )}
      {error !== undefined && <Notice kind="error">{errorText(t, error)}</Notice>}
      <button type="button" disabled={submitting} onClick={onSubmit}>
        {submitting
          ? t('application.submitting')
          : again
            ? t('application.submitAgain')
            : t('application.submit')}
      </button>
    </section>
  );
}
