import type { Actor } from '../../domain/actor.js';
import { actorLabel, hasRole } from '../../domain/actor.js';
import { chinaDate } from '../../domain/agent-authorisation.js';
import type { SupportingDocumentKind } from '../../domain/certificate-types.js';
import type { FieldProblem } from '../../domain/errors.js';
import { DomainError } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import { loadApplicationFor } from '../applications/access.js';
import { receiveSupportingDocument } from '../applications/upload-supporting-document.js';
import type { Deps, EvidenceDocumentRecord, EvidenceRequestRecord } from '../ports.js';
import { newId } from '../tokens.js';
import { issueReceipt, subjectOf } from '../receipts/issue-receipt.js';

export interface EvidenceRequestView extends EvidenceRequestRecord {
  documents: EvidenceDocumentRecord[];
  /** Open and past its deadline (China time). */
  overdue: boolean;
}

async function view(
  deps: Pick<Deps, 'store' | 'clock'>,
  request: EvidenceRequestRecord,
): Promise<EvidenceRequestView> {
  return {
    ...request,
    documents: await deps.store.evidenceRequests.listDocuments(request.id),
    overdue: request.status === 'open' && chinaDate(deps.clock.now()) > request.deadline,
  };
}

/**
 * An officer asks the enterprise for more material about an application of the office: questions, the
 * evidence wanted and a deadline. The enterprise (and the agency that applied) sees it and answers.
 */
export async function requestEvidence(
  deps: Pick<Deps, 'store' | 'clock'>,
  actor: Actor,
  input: {
    applicationId: string;
    questions: string;
    evidenceWanted: SupportingDocumentKind[];
    deadline: string;
  },
): Promise<EvidenceRequestView> {
  const application = await deps.store.applications.findById(input.applicationId);
  authorize(
    actor,
    'review.decide',
    application
      ? { orgId: application.enterpriseId, orgKind: 'enterprise', officeId: application.officeId }
      : {},
  );
  if (!application) throw new DomainError('NOT_FOUND', 'No such application.');
  const problems: FieldProblem[] = [];
  if (input.questions.trim() === '')
    problems.push({
      path: 'questions',
      code: 'required',
      message: 'Say what the enterprise must explain or send.',
    });
  const today = chinaDate(deps.clock.now());
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.deadline) || input.deadline < today)
    problems.push({
      path: 'deadline',
      code: 'invalid_deadline',
      message: `Give a day from ${today} on (YYYY-MM-DD).`,
    });
  if (application.status === 'draft')
    problems.push({
      path: 'applicationId',
      code: 'not_submitted',
      message: 'The application has not been submitted.',
    });
  if (problems.length)
    throw new DomainError('VALIDATION_FAILED', 'The request cannot be sent as it is.', problems);
  const request: EvidenceRequestRecord = {
    id: newId(),
    subjectType: 'application',
    subjectId: application.id,
    enterpriseId: application.enterpriseId,
    agencyId: application.agencyId,
    officeId: application.officeId,
    questions: input.questions.trim(),
    evidenceWanted: [...new Set(input.evidenceWanted)],
    deadline: input.deadline,
    status: 'open',
    askedBy: actorLabel(actor),
    askedAt: deps.clock.now().toISOString(),
    answer: null,
    answeredBy: null,
    answeredAt: null,
  };
  const subject = subjectOf(application);
  await deps.store.transaction(async (tx) => {
    await tx.evidenceRequests.insert(request);
    await issueReceipt(deps, tx, application, {
      en: `Customs asks for more material about ${subject.en.replace(/^Your/, 'your')}: answer by ${request.deadline}.`,
      zh: `海关要求就${subject.zh.replace(/^您的/, '您的')}补充材料，请于${request.deadline}前答复。`,
    });
    await tx.audit.append(actor, request.askedAt, {
      type: 'evidence.requested',
      subjectType: 'application',
      subjectId: application.id,
      data: { requestId: request.id, evidenceWanted: request.evidenceWanted, deadline: request.deadline },
    });
  });
  return view(deps, request);
}

/** Loads a request for its enterprise (or the agency that applied) through the application it is about. */
async function loadRequestFor(
  deps: Pick<Deps, 'store' | 'clock'>,
  actor: Actor,
  permission: 'application.apply' | 'application.read',
  id: string,
): Promise<EvidenceRequestRecord> {
  const request = await deps.store.evidenceRequests.findById(id);
  await loadApplicationFor(deps, actor, permission, request?.subjectId ?? id);
  if (!request) throw new DomainError('NOT_FOUND', 'No such request.');
  return request;
}

