import type { Actor } from '../../domain/actor.js';
import { DomainError } from '../../domain/errors.js';
import type { Permission, Scope } from '../../domain/policy.js';
import { authorize } from '../../domain/policy.js';
import type { OrganisationRecord, OrganisationRepository } from '../ports.js';

/**
 * The authorisation scope of an organisation: itself, and the issuing office it belongs to (with the
 * certificate types an agent acting on it is authorised for, where that matters).
 */
export function scopeOfOrganisation(
  organisation: OrganisationRecord,
  agentCertificateTypes?: Scope['agentCertificateTypes'],
): Scope {
  return {
    orgId: organisation.id,
    orgKind: organisation.kind,
    officeId: organisation.kind === 'office' ? organisation.id : (organisation.parentId ?? undefined),
    agentCertificateTypes,
  };
}

/**
 * Loads an organisation the actor must hold `permission` on. Someone who may not act on it gets
 * FORBIDDEN whether it exists or not; only those who could see it learn that it does not exist.
 */
export async function loadOrganisationFor(
  organisations: OrganisationRepository,
  actor: Actor,
  permission: Permission,
  orgId: string,
  agentScope: Pick<Scope, 'agentCertificateTypes'> = {},
): Promise<OrganisationRecord> {
  const organisation = await organisations.findById(orgId);
  if (!organisation) {
    authorize(actor, permission, { orgId, agentCertificateTypes: agentScope.agentCertificateTypes });
    throw new DomainError('NOT_FOUND', 'No such organisation.');
  }
  // The organisation's own scope is never overridden by the caller; only the agent's types are added.
  authorize(actor, permission, scopeOfOrganisation(organisation, agentScope.agentCertificateTypes));
  return organisation;
}
