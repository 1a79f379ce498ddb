import type { Actor } from '../domain/actor.js';
import type { AuditEventInput, HashedAuditFields } from '../domain/audit.js';
import type { ApplicationData } from '../domain/application.js';
import type { ApplicationStatus } from '../domain/application-lifecycle.js';
import type { Finding } from '../domain/certificate-rules.js';
import type { CertificateType, SupportingDocumentKind } from '../domain/certificate-types.js';
import type { CertificateLayout } from '../domain/certificate-layouts.js';
import type { Endorsement } from '../domain/endorsements.js';
import type { PrintMode, PrinterOffset } from '../domain/printing.js';
import type { HsNomenclature } from '../domain/hs-nomenclature.js';
import type { ReturnReason } from '../domain/review.js';
import type { OriginCatalogue } from '../origin/origin-catalogue.js';
import type { BillOfMaterials } from '../origin/bill-of-materials.js';
import type { OriginComparison } from '../origin/determine-origin.js';
import type { PreReviewDecision, PreReviewStatus } from '../domain/pre-review.js';
import type { CaseOutcome, CaseSource, CaseStatus } from '../domain/verification-case.js';
import type { CheckResult } from '../domain/automated-checks.js';
import type { DecisionRow, IssuedRow } from '../domain/review-statistics.js';
import type { AgentAuthorisation } from '../domain/agent-authorisation.js';
import type { EnterpriseProfileData, FieldChange, SyncStatus } from '../domain/enterprise-profile.js';
import type { Clock } from '../domain/clock.js';
import type { Ed25519PublicJwk } from '../domain/signing-keys.js';
import type { SignedCertificatePayload } from '../domain/signed-certificate.js';
import type { ThrottleState } from '../domain/login-throttle.js';
import type { OrganisationKind, Role } from '../domain/roles.js';

// The ports the use cases need. Adapters (src/adapters) implement them; the core never sees a driver.

export interface OrganisationRecord {
  id: string;
  kind: OrganisationKind;
  /** Offices: the authority. Enterprises and agencies: their affiliated issuing office. */
  parentId: string | null;
  code: string | null;
  nameEn: string;
  nameZh: string;
  createdAt: string;
}

export type UserStatus = 'active' | 'disabled';

export interface UserRecord {
  id: string;
  orgId: string;
  username: string;
  displayName: string;
  passwordHash: string;
  roles: Role[];
  status: UserStatus;
  mustChangePassword: boolean;
  createdAt: string;
  updatedAt: string;
  passwordChangedAt: string;
}

export interface SessionRecord {
  /** SHA-256 of the session token; the token itself is only in the user's cookie. */
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
  clientAddress: string | null;
  userAgent: string | null;
}

/** A user without the password hash: what acting for them needs. */
export type UserProfile = Omit<UserRecord, 'passwordHash'>;

/** A session with everything needed to act for its user, read in one go. */
export interface SessionPrincipal {
  session: SessionRecord;
  user: UserProfile;
  organisation: OrganisationRecord;
  officeIds: string[];
}

