import type { Actor } from '../../domain/actor.js';
import { actorLabel, hasRole } from '../../domain/actor.js';
import { chinaDate } from '../../domain/agent-authorisation.js';
import type { SupportingDocumentKind } from '../../domain/certificate-types.js';
import type { FieldProblem } from '../../domain/errors.js';
import { DomainError } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import { loadApplicationFor } from '../applications/access.js';
import { receiveSupportingDocument } from '../applications/upload-supporting-document.js';
import type { ApplicationRecord, Deps, EvidenceDocumentRecord, EvidenceRequestRecord } from '../ports.js';
import { newId } from '../tokens.js';
import { issueReceipt, subjectOf } from '../receipts/issue-receipt.js';
import { loadPreReviewFor } from '../pre-review/access.js';
import { moveDeadline, recordExtensionRequest, scheduleDeadline } from './deadlines.js';
import { loadCaseForOfficer, loadCaseForParty } from '../verification-cases/access.js';

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

/** What customs asks about: an application in review or a product pre-review (later: a verification case). */
export interface EvidenceSubject {
  type: EvidenceRequestRecord['subjectType'];
  id: string;
}

/** Who a subject concerns, once the actor has been allowed to act on it. */
interface SubjectParties {
  enterpriseId: string;
  agencyId: string | null;
  officeId: string;
  /** The application, when the subject is one (its receipts go to the enterprise's inbox). */
  application: ApplicationRecord | null;
  /** Why the subject cannot take a request now (an undecided pre-review, a submitted application). */
  closed: string | null;
}

/**
 * Loads the subject of a request for one side: `officer` asks (officers of its office), `party` answers
 * (the enterprise, and for an application the agency that applied), `reader` sees.
 */
async function subjectFor(
  deps: Pick<Deps, 'store' | 'clock'>,
  actor: Actor,
  side: 'officer' | 'party' | 'reader',
  subject: EvidenceSubject,
): Promise<SubjectParties> {
  if (subject.type === 'verification_case') {
    const found =
      side === 'officer'
        ? await loadCaseForOfficer(deps.store, actor, subject.id)
        : await loadCaseForParty(deps, actor, subject.id, side === 'party');
    // The case's first certificate carries the receipts; its agency sees the requests too.
    const first = found.certificates[0];
    const application = first
      ? ((await deps.store.applications.findById(first.applicationId)) ?? null)
      : null;
    return {
      enterpriseId: found.enterpriseId,
      agencyId: application?.agencyId ?? null,
      officeId: found.officeId,
      application,
      closed: found.status === 'open' ? null : 'The verification case is concluded.',
    };
  }
  if (subject.type === 'pre_review') {
    const permission =
      side === 'officer' ? 'preReview.decide' : side === 'party' ? 'preReview.submit' : 'preReview.read';
    const preReview = await loadPreReviewFor(deps, actor, permission, subject.id);
    return {
      enterpriseId: preReview.enterpriseId,
      agencyId: null,
      officeId: preReview.officeId,
      application: null,
      closed: preReview.status === 'submitted' ? null : `The pre-review is ${preReview.status}.`,
    };
  }
  let application: ApplicationRecord;
  if (side === 'officer') {
    const found = await deps.store.applications.findById(subject.id);
    authorize(
      actor,
      'review.decide',
      found ? { orgId: found.enterpriseId, orgKind: 'enterprise', officeId: found.officeId } : {},
    );
    if (!found) throw new DomainError('NOT_FOUND', 'No such application.');
    application = found;
  } else
    application = await loadApplicationFor(
      deps,
      actor,
      side === 'party' ? 'application.apply' : 'application.read',
      subject.id,
    );
  return {
    enterpriseId: application.enterpriseId,
    agencyId: application.agencyId,
    officeId: application.officeId,
    application,
    closed: application.status === 'draft' ? 'The application has not been submitted.' : null,
  };
}

/**
 * An officer asks the enterprise for more material about an application or a pre-review of the office:
 * questions, the evidence wanted and a deadline. The enterprise (and the agency that applied) sees it and
 * answers.
 */
