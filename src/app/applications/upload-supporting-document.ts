import path from 'node:path';
import type { Actor } from '../../domain/actor.js';
import { actorLabel } from '../../domain/actor.js';
import type { SupportingDocumentKind } from '../../domain/certificate-types.js';
import type { DocumentFormat } from '../../domain/document-content.js';
import { recogniseDocument } from '../../domain/document-content.js';
import { EDITABLE_STATUSES } from '../../domain/application-lifecycle.js';
import { DomainError } from '../../domain/errors.js';
import type { Deps, ReceivedFile, Repositories, SupportingDocumentRecord } from '../ports.js';
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
    if (!EDITABLE_STATUSES.includes(application.status))
      throw new DomainError(
        'CONFLICT',
        `The application is ${application.status}; documents are added while it is a draft or returned for correction.`,
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
  const received = await receiveSupportingDocument(deps, input.content, input.limitBytes);
  const document = supportingDocumentRecord(deps, actor, {
    applicationId: application.id,
    kind: input.kind,
    fileName: input.fileName,
    received,
  });
  try {
    // The file goes under its name first: a row never points at a missing file. A file without a row is
    // harmless (content-addressed, and the same bytes uploaded again reuse it).
    await received.file.keep();
    await deps.store.transaction((tx) => recordSupportingDocument(tx, actor, document));
  } catch (error) {
    await received.file.discard();
    throw error;
  }
  return document;
}

/** A received file that is a supporting document by content, not yet kept. */
export interface AcceptedDocumentFile {
  file: ReceivedFile;
  format: DocumentFormat;
  contentType: string;
}

/**
 * Streams a document into the file store (hashing and measuring) and recognises it by content. Anything
 * too large or not a PDF, JPEG, PNG or XLSX is refused, and nothing of it is kept.
 */
export async function receiveSupportingDocument(
  deps: Pick<Deps, 'files'>,
  content: NodeJS.ReadableStream,
  limitBytes: number,
): Promise<AcceptedDocumentFile> {
  let file: ReceivedFile;
  try {
    file = await deps.files.receive(content, limitBytes);
  } catch (error) {
    if (error instanceof FileTooLargeError)
      throw new DomainError(
        'PAYLOAD_TOO_LARGE',
        `A supporting document may be at most ${Math.round(limitBytes / 1048576)} MB.`,
        [{ path: 'file', code: 'too_large', message: 'Scan at a lower resolution or split the document.' }],
      );
    throw error;
  }
  const recognised = recogniseDocument(file.head);
  if (!recognised.accepted) {
    await file.discard();
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
  return { file, format: recognised.format, contentType: recognised.contentType };
}

export function supportingDocumentRecord(
  deps: Pick<Deps, 'clock'>,
  actor: Actor,
  input: {
    applicationId: string;
    kind: SupportingDocumentKind;
    fileName: string;
    received: AcceptedDocumentFile;
  },
): SupportingDocumentRecord {
  return {
    id: newId(),
    applicationId: input.applicationId,
    kind: input.kind,
    fileSha256: input.received.file.sha256,
    fileName: cleanFileName(input.fileName, input.received.format),
    contentType: input.received.contentType,
    size: input.received.file.size,
    uploadedBy: actorLabel(actor),
    uploadedAt: deps.clock.now().toISOString(),
  };
}

/** Stores a document's row, its file's row and the audit event; the caller's transaction holds all three. */
export async function recordSupportingDocument(
  tx: Repositories,
  actor: Actor,
  document: SupportingDocumentRecord,
): Promise<void> {
  await tx.seals.recordFile({
    sha256: document.fileSha256,
    size: document.size,
    contentType: document.contentType,
    createdAt: document.uploadedAt,
  });
  await tx.applications.insertDocument(document);
  await tx.audit.append(actor, document.uploadedAt, {
    type: 'application.document_uploaded',
    subjectType: 'application',
    subjectId: document.applicationId,
    data: {
      kind: document.kind,
      sha256: document.fileSha256,
      size: document.size,
      contentType: document.contentType,
    },
  });
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