export interface ApiKeyRecord {
  id: string;
  orgId: string;
  name: string;
  /** The public part of the key, shown in lists and logs. */
  prefix: string;
  /** SHA-256 of the secret part. */
  secretHash: string;
  roles: Role[];
  createdByUserId: string | null;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface JobRecord {
  id: string;
  kind: string;
  payload: unknown;
  status: JobStatus;
  attempts: number;
  maxAttempts: number;
  runAt: string;
  lockedUntil: string | null;
  lockedBy: string | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface StoredAuditEvent extends HashedAuditFields {
  hash: string;
}

export interface OrganisationRepository {
  insert(organisation: OrganisationRecord): Promise<void>;
  /** Keeps an enterprise's code and names in step with its maintained information. */
  updateIdentity(
    id: string,
    identity: { code: string; nameEn: string; nameZh: string; parentId: string },
  ): Promise<void>;
  findById(id: string): Promise<OrganisationRecord | undefined>;
  findByCode(code: string): Promise<OrganisationRecord | undefined>;
  list(filter: {
    kind?: OrganisationKind | undefined;
    ids?: string[];
    parentIds?: string[];
  }): Promise<OrganisationRecord[]>;
  count(): Promise<number>;
}

export interface UserRepository {
  insert(user: UserRecord, officeIds: string[]): Promise<void>;
  findById(id: string): Promise<UserRecord | undefined>;
  findByUsername(username: string): Promise<UserRecord | undefined>;
  findByIds(ids: string[]): Promise<UserRecord[]>;
  listByOrganisation(orgId: string): Promise<Array<UserRecord & { officeIds: string[] }>>;
  officeIdsOf(userId: string): Promise<string[]>;
  /** Active users who are members of an office (its officers, wherever they are employed). */
  listOfficeMembers(officeId: string): Promise<UserRecord[]>;
  updatePassword(id: string, passwordHash: string, at: string): Promise<void>;
  updateStatus(id: string, status: UserStatus, at: string): Promise<void>;
}

export interface SessionRepository {
  insert(session: SessionRecord): Promise<void>;
  findPrincipal(id: string): Promise<SessionPrincipal | undefined>;
  touch(id: string, lastSeenAt: string): Promise<void>;
  delete(id: string): Promise<void>;
  deleteForUser(userId: string, exceptId?: string): Promise<void>;
  deleteExpired(now: string): Promise<number>;
}

export interface ApiKeyRepository {
  insert(apiKey: ApiKeyRecord): Promise<void>;
  findById(id: string): Promise<ApiKeyRecord | undefined>;
  findByPrefix(prefix: string): Promise<(ApiKeyRecord & { orgKind: OrganisationKind }) | undefined>;
  listByOrganisation(orgId: string): Promise<ApiKeyRecord[]>;
  revoke(id: string, at: string): Promise<void>;
  touch(id: string, at: string): Promise<void>;
}

export interface LoginThrottleRepository {
  get(key: string): Promise<ThrottleState | undefined>;
  put(key: string, state: ThrottleState): Promise<void>;
  clear(key: string): Promise<void>;
  /** Deletes entries whose window started before `windowStartedBefore` and that are not locked at `now`. */
  deleteStale(windowStartedBefore: string, now: string): Promise<number>;
}

export interface AuditLog {
  /** Appends one event, chained to the one before it. Must run inside the transaction of the change. */
  append(actor: Actor, occurredAt: string, event: AuditEventInput): Promise<StoredAuditEvent>;
  /** Events in seq order after `afterSeq`, at most `limit`. */
  readForward(afterSeq: number, limit: number): Promise<StoredAuditEvent[]>;
  /** Newest first, before `beforeSeq` when given. */
  listNewestFirst(filter: { beforeSeq?: number | undefined; limit: number }): Promise<StoredAuditEvent[]>;
  /** Every event about one object, oldest first (an application's timeline). */
  listForSubject(subjectType: string, subjectId: string): Promise<StoredAuditEvent[]>;
  /** The last event's seq and hash as recorded in the chain head. */
  head(): Promise<{ seq: number; hash: string }>;
}

export interface NewJob {
  kind: string;
  payload: unknown;
  runAt: string;
  maxAttempts: number;
}

export interface JobRepository {
  enqueue(job: NewJob & { id: string; createdAt: string }): Promise<void>;
  /** Leases up to `limit` due jobs to `workerId`; no two workers ever lease the same job. */
  claimDue(now: string, workerId: string, limit: number, leaseUntil: string): Promise<JobRecord[]>;
  markSucceeded(id: string, at: string): Promise<void>;
  /** Records a failed attempt: queued again at `retryAt`, or failed for good when it is null. */
  markFailed(id: string, at: string, error: string, retryAt: string | null): Promise<void>;
  findById(id: string): Promise<JobRecord | undefined>;
  list(filter: { status?: JobStatus | undefined; limit: number }): Promise<JobRecord[]>;
  requeue(id: string, at: string): Promise<void>;
}

/** An enterprise's current basic information and where its synchronisation stands. */
export interface EnterpriseProfileState {
  orgId: string;
  version: number;
  data: EnterpriseProfileData;
  syncStatus: SyncStatus;
  /** The version the registry last accepted. */
  syncedVersion: number | null;
  syncError: string | null;
  syncReceipt: string | null;
  syncUpdatedAt: string;
  updatedAt: string;
}

/** One saved version: the whole record, what changed, who and when. */
export interface EnterpriseProfileVersion {
  orgId: string;
  version: number;
  data: EnterpriseProfileData;
  changes: FieldChange[];
  changedByUserId: string | null;
  changedByLabel: string;
  changedAt: string;
}

export interface EnterpriseProfileRepository {
  find(orgId: string): Promise<EnterpriseProfileState | undefined>;
  /** Writes the new current state and its version row. */
  saveVersion(state: EnterpriseProfileState, version: EnterpriseProfileVersion): Promise<void>;
  setSync(
    orgId: string,
    sync: {
      status: SyncStatus;
      syncedVersion?: number;
      error: string | null;
      receipt?: string | null;
      at: string;
    },
  ): Promise<void>;
  history(orgId: string): Promise<EnterpriseProfileVersion[]>;
}

export interface AgentAuthorisationRepository {
  insert(authorisation: AgentAuthorisation & { createdByUserId: string | null }): Promise<void>;
  findById(id: string): Promise<AgentAuthorisation | undefined>;
  /** Every authorisation an enterprise gave (revoked and expired ones included), newest first. */
  listByEnterprise(enterpriseId: string): Promise<AgentAuthorisation[]>;
  /** Every authorisation an agency holds, newest first. */
  listByAgency(agencyId: string): Promise<AgentAuthorisation[]>;
  /** What one agency holds from one enterprise. */
  listBetween(agencyId: string, enterpriseId: string): Promise<AgentAuthorisation[]>;
  revoke(id: string, at: string, byUserId: string | null): Promise<void>;
}

export interface SealRecord {
  id: string;
  orgId: string;
  kind: 'seal' | 'signature';
  shape: 'round' | 'rectangular' | 'oval' | null;
  signatoryName: string | null;
  fileSha256: string;
  widthPx: number;
  heightPx: number;
  dpi: number;
  uploadedByUserId: string | null;
  uploadedAt: string;
}

export interface SealAuthorisationRecord {
  id: string;
  orgId: string;
  sealId: string;
  signatureId: string;
  authorisedByUserId: string | null;
  authorisedAt: string;
}

export interface SealRepository {
  /** Records a stored file once (content-addressed: the same bytes are one row). */
  recordFile(file: { sha256: string; size: number; contentType: string; createdAt: string }): Promise<void>;
  insert(seal: SealRecord): Promise<void>;
  findById(id: string): Promise<SealRecord | undefined>;
  listByOrganisation(orgId: string): Promise<SealRecord[]>;
  authorise(authorisation: SealAuthorisationRecord): Promise<void>;
  /** The media type a stored file was recognised as. */
  contentTypeOf(sha256: string): Promise<string | undefined>;
  /** The authorisation in force: the latest one. */
  currentAuthorisation(orgId: string): Promise<SealAuthorisationRecord | undefined>;
}

/** A version of an issuing office's electronic seal, in force from `validFrom` until a newer version's. */
export interface OfficeSealRecord {
  id: string;
  officeId: string;
  fileSha256: string;
  widthPx: number;
  heightPx: number;
  dpi: number;
  validFrom: string;
  /** Actor label of the uploader. */
  uploadedBy: string;
  uploadedAt: string;
}

/** A version of an officer's signature image, in force from its upload until the next one. */
export interface OfficerSignatureRecord {
  id: string;
  userId: string;
  fileSha256: string;
  widthPx: number;
  heightPx: number;
  dpi: number;
  /** Actor label of the uploader (the officer, or a customs administrator). */
  uploadedBy: string;
  uploadedAt: string;
}

/** The customs side of self-print: office seal versions and officers' signatures (never updated). */
export interface OfficeSealRepository {
  insertOfficeSeal(seal: OfficeSealRecord): Promise<void>;
  findOfficeSeal(id: string): Promise<OfficeSealRecord | undefined>;
  /** Every version of an office's seal, the latest valid-from first. */
  listOfficeSeals(officeId: string): Promise<OfficeSealRecord[]>;
  /** The version in force at an instant: the latest valid-from at or before it. */
  officeSealInForce(officeId: string, at: string): Promise<OfficeSealRecord | undefined>;
  insertOfficerSignature(signature: OfficerSignatureRecord): Promise<void>;
  findOfficerSignature(id: string): Promise<OfficerSignatureRecord | undefined>;
  /** Every version of an officer's signature, newest first. */
  listOfficerSignatures(userId: string): Promise<OfficerSignatureRecord[]>;
  /** The version in force at an instant: the latest uploaded at or before it. */
  officerSignatureInForce(userId: string, at: string): Promise<OfficerSignatureRecord | undefined>;
}

/** A file received by the store, not yet under its name: `keep()` files it, `discard()` forgets it. */
export interface ReceivedFile {
  sha256: string;
  size: number;
  /** The first bytes, for recognising the content. */
  head: Buffer;
  keep(): Promise<void>;
  discard(): Promise<void>;
}

/** Thrown by the file store when a stream is longer than the limit; nothing is kept. */
export class FileTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`The file is larger than ${limitBytes} bytes.`);
    this.name = 'FileTooLargeError';
  }
}

