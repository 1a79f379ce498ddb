import { Readable } from 'node:stream';
import type { Actor } from '../../domain/actor.js';
import {
  applicationDataOf,
  applicationMessageSchema,
  messageIdOf,
} from '../../domain/application-message.js';
import type { Finding } from '../../domain/certificate-rules.js';
import type { FieldProblem } from '../../domain/errors.js';
import { DomainError } from '../../domain/errors.js';
import type { ApplicationStatus, Deps, SupportingDocumentRecord } from '../ports.js';
import { certificateTypeOf, loadEnterpriseToApply } from './access.js';
import { newApplicationRecord, recordNewApplication, requestHashOf } from './create-application.js';
import { submitWithin } from './submit-application.js';
import type { AcceptedDocumentFile } from './upload-supporting-document.js';
import {
  receiveSupportingDocument,
  recordSupportingDocument,
  supportingDocumentRecord,
} from './upload-supporting-document.js';

/** What the sender gets back for one message: accepted with the application, or rejected with the reasons. */
export interface MessageReceipt {
  /** Position of the message in the file, from 0. */
  index: number;
  messageId: string | null;
  status: 'accepted' | 'rejected';
  applicationId: string | null;
  applicationStatus: ApplicationStatus | null;
  /** The message had been imported before; nothing new was created. */
  duplicate: boolean;
  /** Why a message was rejected: its shape, the enterprise, the authorisation, a document. */
  errors: FieldProblem[];
  /** The field rules' findings: the errors that rejected it, or the warnings it was accepted with. */
  findings: Finding[];
}

export interface ImportResult {
  receipts: MessageReceipt[];
  accepted: number;
  rejected: number;
}

/** Message ids become idempotency keys in their own namespace, apart from API clients' keys. */
const keyOf = (messageId: string) => `message:${messageId}`;

/**
 * Imports application messages (the Single Window path): each message becomes an application, submitted
 * when its header says so, in its own transaction. A rejected message leaves nothing behind; one bad
 * message does not stop the others. The same message imported again is answered from what it created.
 */
export async function importApplicationMessages(
  deps: Pick<
    Deps,
    'store' | 'clock' | 'certificateTypes' | 'hs' | 'files' | 'review' | 'signer' | 'publicUrl' | 'origin'
  >,
  actor: Actor,
  input: {
    messages: readonly unknown[];
    documentLimitBytes: number;
    /** Called after each message, for progress bars. */
    onProgress?: (done: number, total: number) => void;
  },
): Promise<ImportResult> {
  const receipts: MessageReceipt[] = [];
  for (const [index, message] of input.messages.entries()) {
    receipts.push(await importOne(deps, actor, index, message, input.documentLimitBytes));
    input.onProgress?.(index + 1, input.messages.length);
  }
  const accepted = receipts.filter((receipt) => receipt.status === 'accepted').length;
  return { receipts, accepted, rejected: receipts.length - accepted };
}

