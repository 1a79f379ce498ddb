import type { Actor } from '../../domain/actor.js';
import { transition } from '../../domain/application-lifecycle.js';
import { DomainError } from '../../domain/errors.js';
import type { ApplicationRecord, Deps, Repositories } from '../ports.js';
import { passesEveryCheck } from '../../domain/automated-checks.js';
import { approveWithin } from '../review/approve-application.js';
import { runAutomatedChecks } from '../review/run-automated-checks.js';
import { issueReceipt } from '../receipts/issue-receipt.js';
import { loadApplicationFor } from './access.js';
import type { ApplicationView } from './assessment.js';
import { assess, toApplicationView } from './assessment.js';
import { staleVersion } from './update-application.js';

/**
 * Sends a draft to customs. Refused, changing nothing, while a box has an error, a required document is
 * missing, or the enterprise's information is not synchronised for its latest version. The submission
 * records the version of the enterprise information it rests on.
 */
export async function submitApplication(
  deps: Pick<
    Deps,
    'store' | 'clock' | 'certificateTypes' | 'hs' | 'review' | 'signer' | 'publicUrl' | 'origin'
  >,
  actor: Actor,
  input: { id: string; expectedVersion?: number | undefined },
): Promise<ApplicationView> {
  const submitted = await deps.store.transaction(async (tx) => submitWithin(deps, tx, actor, input));
  return toApplicationView(deps, deps.store, submitted);
}

/** The submission inside a caller's transaction (message import creates and submits in one). */
export async function submitWithin(
  deps: Pick<
    Deps,
    'store' | 'clock' | 'certificateTypes' | 'hs' | 'review' | 'signer' | 'publicUrl' | 'origin'
  >,
  tx: Repositories,
  actor: Actor,
  input: { id: string; expectedVersion?: number | undefined },
) {
  const application = await loadApplicationFor(deps, actor, 'application.apply', input.id, tx);
  // A returned application, corrected, is resubmitted; anything else is submitted from its draft.
  const action = application.status === 'returned' ? 'resubmit' : 'submit';
  const move = transition(application.status, action, 'applicant');
  if (!move.ok) throw new DomainError('CONFLICT', move.message, [], { status: application.status });
  if (input.expectedVersion !== undefined && input.expectedVersion !== application.version)
    throw staleVersion(input.expectedVersion);
  const [profile, documents] = await Promise.all([
    tx.enterpriseProfiles.find(application.enterpriseId),
    tx.applications.listDocuments(application.id),
  ]);
  const assessment = assess(deps, application, profile, documents);
  if (!assessment.submittable) {
    const notSynchronised = assessment.blockers.find(
      (blocker) => blocker.code === 'enterprise_not_synchronised',
    );
    if (notSynchronised && assessment.blockers.length === 1)
      throw new DomainError('ENTERPRISE_NOT_SYNCHRONISED', notSynchronised.message.en, [], {
        blockers: assessment.blockers,
      });
    throw new DomainError(
      'VALIDATION_FAILED',
      assessment.blockers.map((blocker) => blocker.message.en).join(' '),
      assessment.findings
        .filter((finding) => finding.severity === 'error')
        .map((finding) => ({
          path: `data.${finding.path}`,
          code: finding.code,
          message: finding.message.en,
        })),
      { findings: assessment.findings, blockers: assessment.blockers },
    );
  }
  const now = deps.clock.now().toISOString();
  const submitted: ApplicationRecord = {
    ...application,
    status: move.to,
    version: application.version + 1,
    profileVersion: profile!.version,
    findings: assessment.findings,
    updatedAt: now,
    submittedAt: now,
    firstSubmittedAt: application.firstSubmittedAt ?? now,
  };
  submitted.checks = await runAutomatedChecks(deps, tx, submitted, {
    findings: assessment.findings,
    profile,
  });
  if (!(await tx.applications.update(submitted, application.version)))
    throw staleVersion(application.version);
  const facts = {
    version: submitted.version,
    profileVersion: profile!.version,
    warnings: assessment.findings.length,
  };
  await tx.audit.append(
    actor,
    now,
    action === 'resubmit'
      ? {
          type: 'application.resubmitted',
          subjectType: 'application',
          subjectId: application.id,
          data: facts,
        }
      : {
          type: 'application.submitted',
          subjectType: 'application',
          subjectId: application.id,
          data: { typeCode: application.typeCode, ...facts },
        },
  );
  await issueReceipt(deps, tx, submitted);
  // An office may approve a type automatically when every check passed; the decision is marked automatic.
  if (
    passesEveryCheck(submitted.checks) &&
    (await tx.applications.autoApproval(submitted.officeId, submitted.typeCode))
  )
    return approveWithin(
      deps,
      tx,
      { kind: 'system', name: 'automatic-approval' },
      {
        id: submitted.id,
        expectedVersion: submitted.version,
      },
    );
  return submitted;
}
