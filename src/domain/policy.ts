import type { Actor } from './actor.js';
import { hasRole } from './actor.js';
import { DomainError } from './errors.js';
import type { OrganisationKind } from './roles.js';

/**
 * What the object of an action belongs to, as far as the use case knows it. A use case that could not find
 * the object passes only the ids it was asked about, so the answer never depends on existence.
 */
export interface Scope {
  /** The organisation that owns the object (an enterprise, an agency, an office). */
  orgId?: string | undefined;
  orgKind?: OrganisationKind | undefined;
  /** The issuing office the object is affiliated with (an enterprise's office, an office itself). */
  officeId?: string | undefined;
  /** For agent staff: the certificate types their agency is authorised for, today, by this enterprise. */
  agentCertificateTypes?: readonly string[] | undefined;
  /** The certificate type of the application acted on. */
  certificateType?: string | undefined;
  /** The agency that made the application (null: the enterprise itself); undefined for a new one. */
  applicationAgencyId?: string | null | undefined;
  /** The person the object belongs to (an officer's signature). */
  userId?: string | undefined;
}

type Rule = (actor: Actor, scope: Scope) => boolean;

const isSystem: Rule = (actor) => actor.kind === 'system';
const isCustomsAdmin: Rule = (actor) => hasRole(actor, 'customs_admin');
const isAuthenticated: Rule = (actor) => actor.kind !== 'system';
const isOfficer: Rule = (actor) =>
  hasRole(actor, 'customs_officer') && actor.kind !== 'system' && actor.officeIds.length > 0;
const isPerson: Rule = (actor) => actor.kind === 'user';
const ownOrganisation: Rule = (actor, scope) =>
  actor.kind !== 'system' && scope.orgId !== undefined && scope.orgId === actor.orgId;
const officerOfScope: Rule = (actor, scope) =>
  hasRole(actor, 'customs_officer') &&
  actor.kind !== 'system' &&
  scope.officeId !== undefined &&
  actor.officeIds.includes(scope.officeId);
/** An officer acting on something of their own (their signature). */
const officerSelf: Rule = (actor, scope) =>
  hasRole(actor, 'customs_officer') &&
  actor.kind === 'user' &&
  scope.userId !== undefined &&
  scope.userId === actor.userId;
const enterpriseAdminOfScope: Rule = (actor, scope) =>
  hasRole(actor, 'enterprise_admin') && ownOrganisation(actor, scope);
const agencyStaffOfScope: Rule = (actor, scope) =>
  hasRole(actor, 'agent_staff') && ownOrganisation(actor, scope);
const authorisedAgent: Rule = (actor, scope) =>
  hasRole(actor, 'agent_staff') && (scope.agentCertificateTypes?.length ?? 0) > 0;

/** An enterprise's own applicant or administrator (people or its API keys). */
const applicantOfScope: Rule = (actor, scope) =>
  (hasRole(actor, 'enterprise_admin') || hasRole(actor, 'enterprise_applicant')) &&
  ownOrganisation(actor, scope);
/**
 * Agent staff acting within their agency's authorisation: the application's type is one the enterprise
 * authorised today, and the application is their agency's own (or new).
 */
const agentForType: Rule = (actor, scope) =>
  hasRole(actor, 'agent_staff') &&
  actor.kind !== 'system' &&
  scope.certificateType !== undefined &&
  (scope.agentCertificateTypes ?? []).includes(scope.certificateType) &&
  (scope.applicationAgencyId === undefined || scope.applicationAgencyId === actor.orgId);

const any =
  (...rules: Rule[]): Rule =>
  (actor, scope) => {
    for (const rule of rules) if (rule(actor, scope)) return true;
    return false;
  };

/**
 * Every permission the system knows and who holds it. A permission that is not here does not exist, and
 * an actor a rule does not name is refused: deny by default.
 */