/** Content-addressed file storage (SHA-256), streamed in and out, never whole in memory. */
export interface FileStore {
  /** Streams content in while hashing; refuses (FileTooLargeError) past `limitBytes`, keeping nothing. */
  receive(content: NodeJS.ReadableStream, limitBytes: number): Promise<ReceivedFile>;
  read(sha256: string): NodeJS.ReadableStream;
  exists(sha256: string): Promise<boolean>;
}

export { APPLICATION_STATUSES } from '../domain/application-lifecycle.js';
export type { ApplicationStatus } from '../domain/application-lifecycle.js';

/** How an application reached Origo. */
export const APPLICATION_CHANNELS = ['portal', 'api', 'message'] as const;
export type ApplicationChannel = (typeof APPLICATION_CHANNELS)[number];

export interface ApplicationRecord {
  id: string;
  enterpriseId: string;
  /** The issuing office the enterprise is affiliated with: whose officers review it. */
  officeId: string;
  typeCode: string;
  status: ApplicationStatus;
  data: ApplicationData;
  /** Counts saves; an update names the version it read (optimistic locking). */
  version: number;
  channel: ApplicationChannel;
  /** The agency that applied for the enterprise, if one did. */
  agencyId: string | null;
  /** Actor label of the creator (user or API key). */
  createdBy: string;
  idempotencyKey: string | null;
  /** SHA-256 of the request an idempotency key first came with. */
  requestHash: string | null;
  copiedFrom: string | null;
  /** The version of the enterprise's basic information the submission rests on. */
  profileVersion: number | null;
  /** The findings at submission (warnings only, since errors stop it). */
  findings: Finding[] | null;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  /** The officer (user id) who claimed it for review. */
  reviewerId: string | null;
  /** Assigned at approval, unique, from the number pattern. */
  certificateNumber: string | null;
  approvedAt: string | null;
  /** Whether the approval was automatic (no officer). */
  automatic: boolean | null;
  /** An original application, an amendment of a certificate, or a reissue (certified true copy). */
  kind: ApplicationKind;
  /** The certificate an amendment or reissue replaces. */
  replacesId: string | null;
  /** The amendment or reissue that replaced this certificate. */
  replacedById: string | null;
  /** Why customs cancelled the certificate (category and words). */
  voidReason: string | null;
  /** The automated checks at the last submission, with their evidence. */
  checks: CheckResult[] | null;
  /** The first submission (submittedAt moves on with a resubmission). */
  firstSubmittedAt: string | null;
}

export const APPLICATION_KINDS = ['original', 'amendment', 'reissue'] as const;
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];

/** An officer's (or the system's) decision on an application, with the boxes at fault and the reasons. */
export interface ReviewDecisionRecord {
  id: string;
  applicationId: string;
  action: 'approve' | 'return' | 'reject';
  /** Box numbers at fault (returns). */
  boxes: string[];
  /** Codes from the return-reason catalogue. */
  reasons: string[];
  note: string;
  decidedBy: string;
  automatic: boolean;
  decidedAt: string;
}

