import type { Actor } from '../../domain/actor.js';
import { DomainError } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import type { Deps, UserRecord } from '../ports.js';

/**
 * Loads an officer the actor may manage the signature of (the officer themself, a customs administrator).
 * FORBIDDEN whether the user exists or not to anyone else; only customs officers have signatures.
 */
export async function loadOfficerFor(
  deps: Pick<Deps, 'store'>,
  actor: Actor,
  userId: string,
): Promise<UserRecord> {
  const user = await deps.store.users.findById(userId);
  const organisation = user && (await deps.store.organisations.findById(user.orgId));
  authorize(actor, 'officerSignature.manage', {
    userId,
    orgId: user?.orgId,
    orgKind: organisation?.kind,
    officeId: organisation?.kind === 'office' ? organisation.id : undefined,
  });
  if (!user) throw new DomainError('NOT_FOUND', 'No such user.');
  if (!user.roles.includes('customs_officer'))
    throw new DomainError('VALIDATION_FAILED', 'Only customs officers sign certificates.', [
      { path: 'userId', code: 'not_an_officer', message: 'This user is not a customs officer.' },
    ]);
  return user;
}
