import type { Actor } from '../../domain/actor.js';
import type { Action, Party } from '../../domain/application-lifecycle.js';
import { transition } from '../../domain/application-lifecycle.js';
import { DomainError } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import type { ApplicationRecord, Deps, Repositories } from '../ports.js';
import { staleVersion } from '../applications/update-application.js';
import { issueReceipt } from '../receipts/issue-receipt.js';

/**
 * Loads an application for an officer's act inside the caller's transaction, and checks the act: the
 * officer belongs to its office, the state table allows the action, nobody changed it since the officer
 * read it (`expectedVersion`), and, for a decision, the officer is the one who claimed it.
 */
export async function loadForOfficerAct(
  tx: Repositories,
  actor: Actor,
  input: {
    id: string;
    expectedVersion: number;
    action: Action;
    anyOfficer?: boolean;
    /** Handing a claimed application to another officer: no status change, so no transition to check. */
    reassign?: boolean;
  },
): Promise<{ application: ApplicationRecord; to: ApplicationRecord['status'] }> {
  const application = await tx.applications.findById(input.id);
  if (!application) {
    authorize(actor, 'review.decide', {});
    throw new DomainError('NOT_FOUND', 'No such application.');
  }
  authorize(actor, 'review.decide', {
    orgId: application.enterpriseId,
    orgKind: 'enterprise',
    officeId: application.officeId,
  });
  const party: Party = actor.kind === 'system' ? 'system' : 'officer';
  const move = input.reassign
    ? application.status === 'under_review'
      ? ({ ok: true, to: application.status } as const)
      : ({
          ok: false,
          message: `An application that is ${application.status.replaceAll('_', ' ')} is not in review; it cannot be assigned.`,
        } as const)
    : transition(application.status, input.action, party);
  if (!move.ok) throw new DomainError('CONFLICT', move.message, [], { status: application.status });
  if (application.version !== input.expectedVersion) {
    const by =
      application.reviewerId && application.reviewerId !== userIdOf(actor) ? ' by another officer' : '';
    throw new DomainError(
      'CONFLICT',
      `The application was changed${by} since you opened it (it is now ${application.status.replaceAll('_', ' ')}). Reload it.`,
      [{ path: 'expectedVersion', code: 'stale_version', message: 'Reload the application.' }],
      { status: application.status, version: application.version },
    );
  }
  if (
    input.action !== 'claim' &&
    !input.anyOfficer &&
    actor.kind !== 'system' &&
    application.reviewerId !== userIdOf(actor)
  )
    throw new DomainError(
      'CONFLICT',
      'Another officer has claimed this application; only they can decide it (or it must be assigned to you).',
      [],
      { reviewerId: application.reviewerId },
    );
  return { application, to: move.to };
}

export const userIdOf = (actor: Actor): string | null => (actor.kind === 'user' ? actor.userId : null);

/**
 * Writes the changed application if nobody saved in between (the version check in the UPDATE), and gives
 * the applicant its receipt for the new status in the same transaction.
 */
export async function saveDecided(
  deps: Pick<Deps, 'clock'>,
  tx: Repositories,
  changed: ApplicationRecord,
  readVersion: number,
): Promise<void> {
  if (!(await tx.applications.update(changed, readVersion))) throw staleVersion(readVersion);
  await issueReceipt(deps, tx, changed);
}

export type ReviewDeps = Pick<
  Deps,
  'store' | 'clock' | 'certificateTypes' | 'hs' | 'review' | 'signer' | 'publicUrl'
>;