export interface ReviewQueueFilter {
  officeIds: readonly string[];
  statuses: readonly ApplicationStatus[];
  typeCode?: string | undefined;
  enterpriseId?: string | undefined;
  /** Only applications submitted at or before this instant (older than an age). */
  submittedBefore?: string | undefined;
  /** Only applications this officer has claimed. */
  reviewerId?: string | undefined;
  /** Only applications with a failed automated check. */
  flaggedOnly?: boolean | undefined;
  /** Oldest first; continue after this submission time and id. */
  after?: { submittedAt: string; id: string } | undefined;
  limit: number;
}

export interface SupportingDocumentRecord {
  id: string;
  applicationId: string;
  kind: SupportingDocumentKind;
  fileSha256: string;
  fileName: string;
  contentType: string;
  size: number;
  uploadedBy: string;
  uploadedAt: string;
}

export interface ApplicationFilter {
  enterpriseIds?: readonly string[] | undefined;
  statuses?: readonly ApplicationStatus[] | undefined;
  /** Certificate number, or its beginning. */
  certificateNumber?: string | undefined;
  destinationCountry?: string | undefined;
  /** The (first) invoice number. */
  invoiceNumber?: string | undefined;
  /** Created on or after / before (ISO instants). */
  createdFrom?: string | undefined;
  createdUntil?: string | undefined;
  /** Newest first by last change (the applicant's working list) or by creation (Certificate Query). */
  order?: 'updated' | 'created' | undefined;
  /** Only what this agency applied for. */
  agencyId?: string | undefined;
  status?: ApplicationStatus | undefined;
  typeCode?: string | undefined;
  /** Continue before this instant (of the ordering column) and id. */
  before?: { at: string; id: string } | undefined;
  limit: number;
}

/**
 * An issued certificate as public verification reads it (the status address is a hot path): the row's
 * standing, its application data as the stored JSON text (compared with the signed payload, parsed only
 * when needed) and the signed payload stored under the same number.
 */
export interface IssuedCertificateRecord {
  applicationId: string;
  certificateNumber: string;
  typeCode: string;
  status: ApplicationStatus;
  dataJson: string;
  replacedById: string | null;
  updatedAt: string;
  voidReason: string | null;
  /** The JWS stored under this number; null when there is none. */
  jws: string | null;
}

export interface ApplicationRepository {
  insert(application: ApplicationRecord): Promise<void>;
  findById(id: string): Promise<ApplicationRecord | undefined>;
  /** The applications issued under these certificate numbers (exact match; public verification). */
  findByCertificateNumbers(numbers: readonly string[]): Promise<ApplicationRecord[]>;
  /** Only what public verification reads of the certificates under these numbers, with their signed payloads. */
  findIssuedByCertificateNumbers(numbers: readonly string[]): Promise<IssuedCertificateRecord[]>;
  findByIdempotencyKey(enterpriseId: string, key: string): Promise<ApplicationRecord | undefined>;
  /** Writes the record if its stored version is still `expectedVersion`; false when someone saved in between. */
  update(application: ApplicationRecord, expectedVersion: number): Promise<boolean>;
  list(filter: ApplicationFilter): Promise<ApplicationRecord[]>;
  insertDocument(document: SupportingDocumentRecord): Promise<void>;
  /** The next serial for an office, type and year; call inside the approval's transaction (no gaps). */
  nextSerial(officeId: string, typeCode: string, year: number): Promise<number>;
  insertDecision(decision: ReviewDecisionRecord): Promise<void>;
  listDecisions(applicationId: string): Promise<ReviewDecisionRecord[]>;
  /** What the office heads' statistics count: approvals and decisions of these offices in a period. */
  statisticsRows(
    officeIds: readonly string[],
    from: string,
    until: string,
  ): Promise<{ issued: IssuedRow[]; decisions: DecisionRow[] }>;
  /** An office's queue, oldest submission first. */
  queue(filter: ReviewQueueFilter): Promise<ApplicationRecord[]>;
  /** Other applications of the enterprise naming this (first) invoice, in review or issued and in force. */
  findByInvoice(
    enterpriseId: string,
    invoiceNumber: string,
    statuses: readonly ApplicationStatus[],
  ): Promise<ApplicationRecord[]>;
  /** Whether the office approves this type automatically when every check passes. */
  autoApproval(officeId: string, typeCode: string): Promise<boolean>;
  setAutoApproval(setting: {
    officeId: string;
    typeCode: string;
    autoApprove: boolean;
    updatedBy: string;
    updatedAt: string;
  }): Promise<void>;
  listAutoApproval(
    officeId: string,
  ): Promise<Array<{ typeCode: string; autoApprove: boolean; updatedBy: string; updatedAt: string }>>;
  listDocuments(applicationId: string): Promise<SupportingDocumentRecord[]>;
  /** Removes a document's row (its file stays: content-addressed, it may serve another row). */
  deleteDocument(applicationId: string, documentId: string): Promise<boolean>;
}

/** A receipt: what the applicant is told when its application changes status (portal inbox, webhooks). */
export interface ReceiptRecord {
  id: string;
  enterpriseId: string;
  /** The agency that applied, which sees the receipt too. */
  agencyId: string | null;
  applicationId: string;
  status: ApplicationStatus;
  certificateNumber: string | null;
  message: { en: string; zh: string };
  createdAt: string;
  readAt: string | null;
}

