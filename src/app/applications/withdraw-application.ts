import type { Actor } from '../../domain/actor.js';
import { transition } from '../../domain/application-lifecycle.js';
import { DomainError } from '../../domain/errors.js';
import type { Deps } from '../ports.js';
import { loadApplicationFor } from './access.js';
import type { ApplicationView } from './assessment.js';
import { toApplicationView } from './assessment.js';
import { staleVersion } from './update-application.js';
import { issueReceipt } from '../receipts/issue-receipt.js';

/** The applicant takes an application back before customs has claimed it (or gives up a returned one). */
export async function withdrawApplication(
  deps: Pick<Deps, 'store' | 'clock' | 'certificateTypes' | 'hs'>,
  actor: Actor,
  input: { id: string; expectedVersion: number },
): Promise<ApplicationView> {
  const withdrawn = await deps.store.transaction(async (tx) => {
    const application = await loadApplicationFor(deps, actor, 'application.apply', input.id, tx);
    const move = transition(application.status, 'withdraw', 'applicant');
    if (!move.ok) throw new DomainError('CONFLICT', move.message, [], { status: application.status });
    const at = deps.clock.now().toISOString();
    const changed = { ...application, status: move.to, version: application.version + 1, updatedAt: at };
    if (
      application.version !== input.expectedVersion ||
      !(await tx.applications.update(changed, input.expectedVersion))
    )
      throw staleVersion(input.expectedVersion);
    await issueReceipt(deps, tx, changed);
    await tx.audit.append(actor, at, {
      type: 'application.withdrawn',
      subjectType: 'application',
      subjectId: application.id,
      data: {},
    });
    return changed;
  });
  return toApplicationView(deps, deps.store, withdrawn);
}
