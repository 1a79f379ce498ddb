import type { Actor } from '../../domain/actor.js';
import { DomainError } from '../../domain/errors.js';
import type { Deps, SupportingDocumentRecord } from '../ports.js';
import { loadApplicationFor } from './access.js';

/** A supporting document's record and its bytes (streamed), for whoever may read the application. */
export async function readSupportingDocument(
  deps: Pick<Deps, 'store' | 'clock' | 'files'>,
  actor: Actor,
  applicationId: string,
  documentId: string,
): Promise<{ document: SupportingDocumentRecord; content: NodeJS.ReadableStream }> {
  const application = await loadApplicationFor(deps, actor, 'application.read', applicationId);
  const document = (await deps.store.applications.listDocuments(application.id)).find(
    (candidate) => candidate.id === documentId,
  );
  if (!document) throw new DomainError('NOT_FOUND', 'No such document on this application.');
  return { document, content: deps.files.read(document.fileSha256) };
}
