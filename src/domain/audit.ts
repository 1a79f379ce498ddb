import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';
import type { Role } from './roles.js';

/**
 * Every audit event the system writes, with the shape of its data. Events are appended in the same
 * transaction as the change they record and are never updated or deleted.
 */
export interface AuditEventData {
  /** A user logged in. */
  'user.logged_in': { username: string };
  /** A login failed (wrong password, unknown user, disabled, throttled). */
  'user.login_failed': { username: string; reason: 'invalid_credentials' | 'disabled' | 'throttled' };
  /** A user logged out. */
  'user.logged_out': Record<string, never>;
  /** A user changed their own password. */
  'user.password_changed': Record<string, never>;
  /** A user account was created. */
  'user.created': { username: string; orgId: string; roles: Role[]; officeIds: string[] };
  /** A user account was enabled or disabled. */
  'user.status_changed': { status: 'active' | 'disabled' };
  /** An organisation (office, enterprise, agency) was created. */
  'organisation.created': { kind: string; code: string | null; nameEn: string; parentId: string | null };
  /** An API key was created (the secret is never recorded). */
  'api_key.created': { name: string; prefix: string; orgId: string; roles: Role[] };
  /** An API key was revoked. */
  'api_key.revoked': { prefix: string };
  /** A failed background job was queued again by hand. */
  'job.retried': { kind: string };
  /** A new version of an enterprise's basic information was saved (first maintenance or a change). */
  'enterprise_profile.saved': { version: number; changedFields: string[] };
  /** The registry accepted a version of the enterprise's information. */
  'enterprise_profile.synchronised': { version: number; receipt: string };
  /** A synchronisation attempt failed. */
  'enterprise_profile.sync_failed': { version: number; reason: string; willRetry: boolean };
  /** Someone asked for the synchronisation to be tried again. */
  'enterprise_profile.sync_retried': { version: number };
  /** An enterprise authorised an agency to act for it. */
  'agent.authorised': { agencyId: string; certificateTypes: string[]; validFrom: string; validUntil: string };
  /** An enterprise revoked an agency's authorisation. */
  'agent.revoked': { agencyId: string };
  /** A seal or signature image was uploaded. */
  'seal.uploaded': { kind: string; shape: string | null; sha256: string; dpi: number };
  /** The enterprise administrator authorised the seal and signature used for self-print from now on. */
  'seal.authorised': { sealId: string; signatureId: string };
  /** A customs administrator uploaded a new version of an issuing office's electronic seal. */
  'office_seal.uploaded': { sealId: string; sha256: string; validFrom: string; dpi: number };
  /** An officer's signature image was uploaded (by the officer or a customs administrator). */
  'officer_signature.uploaded': { signatureId: string; sha256: string; dpi: number };
  /** A certificate application was created (a draft), through the portal, the API or a message. */
  'application.created': {
    typeCode: string;
    channel: string;
    agencyId: string | null;
    copiedFrom: string | null;
    /** "amendment" or "reissue" when it replaces a certificate (absent for an original). */
    kind?: string;
    replacesId?: string | null;
  };
  /** The applicant asked to amend or reissue an issued certificate, and why. */
  'application.replacement_requested': { kind: string; replacesId: string; reason: string };
  /** The applicant withdrew the application before review. */
  'application.withdrawn': Record<string, never>;
  /** An approved amendment replaced this certificate, which is now void. */
  'application.replaced_by_amendment': { replacedBy: string };
  /** An approved certified true copy replaced this certificate, which is now void. */
  'application.replaced_by_reissue': { replacedBy: string };
  /** Customs cancelled the certificate. */
  'application.cancelled': { category: string; note: string };
  /** An application went to customs: the version submitted, the enterprise information it rests on. */
  'application.submitted': { typeCode: string; version: number; profileVersion: number; warnings: number };
  /** An officer took the application from the queue for review. */
  'application.claimed': { reviewerId: string };
  /** An officer handed the application to a colleague of the office (claimed for them, or changing hands). */
  'application.assigned': { reviewerId: string; previousReviewerId: string | null };
  /** The application was approved and its certificate numbered (by an officer, or automatically). */
  'application.approved': {
    certificateNumber: string;
    automatic: boolean;
    retroactive: boolean;
    /** The key the certificate's payload was signed with. */
    signingKey: string;
  };
  /** The officer sent the application back, with the boxes at fault and the reasons. */
  'application.returned': { boxes: string[]; reasons: string[] };
  /** The applicant corrected and sent the application again. */
  'application.resubmitted': { version: number; profileVersion: number; warnings: number };
  /** The officer refused the application. */
  'application.rejected': { reasons: string[] };
  /** A supporting document was removed from an application before submission. */
  'application.document_removed': { kind: string; sha256: string; fileName: string };
  /** A supporting document was attached to an application. */
  'application.document_uploaded': { kind: string; sha256: string; size: number; contentType: string };
  /** The certificate was printed for the first time: approved becomes printed. */
  'application.printed': { certificateNumber: string; mode: string };
  /** The certificate was printed again; `reprint` counts the reprints so far, this one included. */
  'application.reprinted': { certificateNumber: string; mode: string; reprint: number };
  /** The applicant confirmed a good print: the certificate is archived and publicly verifiable. */
  'application.print_confirmed': { certificateNumber: string };
  /** An office's printer offset for template print was set (millimetres right and down). */
  'office.printer_offset_set': { dx: number; dy: number; previous: { dx: number; dy: number } | null };
  /** Automatic approval was switched on or off for an office and certificate type. */
  'office.auto_approval_set': { typeCode: string; autoApprove: boolean };
  /** A webhook was registered for an organisation's receipts. */
  'webhook.created': { url: string; orgId: string };
  /** A webhook was revoked. */
  'webhook.revoked': { url: string };
  /** A product-specific rule table was imported as a pending version. */
  'rule_table.imported': { agreement: string; version: number; rows: number };
  /** A rule table version was put in force. */
  'rule_table.activated': { agreement: string; version: number; replaced: number | null };
  /** Customs asked the enterprise for more material. */
  'evidence.requested': { requestId: string; evidenceWanted: string[]; deadline: string };
  /** The enterprise answered a request for more material. */
  'evidence.answered': { requestId: string; documents: number };
  /** The enterprise was reminded that a request's deadline is near (background job). */
  'evidence.reminded': { requestId: string; deadline: string };
  /** A request went unanswered past its deadline and was escalated to the office (background job). */
  'evidence.escalated': { requestId: string; deadline: string };
  /** The enterprise asked for more time to answer a request. */
  'evidence.extension_requested': { requestId: string; days: number };
  /** An officer moved a request's deadline. */
  'evidence.deadline_moved': { requestId: string; from: string; to: string };
  /** A verification case was opened on issued certificates. */
  'verification_case.opened': { source: string; certificates: string[]; replyDue: string | null };
  /** An officer of the office took a verification case over (one nobody owned, or a colleague's). */
  'verification_case.taken': { ownerId: string; previousOwnerId: string | null };
  /** A verification case was concluded; "not confirmed" cancelled its certificates. */
  'verification_case.concluded': { outcome: string; cancelled: string[]; stricterReviewUntil: string | null };
  /** Random sampling rate of a certificate type set. */
  'verification.sampling_rate_set': { typeCode: string; rate: number };
  /** A product was submitted for pre-review (advance origin verification). */
  'pre_review.submitted': { hsCode: string; agreements: string[]; engine: string[] };
  /** Customs decided a pre-review: per agreement, conforms or not, and whether it overrode the engine. */
  'pre_review.decided': {
    results: { agreement: string; conforms: boolean; criterion: string; overridden: boolean }[];
    validUntil: string;
  };
  /** The enterprise withdrew a pre-review before the decision. */
  'pre_review.withdrawn': Record<string, never>;
  /** A signing key was made that signs from `activatesAt` (at once when no key was in force). */
  'signing_key.generated': { kid: string; activatesAt: string };
  /** A new key was published; at `activatesAt` it signs and the keys in `retiring` retire. */
  'signing_key.rotated': { kid: string; activatesAt: string; retiring: string[] };
  /** A key stopped signing; a waiting key took over (`promoted`) or the active one signs on (`resumed`). */
  'signing_key.retired': { kid: string; promoted: string[]; resumed: string[] };
  /** Demo data was loaded into an empty database. */
  'system.demo_seeded': { organisations: number; users: number };
}

