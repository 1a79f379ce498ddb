import type { Actor } from '../../domain/actor.js';
import { hasRole } from '../../domain/actor.js';
import { DomainError } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import { loadApplicationFor } from '../applications/access.js';
import type { Deps, Repositories, VerificationCaseRecord } from '../ports.js';

/**
 * A verification case for an officer's act (open, take, conclude, ask): officers of the case's office.
 * Someone who may not act gets FORBIDDEN whether the case exists or not.
 */
export async function loadCaseForOfficer(
  repositories: Pick<Repositories, 'verificationCases'>,
  actor: Actor,
  id: string,
): Promise<VerificationCaseRecord> {
  const found = await repositories.verificationCases.findById(id);
  authorize(
    actor,
    'verificationCase.manage',
    found ? { orgId: found.enterpriseId, orgKind: 'enterprise', officeId: found.officeId } : {},
  );
  if (!found) throw new DomainError('NOT_FOUND', 'No such verification case.');
  return found;
}

/**
 * A verification case for its enterprise, officers of its office and administrators; agent staff reach
 * it through a certificate their agency applied for (with `application.apply` to answer, `.read` to see).
 */
export async function loadCaseForParty(
  deps: Pick<Deps, 'store' | 'clock'>,
  actor: Actor,
  id: string,
  answering: boolean,
): Promise<VerificationCaseRecord> {
  const found = await deps.store.verificationCases.findById(id);
  if (found && actor.kind !== 'system' && hasRole(actor, 'agent_staff')) {
    // Through any certificate of the case their agency applied for and may still act on (the enterprise's
    // authorisation for its type in force today); the refusal of the last one tried otherwise.
    let refusal: DomainError | null = null;
    for (const certificate of found.certificates) {
      const application = await deps.store.applications.findById(certificate.applicationId);
      if (application?.agencyId !== actor.orgId) continue;
      try {
        await loadApplicationFor(
          deps,
          actor,
          answering ? 'application.apply' : 'application.read',
          application.id,
        );
        return found;
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        refusal = error;
      }
    }
    if (refusal) throw refusal;
  }
  const scope = found
    ? { orgId: found.enterpriseId, orgKind: 'enterprise' as const, officeId: found.officeId }
    : {};
  authorize(actor, 'verificationCase.read', scope);
  if (!found) throw new DomainError('NOT_FOUND', 'No such verification case.');
  if (answering && actor.kind !== 'system' && actor.orgId !== found.enterpriseId)
    throw new DomainError('FORBIDDEN', 'Only the enterprise (or its agency) answers customs’ requests.');
  return found;
}
