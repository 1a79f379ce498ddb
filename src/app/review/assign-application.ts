import type { Actor } from '../../domain/actor.js';
import { QUEUED_STATUSES } from '../../domain/application-lifecycle.js';
import { DomainError } from '../../domain/errors.js';
import type { ApplicationView } from '../applications/assessment.js';
import { toApplicationView } from '../applications/assessment.js';
import type { ReviewDeps } from './decide.js';
import { loadForOfficerAct, saveDecided } from './decide.js';

/**
 * An officer of the office hands an application to a colleague of the same office: a waiting one is
 * claimed for them, a claimed one changes hands. From then on only the assignee decides it.
 */
export async function assignApplication(
  deps: ReviewDeps,
  actor: Actor,
  input: { id: string; expectedVersion: number; officerId: string },
): Promise<ApplicationView> {
  const assigned = await deps.store.transaction(async (tx) => {
    const current = await tx.applications.findById(input.id);
    // A waiting application is claimed for the assignee; a claimed one only changes hands.
    const waiting = current !== undefined && QUEUED_STATUSES.includes(current.status);
    const { application, to } = await loadForOfficerAct(tx, actor, {
      ...input,
      action: 'claim',
      anyOfficer: true,
      ...(waiting ? {} : { reassign: true }),
    });
    const assignee = await tx.users.findById(input.officerId);
    const offices = assignee ? await tx.users.officeIdsOf(assignee.id) : [];
    if (
      !assignee ||
      assignee.status !== 'active' ||
      !assignee.roles.includes('customs_officer') ||
      !offices.includes(application.officeId)
    )
      throw new DomainError(
        'VALIDATION_FAILED',
        'Assign the application to an active officer of its office.',
        [
          {
            path: 'officerId',
            code: 'not_an_officer_of_the_office',
            message: 'Choose an officer of this office.',
          },
        ],
      );
    const at = deps.clock.now().toISOString();
    const changed = {
      ...application,
      status: waiting ? to : application.status,
      reviewerId: assignee.id,
      version: application.version + 1,
      updatedAt: at,
    };
    await saveDecided(deps, tx, changed, application.version);
    await tx.audit.append(actor, at, {
      type: 'application.assigned',
      subjectType: 'application',
      subjectId: application.id,
      data: { reviewerId: assignee.id, previousReviewerId: application.reviewerId },
    });
    return changed;
  });
  return toApplicationView(deps, deps.store, assigned);
}
