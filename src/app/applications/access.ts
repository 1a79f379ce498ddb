import type { Actor } from '../../domain/actor.js';
import { DomainError } from '../../domain/errors.js';
import type { Permission } from '../../domain/policy.js';
import { authorize } from '../../domain/policy.js';
import type { CertificateType } from '../../domain/certificate-types.js';
import { agentScopeFor } from '../agents/agent-scope.js';
import { scopeOfOrganisation } from '../organisations/access.js';
import type { ApplicationRecord, Deps, OrganisationRecord, Repositories } from '../ports.js';

/** The certificate type of a code, or a coded refusal naming the types there are. */
export function certificateTypeOf(deps: Pick<Deps, 'certificateTypes'>, code: string): CertificateType {
  const type = deps.certificateTypes.get(code);
  if (!type) {
    const known = deps.certificateTypes
      .list()
      .map((entry) => entry.code)
      .join(', ');
    throw new DomainError('VALIDATION_FAILED', `There is no certificate type ${code}.`, [
      { path: 'typeCode', code: 'unknown_type', message: `Choose one of the certificate types: ${known}.` },
    ]);
  }
  return type;
}

/**
 * The enterprise an actor applies for with a type: its own, or (for agent staff) one that authorised their
 * agency for that type today. FORBIDDEN whether or not the enterprise exists.
 */
export async function loadEnterpriseToApply(
  deps: Pick<Deps, 'store' | 'clock'>,
  actor: Actor,
  enterpriseId: string,
  typeCode: string,
): Promise<OrganisationRecord> {
  const agentScope = await agentScopeFor(deps, actor, enterpriseId);
  const organisation = await deps.store.organisations.findById(enterpriseId);
  const scope = organisation ? scopeOfOrganisation(organisation) : { orgId: enterpriseId };
  authorize(actor, 'application.apply', { ...scope, ...agentScope, certificateType: typeCode });
  if (!organisation) throw new DomainError('NOT_FOUND', 'No such enterprise.');
  if (organisation.kind !== 'enterprise')
    throw new DomainError('VALIDATION_FAILED', 'Only an enterprise applies for certificates.', [
      { path: 'enterpriseId', code: 'not_an_enterprise', message: 'Choose the exporting enterprise.' },
    ]);
  return organisation;
}

/**
 * An application the actor holds `permission` on. Someone who may not see it gets FORBIDDEN whether it
 * exists or not; only those who could see it learn that it does not.
 */
export async function loadApplicationFor(
  deps: Pick<Deps, 'store' | 'clock'>,
  actor: Actor,
  permission: Permission,
  id: string,
  repositories: Pick<Repositories, 'applications' | 'agentAuthorisations'> = deps.store,
): Promise<ApplicationRecord> {
  const application = await repositories.applications.findById(id);
  if (!application) {
    authorize(actor, permission, {});
    throw new DomainError('NOT_FOUND', 'No such application.');
  }
  const agentScope = await agentScopeFor(deps, actor, application.enterpriseId, repositories);
  authorize(actor, permission, {
    orgId: application.enterpriseId,
    orgKind: 'enterprise',
    officeId: application.officeId,
    ...agentScope,
    certificateType: application.typeCode,
    applicationAgencyId: application.agencyId,
  });
  return application;
}