export async function requestEvidence(
  deps: Pick<Deps, 'store' | 'clock'>,
  actor: Actor,
  input: {
    subject: EvidenceSubject;
    questions: string;
    evidenceWanted: SupportingDocumentKind[];
    deadline: string;
  },
): Promise<EvidenceRequestView> {
  const parties = await subjectFor(deps, actor, 'officer', input.subject);
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
  if (parties.closed) problems.push({ path: 'subjectId', code: 'not_open', message: parties.closed });
  if (problems.length)
    throw new DomainError('VALIDATION_FAILED', 'The request cannot be sent as it is.', problems);
  const request: EvidenceRequestRecord = {
    id: newId(),
    subjectType: input.subject.type,
    subjectId: input.subject.id,
    enterpriseId: parties.enterpriseId,
    agencyId: parties.agencyId,
    officeId: parties.officeId,
    questions: input.questions.trim(),
    evidenceWanted: [...new Set(input.evidenceWanted)],
    deadline: input.deadline,
    status: 'open',
    askedBy: actorLabel(actor),
    askedAt: deps.clock.now().toISOString(),
    answer: null,
    answeredBy: null,
    answeredAt: null,
    remindedAt: null,
    escalatedAt: null,
    extensionRequest: null,
  };
  const application = parties.application;
  await deps.store.transaction(async (tx) => {
    await tx.evidenceRequests.insert(request);
    await scheduleDeadline(deps, tx, request);
    if (application) {
      const subject = subjectOf(application);
      await issueReceipt(deps, tx, application, {
        en: `Customs asks for more material about ${subject.en.replace(/^Your/, 'your')}: answer by ${request.deadline}.`,
        zh: `海关要求就${subject.zh}补充材料，请于${request.deadline}前答复。`,
      });
    }
    await tx.audit.append(actor, request.askedAt, {
      type: 'evidence.requested',
      subjectType: request.subjectType,
      subjectId: request.subjectId,
      data: { requestId: request.id, evidenceWanted: request.evidenceWanted, deadline: request.deadline },
    });
  });
  return view(deps, request);
}

/** Who may learn that a request does not exist, by side (nobody but the system, with an empty scope). */
const NOT_FOUND_PERMISSION = {
  officer: 'review.decide',
  party: 'application.apply',
  reader: 'application.read',
} as const;

/** Loads a request for one side, through the subject it is about. */
async function loadRequestFor(
  deps: Pick<Deps, 'store' | 'clock'>,
  actor: Actor,
  side: 'officer' | 'party' | 'reader',
  id: string,
): Promise<EvidenceRequestRecord> {
  const request = await deps.store.evidenceRequests.findById(id);
  if (!request) {
    authorize(actor, NOT_FOUND_PERMISSION[side], {});
    throw new DomainError('NOT_FOUND', 'No such request.');
  }
  await subjectFor(deps, actor, side, { type: request.subjectType, id: request.subjectId });
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
    request = await loadRequestFor(deps, actor, 'party', input.requestId);
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
  const request = await loadRequestFor(deps, actor, 'party', input.requestId);
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
 * Requests the caller may see: about one application or pre-review, or all of the enterprise's (or the agency's), or of
 * the officer's offices; newest first.
 */
export async function listEvidenceRequests(
  deps: Pick<Deps, 'store' | 'clock'>,
  actor: Actor,
  query: {
    applicationId?: string | undefined;
    preReviewId?: string | undefined;
    verificationCaseId?: string | undefined;
    status?: EvidenceRequestRecord['status'] | undefined;
  },
): Promise<EvidenceRequestView[]> {
  let rows: EvidenceRequestRecord[];
  const subject: EvidenceSubject | null = query.applicationId
    ? { type: 'application', id: query.applicationId }
    : query.preReviewId
      ? { type: 'pre_review', id: query.preReviewId }
      : query.verificationCaseId
        ? { type: 'verification_case', id: query.verificationCaseId }
        : null;
  if (subject) {
    await subjectFor(deps, actor, 'reader', subject);
    rows = (
      await deps.store.evidenceRequests.list({ subjectId: subject.id, status: query.status, limit: 200 })
    ).filter((row) => row.subjectType === subject.type);
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
  const request = await loadRequestFor(deps, actor, 'reader', requestId);
  const document = (await deps.store.evidenceRequests.listDocuments(request.id)).find(
    (candidate) => candidate.id === documentId,
  );
  if (!document) throw new DomainError('NOT_FOUND', 'No such document on this request.');
  return { document, content: deps.files.read(document.fileSha256) };
}

/** The enterprise (or the agency that applied) asks for more time on an open request. */
export async function askForMoreTime(
  deps: Pick<Deps, 'store' | 'clock'>,
  actor: Actor,
  input: { requestId: string; days: number; reason: string },
): Promise<EvidenceRequestView> {
  const request = await loadRequestFor(deps, actor, 'party', input.requestId);
  return view(deps, await recordExtensionRequest(deps, actor, request, input));
}

/** An officer of the subject's office moves an open request's deadline (grants more time). */
export async function extendEvidenceRequest(
  deps: Pick<Deps, 'store' | 'clock'>,
  actor: Actor,
  input: { requestId: string; deadline: string },
): Promise<EvidenceRequestView> {
  const request = await loadRequestFor(deps, actor, 'officer', input.requestId);
  return view(deps, await moveDeadline(deps, actor, request, input.deadline));
}