export interface WebhookRecord {
  id: string;
  orgId: string;
  url: string;
  /** The HMAC key, shown to the client once at creation. */
  secret: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface WebhookDeliveryRecord {
  id: string;
  webhookId: string;
  receiptId: string;
  attempt: number;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  deliveredAt: string;
}

export interface ReceiptRepository {
  insert(receipt: ReceiptRecord): Promise<void>;
  findById(id: string): Promise<ReceiptRecord | undefined>;
  /** An organisation's receipts (as enterprise or as the agency that applied), newest first. */
  listFor(orgId: string, filter: { unreadOnly: boolean; limit: number }): Promise<ReceiptRecord[]>;
  countUnread(orgId: string): Promise<number>;
  markRead(id: string, at: string): Promise<void>;
  insertWebhook(webhook: WebhookRecord): Promise<void>;
  findWebhook(id: string): Promise<WebhookRecord | undefined>;
  /** Active webhooks of these organisations. */
  activeWebhooks(orgIds: readonly string[]): Promise<WebhookRecord[]>;
  listWebhooks(orgId: string): Promise<WebhookRecord[]>;
  revokeWebhook(id: string, at: string): Promise<void>;
  insertDelivery(delivery: WebhookDeliveryRecord): Promise<void>;
  listDeliveries(webhookId: string, limit: number): Promise<WebhookDeliveryRecord[]>;
}

/** Sends one webhook request; answers the HTTP status, or throws when nothing came back. */
export interface WebhookSender {
  post(url: string, body: string, headers: Record<string, string>): Promise<{ status: number }>;
}

/** An imported version of an agreement's product-specific rules. */
export interface RuleTableRecord {
  id: string;
  agreement: string;
  version: number;
  sourceName: string;
  format: 'csv' | 'json';
  /** The file as imported (the engine parses it again when it is used). */
  content: string;
  rowCount: number;
  status: 'pending' | 'active' | 'superseded';
  /** Against the table in force when it was imported: one line per added, removed or changed row. */
  diff: { added: number; removed: number; changed: number; unchanged: number; lines: string[] };
  importedBy: string;
  importedAt: string;
  activatedBy: string | null;
  activatedAt: string | null;
}

export interface RuleTableRepository {
  insert(table: RuleTableRecord): Promise<void>;
  findById(id: string): Promise<RuleTableRecord | undefined>;
  /** The active imported table of an agreement, if any (otherwise the shipped one is in force). */
  active(agreement: string): Promise<RuleTableRecord | undefined>;
  latestVersion(agreement: string): Promise<number>;
  list(agreement: string): Promise<RuleTableRecord[]>;
  setStatus(
    id: string,
    status: RuleTableRecord['status'],
    activated?: { by: string; at: string },
  ): Promise<void>;
}

/**
 * Customs asks the enterprise for more material about something it decides on (an application in review;
 * later a pre-review or a verification case): questions, the evidence wanted, a deadline; the enterprise
 * (or its agency) answers with words and documents.
 */
export interface EvidenceRequestRecord {
  id: string;
  subjectType: 'application' | 'pre_review' | 'verification_case';
  subjectId: string;
  enterpriseId: string;
  agencyId: string | null;
  officeId: string;
  questions: string;
  evidenceWanted: SupportingDocumentKind[];
  /** Last day to answer (China time). */
  deadline: string;
  status: 'open' | 'answered' | 'withdrawn';
  askedBy: string;
  askedAt: string;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: string | null;
  /** When the enterprise was reminded of the deadline (a background job, some days before it). */
  remindedAt: string | null;
  /** When the request, unanswered past its deadline, was escalated to the office. */
  escalatedAt: string | null;
  /** The enterprise asked for more time (an officer may move the deadline). */
  extensionRequest: { days: number; reason: string; by: string; at: string } | null;
}

export interface EvidenceDocumentRecord {
  id: string;
  requestId: string;
  kind: SupportingDocumentKind;
  fileSha256: string;
  fileName: string;
  contentType: string;
  size: number;
  uploadedBy: string;
  uploadedAt: string;
}

export interface EvidenceRequestRepository {
  insert(request: EvidenceRequestRecord): Promise<void>;
  findById(id: string): Promise<EvidenceRequestRecord | undefined>;
  /**
   * By subject, or an enterprise's/agency's/offices' requests; newest first. An agency's are those about
   * what it applied for: its applications, and the verification cases naming a certificate it applied for.
   */
  list(filter: {
    subjectId?: string | undefined;
    enterpriseId?: string | undefined;
    agencyId?: string | undefined;
    officeIds?: readonly string[] | undefined;
    status?: EvidenceRequestRecord['status'] | undefined;
    /** Only those escalated (open past their deadline). */
    escalated?: boolean | undefined;
    limit: number;
  }): Promise<EvidenceRequestRecord[]>;
  /** Records the answer if the request is still open; false when it was not. */
  answer(id: string, answer: { text: string; by: string; at: string }): Promise<boolean>;
  /** Writes the deadline, reminder, escalation and extension fields of a request. */
  updateTracking(
    id: string,
    fields: Partial<
      Pick<EvidenceRequestRecord, 'deadline' | 'remindedAt' | 'escalatedAt' | 'extensionRequest'>
    >,
  ): Promise<void>;
  insertDocument(document: EvidenceDocumentRecord): Promise<void>;
  listDocuments(requestId: string): Promise<EvidenceDocumentRecord[]>;
}

/** A product submitted for advance origin verification, with the engine's answer and customs' decision. */
export interface PreReviewRecord {
  id: string;
  enterpriseId: string;
  officeId: string;
  status: PreReviewStatus;
  /** The product as the bill names it: 10-digit HS code, names, model. */
  hsCode: string;
  nameEn: string;
  nameZh: string;
  model: string;
  agreements: string[];
  /** The bill of materials as submitted (the engine's JSON format). */
  bill: BillOfMaterials;
  /** The engine's answer the decision stands on: at submission, again at the decision. */
  evaluation: OriginComparison;
  /** The day the rules were applied as of. */
  evaluatedOn: string;
  submittedBy: string;
  submittedAt: string;
  decision: PreReviewDecision | null;
  version: number;
}

export interface PreReviewFilter {
  enterpriseId?: string | undefined;
  officeIds?: readonly string[] | undefined;
  status?: PreReviewStatus | undefined;
  /** Decided, conforming for this agreement and valid on this day (for an application's picker). */
  usableFor?: { agreement: string; day: string } | undefined;
  limit: number;
}

export interface PreReviewRepository {
  insert(preReview: PreReviewRecord): Promise<void>;
  findById(id: string): Promise<PreReviewRecord | undefined>;
  findByIds(ids: readonly string[]): Promise<PreReviewRecord[]>;
  /** Newest first (the officers' queue: oldest first, see `oldestFirst`). */
  list(filter: PreReviewFilter & { oldestFirst?: boolean }): Promise<PreReviewRecord[]>;
  /** Writes the changed record if its version is still `expectedVersion`; false otherwise. */
  update(preReview: PreReviewRecord, expectedVersion: number): Promise<boolean>;
}

/** A verification case on issued certificates of one enterprise (DOMAIN.md 8). */
export interface VerificationCaseRecord {
  id: string;
  officeId: string;
  enterpriseId: string;
  source: CaseSource;
  status: CaseStatus;
  outcome: CaseOutcome | null;
  requestingCountry: string;
  requestingAuthority: string;
  foreignReference: string;
  receivedOn: string;
  /** Last day to reply to the foreign authority; null for cases customs started. */
  replyDue: string | null;
  questions: string;
  riskRule: string;
  /** The officer who owns the case (null: a sampled case not yet taken). */
  ownerId: string | null;
  findings: string;
  certificates: { applicationId: string; certificateNumber: string; typeCode: string }[];
  openedBy: string;
  openedAt: string;
  /** The China day it was opened. */
  openedOn: string;
  concludedBy: string | null;
  concludedAt: string | null;
  version: number;
}

export interface VerificationCaseFilter {
  officeIds?: readonly string[] | undefined;
  enterpriseId?: string | undefined;
  /**
   * Only cases naming a certificate this agency applied for, of an enterprise and type it is authorised
   * for (`authorised`: what each enterprise authorised it for today; none, no case).
   */
  agency?:
    | {
        agencyId: string;
        authorised: readonly { enterpriseId: string; typeCodes: readonly string[] }[];
      }
    | undefined;
  /** Only cases this officer owns; null: only cases nobody owns. */
  ownerId?: string | null | undefined;
  status?: CaseStatus | undefined;
  typeCode?: string | undefined;
  /** Opened on or after / on or before (China days). */
  openedFrom?: string | undefined;
  openedTo?: string | undefined;
  /** Cursor: only cases after this one in the order (opened_at, id) descending. */
  before?: { openedAt: string; id: string } | undefined;
  limit: number;
}

export interface VerificationCaseRepository {
  insert(verificationCase: VerificationCaseRecord): Promise<void>;
  findById(id: string): Promise<VerificationCaseRecord | undefined>;
  /** Newest first. */
  list(filter: VerificationCaseFilter): Promise<VerificationCaseRecord[]>;
  /** Writes status, outcome, findings, owner and conclusion if the version is still `expectedVersion`. */
  update(verificationCase: VerificationCaseRecord, expectedVersion: number): Promise<boolean>;
  /** Open cases naming this certificate (an application id). */
  openCasesOf(applicationId: string): Promise<VerificationCaseRecord[]>;
  /** Random sampling rate (percent) of a certificate type; 0 when none was set. */
  samplingRate(typeCode: string): Promise<number>;
  setSamplingRate(setting: { typeCode: string; rate: number; by: string; at: string }): Promise<void>;
  listSamplingRates(): Promise<{ typeCode: string; rate: number; setBy: string; setAt: string }[]>;
  /** Stricter review of an enterprise until a day, after a case concluded "not confirmed". */
  addStricterReview(entry: StricterReviewRecord): Promise<void>;
  /** The stricter review in force for an enterprise on a day (the one lasting longest), if any. */
  stricterReviewOn(enterpriseId: string, day: string): Promise<StricterReviewRecord | undefined>;
}

export interface StricterReviewRecord {
  id: string;
  enterpriseId: string;
  caseId: string;
  until: string;
  setBy: string;
  setAt: string;
}

/** One rendering of an issued certificate: the first print, or a reprint. */
export interface CertificatePrintRecord {
  id: string;
  applicationId: string;
  mode: PrintMode;
  /** False for the print that moved the certificate to printed; true for every later one. */
  reprint: boolean;
  /** Actor label of who printed it. */
  printedBy: string;
  printedAt: string;
}

/** How often a certificate was printed, as the application shows it. */
export interface PrintSummary {
  count: number;
  reprints: number;
  lastPrintedAt: string | null;
}

/** An office's printer offset for template print, with who set it last. */
export interface PrinterOffsetRecord extends PrinterOffset {
  officeId: string;
  updatedBy: string;
  updatedAt: string;
}

/** The print log of certificates and the offices' printer offsets. */
export interface PrintingRepository {
  insertPrint(print: CertificatePrintRecord): Promise<void>;
  summary(applicationId: string): Promise<PrintSummary>;
  /** The office's offset, or undefined when it never set one (print at the layout's places). */
  printerOffset(officeId: string): Promise<PrinterOffsetRecord | undefined>;
  setPrinterOffset(offset: PrinterOffsetRecord): Promise<void>;
}

/**
 * A notice to one person (a customs officer) about something that needs them: an overdue request for
 * evidence escalated to the case's owner or the office. Enterprises get receipts in their inbox instead.
 */
export interface NotificationRecord {
  id: string;
  userId: string;
  /** What it notifies once: a second notification with the same key to the same person is not stored. */
  key: string;
  /** What it is about, for the link: an application, a pre-review, a verification case. */
  subjectType: EvidenceRequestRecord['subjectType'];
  subjectId: string;
  message: { en: string; zh: string };
  createdAt: string;
  readAt: string | null;
}

export interface NotificationRepository {
  /** Stores it unless the person already has one with the same key; false when it was already there. */
  insert(notification: NotificationRecord): Promise<boolean>;
  findById(id: string): Promise<NotificationRecord | undefined>;
  /** A person's notifications, newest first, after the cursor when given. */
  listFor(
    userId: string,
    filter: {
      unreadOnly: boolean;
      before?: { createdAt: string; id: string } | undefined;
      limit: number;
    },
  ): Promise<NotificationRecord[]>;
  countUnread(userId: string): Promise<number>;
  markRead(id: string, at: string): Promise<void>;
}

/** Repositories bound to one connection or transaction. */
export interface Repositories {
  notifications: NotificationRepository;
  printing: PrintingRepository;
  applications: ApplicationRepository;
  evidenceRequests: EvidenceRequestRepository;
  preReviews: PreReviewRepository;
  verificationCases: VerificationCaseRepository;
  ruleTables: RuleTableRepository;
  receipts: ReceiptRepository;
  agentAuthorisations: AgentAuthorisationRepository;
  seals: SealRepository;
  officeSeals: OfficeSealRepository;
  enterpriseProfiles: EnterpriseProfileRepository;
  organisations: OrganisationRepository;
  users: UserRepository;
  sessions: SessionRepository;
  apiKeys: ApiKeyRepository;
  loginThrottle: LoginThrottleRepository;
  audit: AuditLog;
  jobs: JobRepository;
  signingKeys: SigningKeyRepository;
  certificateSignatures: CertificateSignatureRepository;
}

/** The persistence port: plain reads, and writes that all succeed or all fail together. */
export interface Store extends Repositories {
  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T>;
  /** Cheap readiness probe. */
  ping(): Promise<void>;
}

/** Hashes and checks passwords (argon2id in production). */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

export interface SessionSettings {
  idleMinutes: number;
  maxHours: number;
}

/** Everything a use case may ask for; each use case takes only what it needs. */
export interface Deps {
  store: Store;
  clock: Clock;
  passwords: PasswordHasher;
  sessions: SessionSettings;
  registry: EnterpriseRegistry;
  divisions: AdministrativeDivisions;
  files: FileStore;
  certificateTypes: CertificateTypeCatalogue;
  hs: HsNomenclature;
  review: ReviewSettings;
  webhooks: WebhookSender;
  /** The agreements' rules of origin (data/origin), for the origin engine. */
  origin: OriginCatalogue;
  /** Signs certificate payloads and credentials with the issuing authority's keys. */
  signer: CertificateSigner;
  /** The public base URL (ORIGO_PUBLIC_URL): certificates' status addresses, the credential issuer. */
  publicUrl: string;
  /** Where each box of each certificate type sits on the form (data/certificate-layouts). */
  certificateLayouts: CertificateLayoutCatalogue;
  /** Draws certificates and the printer test page (src/pdf, wired in by the composition side). */
  renderer: CertificateRenderer;
}

/** The layouts by certificate type code, read and checked at start. */
export interface CertificateLayoutCatalogue {
  get(code: string): CertificateLayout | undefined;
}

/** Everything a certificate shows: plain data, no database rows, no I/O. */
export interface CertificateDocument {
  type: CertificateType;
  layout: CertificateLayout;
  /** The certificate number, printed on every page. */
  number: string;
  /** The day the certificate was issued (YYYY-MM-DD). */
  issuedOn: string;
  /** The issuing office as the certification box names it; `nameZh` adds its Chinese name. */
  issuingOffice: { name: string; nameZh?: string | undefined };
  application: ApplicationData;
  /** ISSUED RETROACTIVELY, CERTIFIED TRUE COPY ..., replacement wording: each in the box it names. */
  endorsements: readonly Endorsement[];
  /** PNG (or JPEG) files; self-print draws those given, template print none. */
  images?: {
    officeSeal?: Buffer | undefined;
    officerSignature?: Buffer | undefined;
    enterpriseSeal?: Buffer | undefined;
    signatorySignature?: Buffer | undefined;
  };
  /** The public verification page of this certificate: the QR code's content. */
  verificationUrl: string;
  /** The signed payload (JWS), stored in the PDF's information dictionary. */
  signedPayload?: string | undefined;
}

/** How a certificate is printed: the whole form, or the data onto the pre-printed form moved by the offset. */
export interface CertificateRenderOptions {
  mode: PrintMode;
  /** Template print: millimetres right and down. */
  printerOffset?: PrinterOffset;
}

/**
 * Renders certificates as PDF. A text too long for its box even at the smallest size is refused with
 * DomainError VALIDATION_FAILED naming the box; nothing is printed.
 */
export interface CertificateRenderer {
  render(document: CertificateDocument, options: CertificateRenderOptions): Promise<Buffer>;
  /**
   * The calibration page of a layout: the template-print places with crosshairs at known box corners,
   * moved by the offset being tried, so the distance to the pre-printed form can be measured with a ruler.
   */
  renderPrinterTestPage(input: {
    type: CertificateType;
    layout: CertificateLayout;
    officeName: string;
    printerOffset: PrinterOffset;
  }): Promise<Buffer>;
  /** The reply letter of a verification case to the foreign authority that asked. */
  renderReplyLetter(letter: ReplyLetter): Promise<Buffer>;
}

/** What a reply letter to a foreign authority says (src/pdf lays it out). */
export interface ReplyLetter {
  caseId: string;
  office: string;
  date: string;
  authority: string;
  country: string;
  foreignReference: string;
  receivedOn: string;
  exporter: string;
  certificates: string[];
  outcomeText: string;
  findings: string;
  /** What follows for the certificates (cancelled, in force). */
  consequence: string;
  signatory: string;
}

/** The issuing authority's review settings: the number pattern and the return-reason catalogue. */
export interface ReviewSettings {
  numberPattern: string;
  returnReasons: readonly ReturnReason[];
}

/** The certificate types the authority issues, read from data files at start. */
export interface CertificateTypeCatalogue {
  list(): readonly CertificateType[];
  get(code: string): CertificateType | undefined;
}

/** What the customs enterprise qualification registry knows of an enterprise. */
export interface RegisteredEnterprise {
  uscc: string;
  customsCode: string;
  nameZh: string;
  nameEn: string | null;
  addressZh: string;
  addressEn: string | null;
  divisionCode: string;
  customsDistrict: string;
  legalRepresentative: string;
  telephone: string;
  email: string;
  status: 'active' | 'suspended';
}

/** Thrown by a registry adapter when the registry cannot be reached after its retries. */
export class RegistryUnavailableError extends Error {
  constructor(readonly reason: string) {
    super(`The enterprise qualification registry is unavailable: ${reason}`);
    this.name = 'RegistryUnavailableError';
  }
}

/** Thrown when the registry answers but refuses (a suspended qualification): retrying will not help. */
export class RegistryRejectedError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RegistryRejectedError';
  }
}