/** The applicant attaches a document to an open request (PDF, JPEG, PNG or XLSX by content). */
export async function uploadEvidenceDocument(
  deps: Pick<Deps, 'store' | 'clock' | 'files'>,
  actor: Actor,
  input: {
    requestId: string;
    kind: SupportingDocumentKind;
    fileName: string;
    content: NodeJS.ReadableStream;
    limitBytes: number;
  },
): Promise<EvidenceDocumentRecord> {
  let request: EvidenceRequestRecord;
  try {
    request = await loadRequestFor(deps, actor, 'application.apply', input.requestId);
    if (request.status !== 'open') throw new DomainError('CONFLICT', `The request is ${request.status}.`);
  } catch (error) {
    if ('resume' in input.content) (input.content as NodeJS.ReadableStream).resume();
    throw error;
  }
  const received = await receiveSupportingDocument(deps, input.content, input.limitBytes);
  const document: EvidenceDocumentRecord = {
    id: newId(),
    requestId: request.id,
    kind: input.kind,
    fileSha256: received.file.sha256,
    fileName: input.fileName.replace(/.*[\\/]/, '').slice(0, 200) || `document.${received.format}`,
    contentType: received.contentType,
    size: received.file.size,
    uploadedBy: actorLabel(actor),
    uploadedAt: deps.clock.now().toISOString(),
  };
  try {
    await received.file.keep();
    await deps.store.transaction(async (tx) => {
      await tx.seals.recordFile({
        sha256: document.fileSha256,
        size: document.size,
        contentType: document.contentType,
        createdAt: document.uploadedAt,
      });
      await tx.evidenceRequests.insertDocument(document);
    });
  } catch (error) {
    await received.file.discard();
    throw error;
  }
  return document;
}

/** The applicant answers an open request; the officer then sees the answer and the documents. */
export async function answerEvidenceRequest(
  deps: Pick<Deps, 'store' | 'clock'>,
  actor: Actor,
  input: { requestId: string; answer: string },
): Promise<EvidenceRequestView> {
  const request = await loadRequestFor(deps, actor, 'application.apply', input.requestId);
  if (input.answer.trim() === '')
    throw new DomainError(
      'VALIDATION_FAILED',
      'Write an answer (documents alone say nothing of what they show).',
      [{ path: 'answer', code: 'required', message: 'Explain what you send.' }],
    );
  const documents = await deps.store.evidenceRequests.listDocuments(request.id);
  const missing = request.evidenceWanted.filter(
    (kind) => !documents.some((document) => document.kind === kind),
  );
  if (missing.length)
    throw new DomainError('VALIDATION_FAILED', `Attach what customs asked for: ${missing.join(', ')}.`, [
      { path: 'documents', code: 'evidence_missing', message: `Missing: ${missing.join(', ')}.` },
    ]);
  const at = deps.clock.now().toISOString();
  await deps.store.transaction(async (tx) => {
    if (
      !(await tx.evidenceRequests.answer(request.id, {
        text: input.answer.trim(),
        by: actorLabel(actor),
        at,
      }))
    )
      throw new DomainError(
        'CONFLICT',
        `The request is ${request.status}; only an open request is answered.`,
      );
    await tx.audit.append(actor, at, {
      type: 'evidence.answered',
      subjectType: request.subjectType,
      subjectId: request.subjectId,
      data: { requestId: request.id, documents: documents.length },
    });
  });
  return view(deps, {
    ...request,
    status: 'answered',
    answer: input.answer.trim(),
    answeredBy: actorLabel(actor),
    answeredAt: at,
  });
}

/**
 * Requests the caller may see: about one application, or all of the enterprise's (or the agency's), or of
 * the officer's offices; newest first.
 */
export async function listEvidenceRequests(
  deps: Pick<Deps, 'store' | 'clock'>,
  actor: Actor,
  query: { applicationId?: string | undefined; status?: EvidenceRequestRecord['status'] | undefined },
): Promise<EvidenceRequestView[]> {
  let rows: EvidenceRequestRecord[];
  if (query.applicationId) {
    await loadApplicationFor(deps, actor, 'application.read', query.applicationId);
    rows = await deps.store.evidenceRequests.list({
      subjectId: query.applicationId,
      status: query.status,
      limit: 200,
    });
  } else if (actor.kind === 'system' || hasRole(actor, 'customs_admin')) {
    rows = await deps.store.evidenceRequests.list({ status: query.status, limit: 200 });
  } else if (hasRole(actor, 'customs_officer')) {
    rows = await deps.store.evidenceRequests.list({
      officeIds: actor.officeIds,
      status: query.status,
      limit: 200,
    });
  } else if (actor.orgKind === 'enterprise') {
    rows = await deps.store.evidenceRequests.list({
      enterpriseId: actor.orgId,
      status: query.status,
      limit: 200,
    });
  } else if (actor.orgKind === 'agency') {
    rows = await deps.store.evidenceRequests.list({
      agencyId: actor.orgId,
      status: query.status,
      limit: 200,
    });
  } else rows = [];
  return Promise.all(rows.map((row) => view(deps, row)));
}

/** A document of a request's answer, for whoever may read the application it is about. */
export async function readEvidenceDocument(
  deps: Pick<Deps, 'store' | 'clock' | 'files'>,
  actor: Actor,
  requestId: string,
  documentId: string,
): Promise<{ document: EvidenceDocumentRecord; content: NodeJS.ReadableStream }> {
  const request = await loadRequestFor(deps, actor, 'application.read', requestId);
  const document = (await deps.store.evidenceRequests.listDocuments(request.id)).find(
    (candidate) => candidate.id === documentId,
  );
  if (!document) throw new DomainError('NOT_FOUND', 'No such document on this request.');
  return { document, content: deps.files.read(document.fileSha256) };
}
