import type { Actor } from '../../domain/actor.js';
import { DomainError } from '../../domain/errors.js';
import type { ApplicationView } from '../applications/assessment.js';
import { toApplicationView } from '../applications/assessment.js';
import type { ReviewDeps } from './decide.js';
import { loadForOfficerAct, saveDecided } from './decide.js';

/** Why a certificate is cancelled: the categories public verification will name. */
export const CANCELLATION_CATEGORIES = [
  'issued_in_error',
  'false_declaration',
  'goods_not_exported',
  'verification_not_confirmed',
  'at_applicant_request',
  'other',
] as const;
export type CancellationCategory = (typeof CANCELLATION_CATEGORIES)[number];

/** An officer of the issuing office cancels an issued certificate, with a category and words: it is void. */
export async function cancelCertificate(
  deps: ReviewDeps,
  actor: Actor,
  input: { id: string; expectedVersion: number; category: CancellationCategory; note: string },
): Promise<ApplicationView> {
  if (input.note.trim() === '')
    throw new DomainError('VALIDATION_FAILED', 'Say why the certificate is cancelled.', [
      { path: 'note', code: 'required', message: 'The reason is recorded and shown to the enterprise.' },
    ]);
  const cancelled = await deps.store.transaction(async (tx) => {
    // Cancelling is no review decision: any officer of the office may do it, not only the reviewer.
    const { application, to } = await loadForOfficerAct(tx, actor, {
      ...input,
      action: 'cancel',
      anyOfficer: true,
    });
    const at = deps.clock.now().toISOString();
    const changed = {
      ...application,
      status: to,
      voidReason: `${input.category}: ${input.note.trim()}`,
      version: application.version + 1,
      updatedAt: at,
    };
    await saveDecided(deps, tx, changed, application.version);
    await tx.audit.append(actor, at, {
      type: 'application.cancelled',
      subjectType: 'application',
      subjectId: application.id,
      data: { category: input.category, note: input.note.trim() },
    });
    return changed;
  });
  return toApplicationView(deps, deps.store, cancelled);
}
