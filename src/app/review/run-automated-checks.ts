import { activeCertificateTypes, chinaDate } from '../../domain/agent-authorisation.js';
import { LIVE_CERTIFICATE_STATUSES, QUEUED_STATUSES } from '../../domain/application-lifecycle.js';
import type { CheckResult } from '../../domain/automated-checks.js';
import type { Finding } from '../../domain/certificate-rules.js';
import { acceptsDestination } from '../../domain/certificate-types.js';
import { isRetroactive } from '../../domain/endorsements.js';
import { checkPreReviewReferences } from '../../domain/pre-review.js';
import { agreementForCertificateType } from '../../origin/origin-catalogue.js';
import type { ApplicationRecord, Deps, EnterpriseProfileState, Repositories } from '../ports.js';
import { certificateTypeOf } from '../applications/access.js';

/**
 * The automated checks at submission, with evidence for the officer (src/domain/automated-checks.ts).
 * Reads inside the submission's transaction; never throws for a failed check, only reports it.
 */
export async function runAutomatedChecks(
  deps: Pick<Deps, 'clock' | 'certificateTypes' | 'origin'>,
  tx: Repositories,
  application: ApplicationRecord,
  context: { findings: readonly Finding[]; profile: EnterpriseProfileState | undefined },
): Promise<CheckResult[]> {
  const type = certificateTypeOf(deps, application.typeCode);
  const today = chinaDate(deps.clock.now());
  const results: CheckResult[] = [];

  const warnings = context.findings.filter((finding) => finding.severity === 'warning');
  results.push({
    check: 'field_rules',
    outcome: warnings.length ? 'warn' : 'pass',
    evidence: warnings.length
      ? `${warnings.length} warning(s): ${warnings.map((finding) => finding.code).join(', ')}`
      : `every rule of ${type.code} passed`,
  });

  const profile = context.profile;
  results.push({
    check: 'enterprise_synchronised',
    outcome:
      profile?.syncStatus === 'synchronised' && profile.syncedVersion === profile.version ? 'pass' : 'fail',
    evidence: profile
      ? `basic information version ${profile.version}, ${profile.syncStatus} (synchronised version ${profile.syncedVersion ?? 'none'})`
      : 'no basic information maintained',
  });

  if (application.agencyId) {
    const authorisations = await tx.agentAuthorisations.listBetween(
      application.agencyId,
      application.enterpriseId,
    );
    const types = activeCertificateTypes(authorisations, today);
    results.push({
      check: 'agent_scope',
      outcome: types.includes(application.typeCode) ? 'pass' : 'fail',
      evidence: `agency authorised today for ${types.length ? types.join(', ') : 'nothing'}; applied for ${application.typeCode}`,
    });
  } else {
    results.push({
      check: 'agent_scope',
      outcome: 'not_applicable',
      evidence: 'filed by the enterprise itself',
    });
  }

  const invoice = application.data.invoices[0]?.number.trim();
  const others = invoice
    ? (
        await tx.applications.findByInvoice(application.enterpriseId, invoice, [
          ...QUEUED_STATUSES,
          'under_review',
          ...LIVE_CERTIFICATE_STATUSES,
        ])
      ).filter((other) => other.id !== application.id && other.id !== application.replacesId)
    : [];
  results.push({
    check: 'invoice_unique',
    outcome: others.length ? 'fail' : 'pass',
    evidence: others.length
      ? `invoice ${invoice} is already on ${others
          .map((other) => other.certificateNumber ?? `application ${other.id} (${other.status})`)
          .join(', ')}`
      : `invoice ${invoice ?? '(none)'} is on no other live certificate`,
  });

  const destination = application.data.destinationCountry;
  results.push({
    check: 'destination_eligible',
    outcome: acceptsDestination(type, destination) ? 'pass' : 'fail',
    evidence: `${destination} ${acceptsDestination(type, destination) ? 'is' : 'is not'} an importing country of ${type.agreement?.code ?? type.code}`,
  });

  const shipped = application.data.transport.departureDate;
  const retroactive = isRetroactive(type, shipped, today);
  results.push({
    check: 'retroactive_window',
    outcome: retroactive ? 'warn' : 'pass',
    evidence: retroactive
      ? `shipped ${shipped}, certified ${today} at the earliest: issued retroactively ("${type.retroactive.marking}")`
      : `shipped ${shipped || '(not stated)'}; not retroactive`,
  });

  const referencing = application.data.items
    .map((item, index) => ({ index, ...item }))
    .filter((item) => item.preReviewId.trim() !== '');
  const found = await tx.preReviews.findByIds([
    ...new Set(referencing.map((item) => item.preReviewId.trim())),
  ]);
  results.push(
    checkPreReviewReferences(
      referencing.map((item) => ({ ...item, preReviewId: item.preReviewId.trim() })),
      new Map(found.map((preReview) => [preReview.id, preReview])),
      {
        enterpriseId: application.enterpriseId,
        agreement: agreementForCertificateType(deps.origin, application.typeCode),
        day: today,
      },
    ),
  );
  const stricter = await tx.verificationCases.stricterReviewOn(application.enterpriseId, today);
  results.push(
    stricter
      ? {
          check: 'stricter_review',
          outcome: 'fail',
          evidence: `the enterprise is under stricter review until ${stricter.until} (verification case ${stricter.caseId} not confirmed): an officer decides`,
        }
      : {
          check: 'stricter_review',
          outcome: 'pass',
          evidence: 'the enterprise is not under stricter review',
        },
  );
  return results;
}
