import type { Actor } from '../../domain/actor.js';
import { authorize } from '../../domain/policy.js';
import type { ReturnReason } from '../../domain/review.js';
import type { Deps } from '../ports.js';

/** The return-reason catalogue: officers choose from it, applicants read the reasons in their language. */
export function listReturnReasons(deps: Pick<Deps, 'review'>, actor: Actor): readonly ReturnReason[] {
  authorize(actor, 'certificateType.read');
  return deps.review.returnReasons;
}
