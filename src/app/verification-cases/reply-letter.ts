import type { Actor } from '../../domain/actor.js';
import { DomainError } from '../../domain/errors.js';
import type { CaseOutcome } from '../../domain/verification-case.js';
import type { Deps } from '../ports.js';
import { loadCaseForOfficer } from './access.js';

const OUTCOME_TEXT: Record<CaseOutcome, { outcome: string; consequence: string }> = {
  confirmed: {
    outcome: 'ORIGIN CONFIRMED',
    consequence: 'The certificates remain valid.',
  },
  not_confirmed: {
    outcome: 'ORIGIN NOT CONFIRMED',
    consequence:
      'The certificates have been cancelled and are no longer valid; public verification shows them as cancelled.',
  },
  inconclusive: {
    outcome: 'INCONCLUSIVE',
    consequence:
      'The evidence available does not allow a conclusion either way; the certificates have not been cancelled.',
  },
};

/** The reply letter of a concluded case opened on a foreign request, as a PDF, for officers of its office. */
export async function renderVerificationReplyLetter(
  deps: Pick<Deps, 'store' | 'renderer'>,
  actor: Actor,
  id: string,
): Promise<{ pdf: Buffer; caseId: string }> {
  const found = await loadCaseForOfficer(deps.store, actor, id);
  if (found.source !== 'foreign_request')
    throw new DomainError('CONFLICT', 'Only a case opened on a foreign request is answered by letter.');
  if (found.status !== 'concluded' || !found.outcome)
    throw new DomainError('CONFLICT', 'Conclude the case first: the letter states its outcome.');
  const [office, enterprise] = await Promise.all([
    deps.store.organisations.findById(found.officeId),
    deps.store.organisations.findById(found.enterpriseId),
  ]);
  const officerId = found.concludedBy?.startsWith('user:') ? found.concludedBy.slice(5) : null;
  const officer = officerId ? await deps.store.users.findById(officerId) : undefined;
  const text = OUTCOME_TEXT[found.outcome];
  const pdf = await deps.renderer.renderReplyLetter({
    caseId: found.id,
    office: office?.nameEn ?? found.officeId,
    date: (found.concludedAt ?? '').slice(0, 10),
    authority: found.requestingAuthority,
    country: found.requestingCountry,
    foreignReference: found.foreignReference,
    receivedOn: found.receivedOn,
    exporter: enterprise?.nameEn ?? found.enterpriseId,
    certificates: found.certificates.map((certificate) => certificate.certificateNumber),
    outcomeText: text.outcome,
    findings: found.findings,
    consequence: text.consequence,
    signatory: officer?.displayName ?? 'Customs officer',
  });
  return { pdf, caseId: found.id };
}
