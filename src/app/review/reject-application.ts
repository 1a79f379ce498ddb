import type { Actor } from '../../domain/actor.js';
import { DomainError } from '../../domain/errors.js';
import type { ApplicationView } from '../applications/assessment.js';
import { toApplicationView } from '../applications/assessment.js';
import { newId } from '../tokens.js';
import type { ReviewDeps } from './decide.js';
import { loadForOfficerAct, saveDecided, userIdOf } from './decide.js';
import { checkReasons } from './return-application.js';

/** The officer refuses an application for good, with reasons and a note the applicant reads. */
export async function rejectApplication(
  deps: ReviewDeps,
  actor: Actor,
  input: { id: string; expectedVersion: number; reasons: string[]; note: string },
): Promise<ApplicationView> {
  const rejected = await deps.store.transaction(async (tx) => {
    const { application, to } = await loadForOfficerAct(tx, actor, { ...input, action: 'reject' });
    const problems = checkReasons(deps, input.reasons, input.note);
    if (input.note.trim() === '' && problems.every((problem) => problem.path !== 'note'))
      problems.push({ path: 'note', code: 'required', message: 'Say why the application is refused.' });
    if (problems.length)
      throw new DomainError('VALIDATION_FAILED', 'The refusal needs its reasons.', problems);
    const at = deps.clock.now().toISOString();
    const changed = { ...application, status: to, version: application.version + 1, updatedAt: at };
    await saveDecided(deps, tx, changed, application.version);
    await tx.applications.insertDecision({
      id: newId(),
      applicationId: application.id,
      action: 'reject',
      boxes: [],
      reasons: input.reasons,
      note: input.note.trim(),
      decidedBy: userIdOf(actor) ?? 'system',
      automatic: false,
      decidedAt: at,
    });
    await tx.audit.append(actor, at, {
      type: 'application.rejected',
      subjectType: 'application',
      subjectId: application.id,
      data: { reasons: input.reasons },
    });
    return changed;
  });
  return toApplicationView(deps, deps.store, rejected);
}
