import type { Actor } from '../../domain/actor.js';
import type { AuditChainProblem } from '../../domain/audit.js';
import { AUDIT_GENESIS_HASH, checkAuditChain } from '../../domain/audit.js';
import { authorize } from '../../domain/policy.js';
import type { Deps } from '../ports.js';

const PAGE_SIZE = 2_000;

export interface AuditVerification {
  intact: boolean;
  checked: number;
  problems: AuditChainProblem[];
}

/**
 * Walks the whole audit trail and recomputes the hash chain: an edited event, a deleted one (inside the
 * trail or at its end) or a reordered one shows as a problem at its sequence number.
 */
export async function verifyAuditTrail(deps: Pick<Deps, 'store'>, actor: Actor): Promise<AuditVerification> {
  authorize(actor, 'audit.read');
  const { audit } = deps.store;
  const head = await audit.head();
  const problems: AuditChainProblem[] = [];
  let last = { seq: 0, hash: AUDIT_GENESIS_HASH };
  let checked = 0;
  for (;;) {
    const page = await audit.readForward(last.seq, PAGE_SIZE);
    if (page.length === 0) break;
    const result = checkAuditChain(page, last);
    problems.push(...result.problems);
    last = result.last;
    checked += page.length;
  }
  if (last.seq !== head.seq || last.hash !== head.hash) {
    problems.push({
      seq: head.seq,
      reason: `the trail ends at event ${last.seq} but the chain head records event ${head.seq} (events deleted or edited at the end)`,
    });
  }
  return { intact: problems.length === 0, checked, problems };
}
