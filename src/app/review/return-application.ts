import type { Actor } from '../../domain/actor.js';
import type { FieldProblem } from '../../domain/errors.js';
import { DomainError } from '../../domain/errors.js';
import type { ApplicationView } from '../applications/assessment.js';
import { toApplicationView } from '../applications/assessment.js';
import { certificateTypeOf } from '../applications/access.js';
import { newId } from '../tokens.js';
import type { ReviewDeps } from './decide.js';
import { loadForOfficerAct, saveDecided, userIdOf } from './decide.js';

/**
 * The officer sends an application back for correction: the boxes at fault (numbers on the type's form),
 * reasons from the catalogue, and a note. The applicant sees all three and may edit and resubmit.
 */
export async function returnApplication(
  deps: ReviewDeps,
  actor: Actor,
  input: { id: string; expectedVersion: number; boxes: string[]; reasons: string[]; note: string },
): Promise<ApplicationView> {
  const returned = await deps.store.transaction(async (tx) => {
    const { application, to } = await loadForOfficerAct(tx, actor, { ...input, action: 'return' });
    const type = certificateTypeOf(deps, application.typeCode);
    const problems: FieldProblem[] = [];
    const boxes = [...new Set(input.boxes)];
    if (boxes.length === 0)
      problems.push({
        path: 'boxes',
        code: 'required',
        message: 'Mark the boxes the applicant must correct.',
      });
    boxes.forEach((box, index) => {
      if (!type.boxes.some((entry) => entry.number === box))
        problems.push({
          path: `boxes.${index}`,
          code: 'unknown_box',
          message: `A ${type.code} certificate has no box ${box}.`,
        });
    });
    problems.push(...checkReasons(deps, input.reasons, input.note));
    if (problems.length)
      throw new DomainError('VALIDATION_FAILED', 'The return cannot be sent as it is.', problems);
    const at = deps.clock.now().toISOString();
    // Back with the applicant: the claim ends, and the corrected application waits for any officer.
    const changed = {
      ...application,
      status: to,
      reviewerId: null,
      version: application.version + 1,
      updatedAt: at,
    };
    await saveDecided(deps, tx, changed, application.version);
    await tx.applications.insertDecision({
      id: newId(),
      applicationId: application.id,
      action: 'return',
      boxes,
      reasons: input.reasons,
      note: input.note.trim(),
      decidedBy: userIdOf(actor) ?? 'system',
      automatic: false,
      decidedAt: at,
    });
    await tx.audit.append(actor, at, {
      type: 'application.returned',
      subjectType: 'application',
      subjectId: application.id,
      data: { boxes, reasons: input.reasons },
    });
    return changed;
  });
  return toApplicationView(deps, deps.store, returned);
}

/** Reasons come from the catalogue; "other" (or no reason at all) needs the note to say what is wrong. */
export function checkReasons(
  deps: Pick<ReviewDeps, 'review'>,
  reasons: string[],
  note: string,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const known = new Set(deps.review.returnReasons.map((reason) => reason.code));
  reasons.forEach((reason, index) => {
    if (!known.has(reason))
      problems.push({
        path: `reasons.${index}`,
        code: 'unknown_reason',
        message: `Choose reasons from the catalogue (GET /api/review/return-reasons); ${reason} is not in it.`,
      });
  });
  if ((reasons.length === 0 || reasons.includes('other')) && note.trim() === '')
    problems.push({
      path: 'note',
      code: 'required',
      message: 'Say in the note what the applicant must change.',
    });
  return problems;
}
