import type { Actor } from '../../domain/actor.js';
import { DomainError } from '../../domain/errors.js';
import type { ApplicationView } from '../applications/assessment.js';
import { toApplicationView } from '../applications/assessment.js';
import type { ReviewDeps } from './decide.js';
import { loadForOfficerAct, saveDecided, userIdOf } from './decide.js';

/** An officer takes an application from the office's queue; from then on only they decide it. */
export async function claimApplication(
  deps: ReviewDeps,
  actor: Actor,
  input: { id: string; expectedVersion: number },
): Promise<ApplicationView> {
  const reviewerId = userIdOf(actor);
  if (!reviewerId) throw new DomainError('FORBIDDEN', 'Only an officer (a person) claims applications.');
  const claimed = await deps.store.transaction(async (tx) => {
    const { application, to } = await loadForOfficerAct(tx, actor, { ...input, action: 'claim' });
    const now = deps.clock.now().toISOString();
    const changed = {
      ...application,
      status: to,
      reviewerId,
      version: application.version + 1,
      updatedAt: now,
    };
    await saveDecided(deps, tx, changed, application.version);
    await tx.audit.append(actor, now, {
      type: 'application.claimed',
      subjectType: 'application',
      subjectId: application.id,
      data: { reviewerId },
    });
    return changed;
  });
  return toApplicationView(deps, deps.store, claimed);
}
