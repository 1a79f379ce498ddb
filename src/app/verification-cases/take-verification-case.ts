import type { Actor } from '../../domain/actor.js';
import { DomainError } from '../../domain/errors.js';
import type { Deps } from '../ports.js';
import { userIdOf } from '../review/decide.js';
import { loadCaseForOfficer } from './access.js';
import type { VerificationCaseView } from './case-view.js';
import { withOwnerNames } from './case-view.js';

/**
 * An officer of the case's office takes an open case over: one nobody owns (a sampled case), or a
 * colleague's. From then on the officer owns it and is the one alerted when a request in it escalates.
 * The version the officer saw guards against taking a case that changed meanwhile. One transaction.
 */
export async function takeVerificationCase(
  deps: Pick<Deps, 'store' | 'clock'>,
  actor: Actor,
  input: { id: string; expectedVersion: number },
): Promise<VerificationCaseView> {
  const at = deps.clock.now().toISOString();
  const taken = await deps.store.transaction(async (tx) => {
    const found = await loadCaseForOfficer(tx, actor, input.id);
    const officerId = userIdOf(actor);
    if (!officerId)
      throw new DomainError('FORBIDDEN', 'A case is owned by an officer in person, not by an API key.');
    if (found.status !== 'open') throw new DomainError('CONFLICT', 'The case is concluded.');
    if (found.version !== input.expectedVersion)
      throw new DomainError('CONFLICT', 'The case changed since you opened it; reload it.', [
        { path: 'expectedVersion', code: 'stale_version', message: 'Reload the case.' },
      ]);
    if (found.ownerId === officerId) return found;
    const changed = { ...found, ownerId: officerId, version: found.version + 1 };
    if (!(await tx.verificationCases.update(changed, found.version)))
      throw new DomainError('CONFLICT', 'The case changed meanwhile; reload it.', [
        { path: 'expectedVersion', code: 'stale_version', message: 'Reload the case.' },
      ]);
    await tx.audit.append(actor, at, {
      type: 'verification_case.taken',
      subjectType: 'verification_case',
      subjectId: found.id,
      data: { ownerId: officerId, previousOwnerId: found.ownerId },
    });
    return changed;
  });
  return (await withOwnerNames(deps, [taken]))[0]!;
}
