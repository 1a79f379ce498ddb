import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { SupportingDocumentKind } from '../domain/certificate-types.js';
import { SUPPORTING_DOCUMENT_KINDS } from '../domain/certificate-types.js';
import { DomainError } from '../domain/errors.js';

/** A text field of a multipart form, as sent before the file part. */
export function fieldValue(file: MultipartFile, name: string): string | undefined {
  const field = file.fields[name];
  const single = Array.isArray(field) ? field[0] : field;
  return single && single.type === 'field' ? String(single.value) : undefined;
}

/**
 * The file part of a multipart/form-data upload (text fields sent before it are on `file.fields`), or the
 * error that says how to send one: `sendAs` when the request is not multipart, `choose` when it has no file.
 */
export async function uploadedFile(
  request: FastifyRequest,
  messages: { sendAs: string; choose: string },
): Promise<MultipartFile> {
  if (!request.isMultipart()) throw new DomainError('UNSUPPORTED_MEDIA_TYPE', messages.sendAs);
  const file = await request.file();
  if (!file)
    throw new DomainError('VALIDATION_FAILED', 'No file was sent.', [
      { path: 'file', code: 'required', message: messages.choose },
    ]);
  return file;
}

/** An image upload (seals, signatures). */
export const imageUpload = {
  sendAs: 'Send the image as multipart/form-data.',
  choose: 'Choose the image to upload.',
};

/**
 * A document upload (multipart/form-data: `kind`, then `file`), as every document route takes it. A
 * refused form drains the file so the request can be answered.
 */
export async function readDocumentUpload(
  request: FastifyRequest,
): Promise<{ kind: SupportingDocumentKind; file: MultipartFile }> {
  const file = await uploadedFile(request, {
    sendAs: 'Send the document as multipart/form-data.',
    choose: 'Choose the document to upload.',
  });
  const kind = z.enum(SUPPORTING_DOCUMENT_KINDS).safeParse(fieldValue(file, 'kind'));
  if (!kind.success) {
    file.file.resume();
    throw new DomainError('VALIDATION_FAILED', 'Say what the document is (send kind before the file).', [
      { path: 'kind', code: 'invalid_kind', message: `One of: ${SUPPORTING_DOCUMENT_KINDS.join(', ')}.` },
    ]);
  }
  return { kind: kind.data, file };
}
