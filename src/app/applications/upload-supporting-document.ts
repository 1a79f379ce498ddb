import path from 'node:path';
import type { Actor } from '../../domain/actor.js';
import { actorLabel } from '../../domain/actor.js';
import type { SupportingDocumentKind } from '../../domain/certificate-types.js';
import { recogniseDocument } from '../../domain/document-content.js';
import { DomainError } from '../../domain/errors.js';
import type { Deps, SupportingDocumentRecord } from '../ports.js';
import { FileTooLargeError } from '../ports.js';
import { newId } from '../tokens.js';
import { certificateTypeOf, loadApplicationFor } from './access.js';

export interface UploadSupportingDocumentInput {
  applicationId: string;
  kind: SupportingDocumentKind;
  fileName: string;
  content: NodeJS.ReadableStream;
  limitBytes: number;
}

/**
 * Attaches an invoice, packing list, cost sheet, bill of lading, contract or other document to a draft.
 * The file streams to the content-addressed store while it is hashed and measured; it is kept only when it
 * is a PDF, JPEG, PNG or XLSX by content, within the size and count limits. A refusal leaves nothing.
 */
export async function uploadSupportingDocument(
  deps: Pick<Deps, 'store' | 'clock' | 'files' | 'certificateTypes'>,
  actor: Actor,
  input: UploadSupportingDocumentInput,
): Promise<SupportingDocumentRecord> {
  const drain = () => {
    if ('resume' in input.content) (input.content as NodeJS.ReadableStream).resume();
  };
  let application;
  try {
    application = await loadApplicationFor(deps, actor, 'application.apply', input.applicationId);
    if (application.status !== 'draft')
      throw new DomainError(
        'CONFLICT',
        `The application is ${application.status}; documents are added to drafts.`,
      );
    const type = certificateTypeOf(deps, application.typeCode);
    const count = (await deps.store.applications.listDocuments(application.id)).length;
    if (count >= type.supportingDocuments.maxCount)
      throw new DomainError(
        'VALIDATION_FAILED',
        `A ${type.code} application holds at most ${type.supportingDocuments.maxCount} documents.`,
        [
          {
            path: 'file',
            code: 'too_many_documents',
            message: 'Combine documents into one PDF, or remove one first.',
          },
        ],
      );
  } catch (error) {
    drain();
    throw error;
  }
  let received;
  try {
    received = await deps.files.receive(input.content, input.limitBytes);
  } catch (error) {
    if (error instanceof FileTooLargeError)
      throw new DomainError(
        'PAYLOAD_TOO_LARGE',
        `A supporting document may be at most ${Math.round(input.limitBytes / 1048576)} MB.`,
        [{ path: 'file', code: 'too_large', message: 'Scan at a lower resolution or split the document.' }],
      );
    throw error;
  }
  const recognised = recogniseDocument(received.head);
  if (!recognised.accepted) {
    await received.discard();
    throw new DomainError(
      'VALIDATION_FAILED',
      `This file is ${recognised.seen}; supporting documents are PDF, JPEG, PNG or XLSX.`,
      [
        {
          path: 'file',
          code: recognised.reason === 'executable' ? 'executable_refused' : 'unsupported_content',
          message: `Judged by its content, whatever its name: ${recognised.seen}.`,
        },
      ],
    );
  }
  const now = deps.clock.now().toISOString();
  const document: SupportingDocumentRecord = {
    id: newId(),
    applicationId: application.id,
    kind: input.kind,
    fileSha256: received.sha256,
    fileName: cleanFileName(input.fileName, recognised.format),
    contentType: recognised.contentType,
    size: received.size,
    uploadedBy: actorLabel(actor),
    uploadedAt: now,
  };
  try {
    // The file goes under its name first: a row never points at a missing file. A file without a row is
    // harmless (content-addressed, and the same bytes uploaded again reuse it).
    await received.keep();
    await deps.store.transaction(async (tx) => {
      await tx.seals.recordFile({
        sha256: received.sha256,
        size: received.size,
        contentType: recognised.contentType,
        createdAt: now,
      });
      await tx.applications.insertDocument(document);
      await tx.audit.append(actor, now, {
        type: 'application.document_uploaded',
        subjectType: 'application',
        subjectId: application.id,
        data: {
          kind: input.kind,
          sha256: received.sha256,
          size: received.size,
          contentType: recognised.contentType,
        },
      });
    });
  } catch (error) {
    await received.discard();
    throw error;
  }
  return document;
}

/** The name as the user knows it, without any directory part, with the extension its content deserves. */
function cleanFileName(name: string, format: string): string {
  const base = path
    .basename(name.replaceAll('\\', '/'))
    .replace(/\p{Cc}/gu, '')
    .slice(0, 200);
  const stem = base.replace(/\.[^.]*$/, '') || 'document';
  return `${stem}.${format === 'jpeg' ? 'jpg' : format}`;
}
