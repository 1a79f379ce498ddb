import type { Actor } from '../../domain/actor.js';
import { actorLabel } from '../../domain/actor.js';
import { chinaDate } from '../../domain/agent-authorisation.js';
import { DomainError } from '../../domain/errors.js';
import type { EngineAnswer, PreReviewDecisionInput } from '../../domain/pre-review.js';
import { settleDecision } from '../../domain/pre-review.js';
import type { OriginComparison } from '../../origin/determine-origin.js';
import { evaluateOrigin } from '../origin/evaluate-origin.js';
import type { Deps, PreReviewRecord } from '../ports.js';
import type { PreReviewView } from './access.js';
import { loadPreReviewFor, viewOf } from './access.js';

/** The engine's answer per agreement, as a decision compares with it. */
export function engineAnswers(evaluation: OriginComparison): EngineAnswer[] {
  return evaluation.determinations.map((determination) => ({
    agreement: determination.agreement.id,
    status: determination.status,
    originating: determination.originating === true,
    criterion: determination.criterion?.text ?? '',
    criterionRequired: determination.agreement.kind === 'preferential',
  }));
}

/**
 * An officer of the enterprise's office answers a pre-review: per agreement, conforms or not, with the
 * criterion the certificate will carry, and how long the answer holds. The bill is evaluated again under
 * the rules in force today, and the decision is compared with that answer: where it differs it is an
 * override and needs a reason. Only a submitted pre-review is decided, once (optimistic: `version`).
 */
export async function decidePreReview(
  deps: Pick<Deps, 'store' | 'clock' | 'origin' | 'hs'>,
  actor: Actor,
  input: { id: string; version?: number | undefined } & PreReviewDecisionInput,
): Promise<PreReviewView> {
  const preReview = await loadPreReviewFor(deps, actor, 'preReview.decide', input.id);
  if (preReview.status !== 'submitted')
    throw new DomainError(
      'CONFLICT',
      `The pre-review is ${preReview.status}; only a submitted one is decided.`,
    );
  if (input.version !== undefined && input.version !== preReview.version)
    throw new DomainError('CONFLICT', 'The pre-review changed since you opened it; reload it.');
  const evaluation = await evaluateOrigin(deps, actor, {
    bill: preReview.bill,
    agreements: preReview.agreements,
  });
  const current: OriginComparison = { determinations: evaluation.determinations, rows: evaluation.rows };
  const today = chinaDate(deps.clock.now());
  const settled = settleDecision(input, engineAnswers(current), today);
  if (!settled.ok)
    throw new DomainError('VALIDATION_FAILED', 'The decision cannot be recorded as it is.', settled.problems);
  const at = deps.clock.now().toISOString();
  const decided: PreReviewRecord = {
    ...preReview,
    status: 'decided',
    evaluation: current,
    evaluatedOn: evaluation.date,
    decision: {
      results: settled.results,
      reason: settled.reason,
      validFrom: today,
      validUntil: settled.validUntil,
      decidedBy: actorLabel(actor),
      decidedAt: at,
    },
    version: preReview.version + 1,
  };
  await deps.store.transaction(async (tx) => {
    if (!(await tx.preReviews.update(decided, preReview.version)))
      throw new DomainError('CONFLICT', 'The pre-review changed meanwhile; reload it.');
    await tx.audit.append(actor, at, {
      type: 'pre_review.decided',
      subjectType: 'pre_review',
      subjectId: preReview.id,
      data: {
        results: settled.results.map(({ agreement, conforms, criterion, overridden }) => ({
          agreement,
          conforms,
          criterion,
          overridden,
        })),
        validUntil: settled.validUntil,
      },
    });
  });
  return viewOf(deps, decided);
}