export const POLICY = {
  /** Read one's own session. */
  'session.read': isAuthenticated,
  /** Change one's own password (people only; API keys have no password). */
  'account.changePassword': isPerson,
  /** Read an organisation: one's own, officers the offices they belong to and the enterprises of those offices. */
  'organisation.read': any(isSystem, isCustomsAdmin, ownOrganisation, officerOfScope),
  /** Create offices, enterprises and agencies. */
  'organisation.create': any(isSystem, isCustomsAdmin),
  /** List or manage an organisation's users. */
  'user.manage': any(isSystem, isCustomsAdmin, enterpriseAdminOfScope),
  /** Create, list or revoke an organisation's API keys. */
  'apiKey.manage': any(isSystem, isCustomsAdmin, enterpriseAdminOfScope),
  /** Read an enterprise's basic information, its history and synchronisation status. */
  'enterpriseProfile.read': any(isSystem, isCustomsAdmin, ownOrganisation, officerOfScope, authorisedAgent),
  /** Authorise an agency to act for the enterprise, or revoke it. */
  'agent.authorise': any(isSystem, enterpriseAdminOfScope),
  /** See who is authorised to act for an enterprise. */
  'agent.list': any(isSystem, isCustomsAdmin, ownOrganisation, officerOfScope),
  /** Maintain an enterprise's basic information (first time and changes) and retry its synchronisation. */
  'enterpriseProfile.maintain': any(isSystem, enterpriseAdminOfScope),
  /** Upload seals and signatures and authorise the default pair for self-print. */
  'seal.manage': any(isSystem, enterpriseAdminOfScope),
  /** See an enterprise's seals and signatures and which pair is authorised. */
  'seal.read': any(isSystem, isCustomsAdmin, ownOrganisation, officerOfScope),
  /** Upload a new version of an issuing office's electronic seal: the customs administration only. */
  'officeSeal.manage': any(isSystem, isCustomsAdmin),
  /** See an office's seal versions and images: the customs administration and the office's officers. */
  'officeSeal.read': any(isSystem, isCustomsAdmin, officerOfScope),
  /** Upload and see an officer's signature image: the officer themself and the customs administration. */
  'officerSignature.manage': any(isSystem, isCustomsAdmin, officerSelf),
  /** See the certificate types, their boxes and rules, and search the HS nomenclature. */
  'certificateType.read': isAuthenticated,
  /** Create, edit, validate and submit an application, and attach its supporting documents. */
  'application.apply': any(isSystem, applicantOfScope, agentForType),
  /** Read an application and its documents. */
  'application.read': any(isSystem, isCustomsAdmin, ownOrganisation, officerOfScope, agentForType),
  /**
   * Print an issued certificate (self-print or on the pre-printed form) and confirm a good print: the
   * enterprise, the agency that applied within its authorisation, officers of the issuing office.
   */
  'certificate.print': any(isSystem, applicantOfScope, agentForType, officerOfScope),
  /** Set an office's printer offset for template print and print its test page. */
  'office.configurePrinter': any(isSystem, isCustomsAdmin, officerOfScope),
  /** See the review queue of the offices one belongs to. */
  'review.queue': any(isSystem, isOfficer),
  /** Claim, approve, return or reject an application of one's office. */
  'review.decide': any(isSystem, officerOfScope),
  /** Switch automatic approval per office and certificate type. */
  'review.configure': any(isSystem, isCustomsAdmin),
  /** Read the receipts of one's own enterprise or agency (the portal inbox). */
  'receipt.read': ownOrganisation,
  /** Register, list and revoke webhooks and read their delivery log. */
  'webhook.manage': any(isSystem, isCustomsAdmin, enterpriseAdminOfScope, agencyStaffOfScope),
  /** Determine the origin of a product from a bill of materials (nothing is stored). */
  'origin.evaluate': any(isSystem, isAuthenticated),
  /** Submit a product for advance origin verification (pre-review), withdraw it, answer requests on it. */
  'preReview.submit': any(isSystem, applicantOfScope),
  /** See a pre-review: its enterprise, officers of its office, customs administrators. */
  'preReview.read': any(isSystem, isCustomsAdmin, ownOrganisation, officerOfScope),
  /** Decide a pre-review (conforms or not, per agreement) or ask for more material: its office's officers. */
  'preReview.decide': any(isSystem, officerOfScope),
  /** Open, own, conclude verification cases and ask for evidence in them: officers of the office. */
  'verificationCase.manage': any(isSystem, officerOfScope),
  /** See a verification case: its enterprise, officers of its office, customs administrators. */
  'verificationCase.read': any(isSystem, isCustomsAdmin, ownOrganisation, officerOfScope),
  /** Set random sampling rates per certificate type and read the supervision dashboard. */
  'verificationCase.configure': any(isSystem, isCustomsAdmin),
  /** Import product-specific rule tables and put a version in force. */
  'origin.manageRules': any(isSystem, isCustomsAdmin),
  /** Read and verify the audit trail. */
  'audit.read': any(isSystem, isCustomsAdmin),
  /** See and retry background jobs. */
  'jobs.manage': any(isSystem, isCustomsAdmin),
  /** Generate, rotate and retire the issuing authority's signing keys: the operator at the server only. */
  'signingKey.manage': isSystem,
} satisfies Record<string, Rule>;

export type Permission = keyof typeof POLICY;

export function isAllowed(actor: Actor, permission: Permission, scope: Scope = {}): boolean {
  // Own properties only: 'toString' or '__proto__' are not permissions.
  const rule: Rule | undefined = Object.hasOwn(POLICY, permission) ? POLICY[permission] : undefined;
  return rule !== undefined && rule(actor, scope);
}

/** Throws FORBIDDEN unless the actor holds the permission for the scope. */
export function authorize(actor: Actor, permission: Permission, scope: Scope = {}): void {
  if (!isAllowed(actor, permission, scope)) {
    throw new DomainError('FORBIDDEN', 'You are not allowed to do this.', [], { permission });
  }
}
