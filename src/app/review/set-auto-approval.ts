import type { Actor } from '../../domain/actor.js';
import { actorLabel } from '../../domain/actor.js';
import { DomainError } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import { certificateTypeOf } from '../applications/access.js';
import { scopeOfOrganisation } from '../organisations/access.js';
import type { Deps } from '../ports.js';

/**
 * Switches automatic approval on or off for one office and certificate type: applications that pass every
 * automated check are then approved without an officer, and marked as automatic.
 */
export async function setAutoApproval(
  deps: Pick<Deps, 'store' | 'clock' | 'certificateTypes'>,
  actor: Actor,
  input: { officeId: string; typeCode: string; autoApprove: boolean },
): Promise<{ typeCode: string; autoApprove: boolean; updatedBy: string; updatedAt: string }> {
  const office = await deps.store.organisations.findById(input.officeId);
  authorize(actor, 'review.configure', office ? scopeOfOrganisation(office) : { orgId: input.officeId });
  if (office?.kind !== 'office') throw new DomainError('NOT_FOUND', 'No such issuing office.');
  certificateTypeOf(deps, input.typeCode);
  const setting = {
    officeId: office.id,
    typeCode: input.typeCode,
    autoApprove: input.autoApprove,
    updatedBy: actorLabel(actor),
    updatedAt: deps.clock.now().toISOString(),
  };
  await deps.store.transaction(async (tx) => {
    await tx.applications.setAutoApproval(setting);
    await tx.audit.append(actor, setting.updatedAt, {
      type: 'office.auto_approval_set',
      subjectType: 'organisation',
      subjectId: office.id,
      data: { typeCode: input.typeCode, autoApprove: input.autoApprove },
    });
  });
  return setting;
}

/** An office's automatic-approval settings, for its officers and the customs administration. */
export async function listAutoApproval(
  deps: Pick<Deps, 'store'>,
  actor: Actor,
  officeId: string,
): Promise<Array<{ typeCode: string; autoApprove: boolean; updatedBy: string; updatedAt: string }>> {
  const office = await deps.store.organisations.findById(officeId);
  authorize(actor, 'organisation.read', office ? scopeOfOrganisation(office) : { orgId: officeId });
  if (office?.kind !== 'office') throw new DomainError('NOT_FOUND', 'No such issuing office.');
  return deps.store.applications.listAutoApproval(office.id);
}