async function importOne(
  deps: Pick<
    Deps,
    'store' | 'clock' | 'certificateTypes' | 'hs' | 'files' | 'review' | 'signer' | 'publicUrl' | 'origin'
  >,
  actor: Actor,
  index: number,
  raw: unknown,
  documentLimitBytes: number,
): Promise<MessageReceipt> {
  const receipt: MessageReceipt = {
    index,
    messageId: messageIdOf(raw),
    status: 'rejected',
    applicationId: null,
    applicationStatus: null,
    duplicate: false,
    errors: [],
    findings: [],
  };
  const parsed = applicationMessageSchema.safeParse(raw);
  if (!parsed.success) {
    receipt.errors = parsed.error.issues.slice(0, 50).map((issue) => ({
      path: issue.path.join('.'),
      code: issue.code,
      message: issue.message,
    }));
    return receipt;
  }
  const message = parsed.data;
  const received: AcceptedDocumentFile[] = [];
  try {
    const typeCode = message.header.certificateType;
    certificateTypeOf(deps, typeCode);
    const enterpriseRecord = await deps.store.organisations.findByCode(message.header.enterpriseUscc);
    if (!enterpriseRecord)
      throw new DomainError('VALIDATION_FAILED', 'No enterprise has this unified social credit code.', [
        {
          path: 'header.enterpriseUscc',
          code: 'unknown_enterprise',
          message: 'Name the applying enterprise by its unified social credit code.',
        },
      ]);
    const enterprise = await loadEnterpriseToApply(deps, actor, enterpriseRecord.id, typeCode);
    const { documents, ...rest } = message;
    const requestHash = requestHashOf({
      ...rest,
      documents: documents.map(({ kind, fileName, content }) => ({ kind, fileName, length: content.length })),
    });
    const earlier = await deps.store.applications.findByIdempotencyKey(
      enterprise.id,
      keyOf(message.header.messageId),
    );
    if (earlier) {
      if (earlier.requestHash !== requestHash)
        throw new DomainError('CONFLICT', 'This message id was already used for a different message.', [
          { path: 'header.messageId', code: 'message_id_reused', message: 'Give every message its own id.' },
        ]);
      return {
        ...receipt,
        status: 'accepted',
        applicationId: earlier.id,
        applicationStatus: earlier.status,
        duplicate: true,
        findings: earlier.findings ?? [],
      };
    }

    for (const [position, document] of documents.entries()) {
      const bytes = Buffer.from(document.content, 'base64');
      try {
        received.push(await receiveSupportingDocument(deps, Readable.from([bytes]), documentLimitBytes));
      } catch (error) {
        if (error instanceof DomainError)
          throw new DomainError(
            error.code,
            error.message,
            error.fields.map((field) => ({ ...field, path: `documents.${position}` })),
          );
        throw error;
      }
    }

    const application = newApplicationRecord(deps, actor, {
      enterprise,
      profile: await deps.store.enterpriseProfiles.find(enterprise.id),
      typeCode,
      data: applicationDataOf(message),
      channel: 'message',
      idempotencyKey: keyOf(message.header.messageId),
      requestHash,
      copiedFrom: null,
    });
    const records: SupportingDocumentRecord[] = documents.map((document, position) =>
      supportingDocumentRecord(deps, actor, {
        applicationId: application.id,
        kind: document.kind,
        fileName: document.fileName,
        received: received[position]!,
      }),
    );
    const stored = await deps.store.transaction(async (tx) => {
      await recordNewApplication(tx, actor, application);
      for (const record of records) await recordSupportingDocument(tx, actor, record);
      return message.header.submit ? submitWithin(deps, tx, actor, { id: application.id }) : application;
    });
    // Unlike a single upload, a message's files are filed only once its application is stored: a message
    // rejected by the field rules (inside the transaction) must leave no file behind. Filing is a rename
    // within the store's own directory.
    for (const file of received) await file.file.keep();
    return {
      ...receipt,
      status: 'accepted',
      applicationId: stored.id,
      applicationStatus: stored.status,
      findings: stored.findings ?? [],
    };
  } catch (error) {
    for (const file of received) await file.file.discard();
    if (!(error instanceof DomainError)) throw error;
    const findings = Array.isArray(error.details.findings) ? (error.details.findings as Finding[]) : [];
    const blockers = Array.isArray(error.details.blockers)
      ? (error.details.blockers as Array<{ code: string; message: { en: string } }>)
      : [];
    return {
      ...receipt,
      errors: [
        ...(findings.length ? [] : error.fields),
        ...blockers
          .filter((blocker) => blocker.code !== 'field_errors')
          .map((blocker) => ({ path: '', code: blocker.code, message: blocker.message.en })),
        ...(error.fields.length || blockers.length || findings.length
          ? []
          : [{ path: '', code: error.code, message: error.message }]),
      ],
      findings,
    };
  }
}
