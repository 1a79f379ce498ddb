import type { Actor } from '../../domain/actor.js';
import { EDITABLE_STATUSES } from '../../domain/application-lifecycle.js';
import { DomainError } from '../../domain/errors.js';
import type { Deps } from '../ports.js';
import { loadApplicationFor } from './access.js';

/** Removes a document attached by mistake, while the application is a draft or returned for correction. */
export async function removeSupportingDocument(
  deps: Pick<Deps, 'store' | 'clock'>,
  actor: Actor,
  input: { applicationId: string; documentId: string },
): Promise<void> {
  await deps.store.transaction(async (tx) => {
    const application = await loadApplicationFor(deps, actor, 'application.apply', input.applicationId, tx);
    if (!EDITABLE_STATUSES.includes(application.status))
      throw new DomainError(
        'CONFLICT',
        `The application is ${application.status.replaceAll('_', ' ')}; its documents are part of what customs received.`,
      );
    const document = (await tx.applications.listDocuments(application.id)).find(
      (candidate) => candidate.id === input.documentId,
    );
    if (!document || !(await tx.applications.deleteDocument(application.id, document.id)))
      throw new DomainError('NOT_FOUND', 'No such document on this application.');
    await tx.audit.append(actor, deps.clock.now().toISOString(), {
      type: 'application.document_removed',
      subjectType: 'application',
      subjectId: application.id,
      data: { kind: document.kind, sha256: document.fileSha256, fileName: document.fileName },
    });
  });
}