/** The customs enterprise qualification registry, an external system. */
export interface EnterpriseRegistry {
  /** The registered enterprise, or undefined when the registry does not know the USCC. */
  findEnterprise(uscc: string): Promise<RegisteredEnterprise | undefined>;
  /** Hands the maintained record to the customs side; its receipt on success. */
  submitOriginProfile(uscc: string, profile: unknown): Promise<{ receipt: string }>;
}

/** A county-level division under its city and province (GB/T 2260). */
export interface Division {
  code: string;
  name: string;
  children?: Division[];
}

/** The administrative divisions data package. */
export interface AdministrativeDivisions {
  exists(countyCode: string): boolean;
  /** Province > city > county. */
  tree(): readonly Division[];
}

/**
 * An issuing-authority signing key as stored: the public key in the clear, the private key encrypted under
 * the key-encryption secret (ORIGO_SIGNING_SECRET). Its state follows from the instants (domain/signing-keys).
 */
export interface SigningKeyRecord {
  kid: string;
  algorithm: 'EdDSA';
  publicJwk: Ed25519PublicJwk;
  /** Opaque to the core: only the CertificateSigner adapter reads it. */
  encryptedPrivateKey: string;
  createdAt: string;
  createdBy: string;
  activatesAt: string;
  retiredAt: string | null;
}

