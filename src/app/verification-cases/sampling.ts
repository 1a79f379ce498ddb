import type { Actor } from '../../domain/actor.js';
import { actorLabel } from '../../domain/actor.js';
import { chinaDate } from '../../domain/agent-authorisation.js';
import { DomainError } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import { isSampled } from '../../domain/verification-case.js';
import type { ApplicationRecord, Deps, Repositories } from '../ports.js';
import { newId } from '../tokens.js';

/** Sets the share of a type's certificates drawn for verification at issue (0 to 100 percent). */
export async function setSamplingRate(
  deps: Pick<Deps, 'store' | 'clock' | 'certificateTypes'>,
  actor: Actor,
  input: { typeCode: string; rate: number },
): Promise<{ typeCode: string; rate: number }> {
  authorize(actor, 'verificationCase.configure');
  if (!deps.certificateTypes.get(input.typeCode))
    throw new DomainError('NOT_FOUND', `There is no certificate type ${input.typeCode}.`);
  if (!(input.rate >= 0 && input.rate <= 100) || Math.round(input.rate * 100) !== input.rate * 100)
    throw new DomainError('VALIDATION_FAILED', 'The rate is a percentage from 0 to 100.', [
      { path: 'rate', code: 'invalid_rate', message: 'Give 0 to 100, with at most two decimals.' },
    ]);
  const at = deps.clock.now().toISOString();
  await deps.store.transaction(async (tx) => {
    await tx.verificationCases.setSamplingRate({ ...input, by: actorLabel(actor), at });
    await tx.audit.append(actor, at, {
      type: 'verification.sampling_rate_set',
      subjectType: 'certificate_type',
      subjectId: input.typeCode,
      data: input,
    });
  });
  return input;
}

/** The sampling rates set, by type (types not listed are not sampled). */
export async function listSamplingRates(deps: Pick<Deps, 'store'>, actor: Actor) {
  authorize(actor, 'verificationCase.configure');
  return deps.store.verificationCases.listSamplingRates();
}

/**
 * At issue, inside the approval's transaction: a certificate drawn by random sampling at its type's rate
 * gets a verification case of its office, with no owner until an officer takes it. The draw is a function
 * of the number (see isSampled), so it can be checked afterwards.
 */
export async function sampleIssuedCertificate(
  deps: Pick<Deps, 'clock'>,
  tx: Repositories,
  issued: ApplicationRecord,
): Promise<void> {
  const number = issued.certificateNumber;
  if (!number) return;
  const rate = await tx.verificationCases.samplingRate(issued.typeCode);
  if (!isSampled(number, rate)) return;
  const at = deps.clock.now().toISOString();
  const id = newId();
  await tx.verificationCases.insert({
    id,
    officeId: issued.officeId,
    enterpriseId: issued.enterpriseId,
    source: 'sampling',
    status: 'open',
    outcome: null,
    requestingCountry: '',
    requestingAuthority: '',
    foreignReference: '',
    receivedOn: chinaDate(deps.clock.now()),
    replyDue: null,
    questions: `Drawn by random sampling of ${issued.typeCode} certificates at ${rate}%.`,
    riskRule: '',
    ownerId: null,
    findings: '',
    certificates: [{ applicationId: issued.id, certificateNumber: number, typeCode: issued.typeCode }],
    openedBy: 'system:sampling',
    openedAt: at,
    openedOn: chinaDate(deps.clock.now()),
    concludedBy: null,
    concludedAt: null,
    version: 1,
  });
  await tx.audit.append({ kind: 'system', name: 'sampling' }, at, {
    type: 'verification_case.opened',
    subjectType: 'verification_case',
    subjectId: id,
    data: { source: 'sampling', certificates: [number], replyDue: null },
  });
}
