import type { Actor } from '../../domain/actor.js';
import { transition } from '../../domain/application-lifecycle.js';
import { DomainError } from '../../domain/errors.js';
import { loadApplicationFor } from '../applications/access.js';
import type { ApplicationView } from '../applications/assessment.js';
import { toApplicationView } from '../applications/assessment.js';
import type { Deps } from '../ports.js';
import { saveDecided } from '../review/decide.js';
import { staleVersion } from '../applications/update-application.js';
import { printingParty } from './render-certificate-pdf.js';

/**
 * The enterprise (or the agency that applied) confirms that the certificate printed well: printed becomes
 * archived through the state table, and only from then on is the certificate publicly verifiable.
 */
export async function confirmPrint(
  deps: Pick<Deps, 'store' | 'clock' | 'certificateTypes' | 'hs'>,
  actor: Actor,
  input: { id: string; expectedVersion: number },
): Promise<ApplicationView> {
  const confirmed = await deps.store.transaction(async (tx) => {
    const application = await loadApplicationFor(deps, actor, 'certificate.print', input.id, tx);
    const move = transition(application.status, 'confirm_print', printingParty(actor, application));
    if (!move.ok)
      throw new DomainError(
        'CONFLICT',
        application.status === 'approved'
          ? 'Print the certificate first; then confirm that the print is good.'
          : move.message,
        [],
        { status: application.status },
      );
    if (application.version !== input.expectedVersion) throw staleVersion(input.expectedVersion);
    const at = deps.clock.now().toISOString();
    const changed = { ...application, status: move.to, version: application.version + 1, updatedAt: at };
    await saveDecided(deps, tx, changed, application.version);
    await tx.audit.append(actor, at, {
      type: 'application.print_confirmed',
      subjectType: 'application',
      subjectId: application.id,
      data: { certificateNumber: application.certificateNumber ?? '' },
    });
    return changed;
  });
  return toApplicationView(deps, deps.store, confirmed);
}