export interface SigningKeyRepository {
  insert(key: SigningKeyRecord): Promise<void>;
  /** Every key, oldest first (they are few: one per rotation). */
  list(): Promise<SigningKeyRecord[]>;
  /** Moves a key's activation or retirement instant. */
  setTimes(kid: string, times: { activatesAt?: string; retiredAt?: string | null }): Promise<void>;
}

/** The signed payload of an issued certificate, kept as it was signed. */
export interface CertificateSignatureRecord {
  applicationId: string;
  certificateNumber: string;
  kid: string;
  /** JWS compact serialisation (domain/signed-certificate.ts). */
  jws: string;
  signedAt: string;
}

export interface CertificateSignatureRepository {
  insert(signature: CertificateSignatureRecord): Promise<void>;
  findByApplication(applicationId: string): Promise<CertificateSignatureRecord | undefined>;
  findByCertificateNumber(certificateNumber: string): Promise<CertificateSignatureRecord | undefined>;
  /** The signed payloads of these certificate numbers (those that have one). */
  findByCertificateNumbers(certificateNumbers: readonly string[]): Promise<CertificateSignatureRecord[]>;
}

/** A W3C Verifiable Credential (data model 2.0) before it is secured. */
export type UnsecuredCredential = Record<string, unknown>;

/** Makes signing keys and signs with them (Ed25519); the only holder of private keys in clear. */
export interface CertificateSigner {
  /** A new key pair, its private half encrypted for storage. */
  newKey(times: { createdAt: string; createdBy: string; activatesAt: string }): Promise<SigningKeyRecord>;
  /** A certificate payload as a JWS (compact) under `key`. Decrypts a key once, then reuses it. */
  signCertificate(key: SigningKeyRecord, payload: SignedCertificatePayload): Promise<string>;
  /** A credential secured with JOSE (a JWT, typ vc+jwt, cty vc) under `key`. */
  signCredential(key: SigningKeyRecord, credential: UnsecuredCredential): Promise<string>;
}