export type AuditEventType = keyof AuditEventData;

/** What a use case hands to the audit log. */
export type AuditEventInput = {
  [T in AuditEventType]: { type: T; subjectType: string; subjectId: string; data: AuditEventData[T] };
}[AuditEventType];

/** The fields of a stored event that its hash covers (everything but the hash itself). */
export interface HashedAuditFields {
  seq: number;
  occurredAt: string;
  actorKind: string;
  actorUserId: string | null;
  actorOrgId: string | null;
  actorLabel: string;
  type: string;
  subjectType: string;
  subjectId: string;
  data: unknown;
  prevHash: string;
}

/** The hash of the very first event's predecessor. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

/** SHA-256 over the canonical JSON of the event, which includes the previous event's hash. */
export function hashAuditEvent(fields: HashedAuditFields): string {
  return createHash('sha256').update(canonicalJson(fields)).digest('hex');
}

export interface AuditChainProblem {
  seq: number;
  reason: string;
}

/**
 * Checks a run of stored events (in seq order) against the chain: contiguous numbering, each event's
 * prevHash equal to the hash before it, each hash equal to the recomputed one. `previous` carries the
 * state from the run before, so a long trail can be checked page by page.
 */
export function checkAuditChain(
  events: ReadonlyArray<HashedAuditFields & { hash: string }>,
  previous: { seq: number; hash: string },
): { problems: AuditChainProblem[]; last: { seq: number; hash: string } } {
  const problems: AuditChainProblem[] = [];
  let last = previous;
  for (const event of events) {
    if (event.seq <= last.seq) {
      problems.push({
        seq: event.seq,
        reason: `event ${event.seq} comes after event ${last.seq} (reordered or repeated)`,
      });
    } else if (event.seq !== last.seq + 1) {
      problems.push({
        seq: event.seq,
        reason: `events ${last.seq + 1} to ${event.seq - 1} are missing (deleted)`,
      });
    }
    if (event.prevHash !== last.hash) {
      problems.push({ seq: event.seq, reason: 'previous-hash link does not match the event before it' });
    }
    const { hash, ...fields } = event;
    if (hashAuditEvent(fields) !== hash) {
      problems.push({ seq: event.seq, reason: 'content does not match its hash (edited)' });
    }
    last = { seq: event.seq, hash };
  }
  return { problems, last };
}
