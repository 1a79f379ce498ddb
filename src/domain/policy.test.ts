import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.js';
import { DomainError } from './errors.js';
import type { Permission, Scope } from './policy.js';
import { POLICY, authorize, isAllowed } from './policy.js';

// The world of the table, shaped like the demo data: the authority `gacc`; offices 1, 2 and 3; enterprise 1
// and agency 1 affiliated with office 1, enterprise 2 with office 2.
const ACTORS = {
  /** The operator at the shell or a background job. */
  system: { kind: 'system', name: 'cli' },
  /** Legal representative of enterprise 1. */
  entAdmin: {
    kind: 'user',
    userId: 'u-ent-admin',
    orgId: 'ent-1',
    orgKind: 'enterprise',
    roles: ['enterprise_admin'],
    officeIds: [],
  },
  /** Applicant (clerk) of enterprise 1. */
  applicant: {
    kind: 'user',
    userId: 'u-applicant',
    orgId: 'ent-1',
    orgKind: 'enterprise',
    roles: ['enterprise_applicant'],
    officeIds: [],
  },
  /** Staff of agency 1. */
  agent: {
    kind: 'user',
    userId: 'u-agent',
    orgId: 'agency-1',
    orgKind: 'agency',
    roles: ['agent_staff'],
    officeIds: [],
  },
  /** Officer employed by office 1 and also a member of office 3 (like officer.wang: Shanghai and Ningbo). */
  officer: {
    kind: 'user',
    userId: 'u-officer',
    orgId: 'office-1',
    orgKind: 'office',
    roles: ['customs_officer'],
    officeIds: ['office-1', 'office-3'],
  },
  /** Administrator of the issuing authority. */
  cusAdmin: {
    kind: 'user',
    userId: 'u-customs-admin',
    orgId: 'gacc',
    orgKind: 'authority',
    roles: ['customs_admin'],
    officeIds: [],
  },
  /** An ERP's API key for enterprise 1, holding the applicant role. */
  apiKey: {
    kind: 'apiKey',
    apiKeyId: 'k-erp',
    orgId: 'ent-1',
    orgKind: 'enterprise',
    roles: ['enterprise_applicant'],
    officeIds: [],
  },
} as const satisfies Record<string, Actor>;
type ActorName = keyof typeof ACTORS;
/** The column order of the table below. */
const COLUMNS = ['system', 'entAdmin', 'applicant', 'agent', 'officer', 'cusAdmin', 'apiKey'] as const;

// Scopes as the use cases build them (src/app/organisations/access.ts: an organisation, its office).
const SCOPES = {
  /** Enterprise 1 (office 1): own organisation of entAdmin, applicant, apiKey; in the officer's office. */
  ent1: { orgId: 'ent-1', orgKind: 'enterprise', officeId: 'office-1' },
  /** Enterprise 1 as agent staff see it while their agency holds an active authorisation (types C, RC). */
  ent1Agent: {
    orgId: 'ent-1',
    orgKind: 'enterprise',
    officeId: 'office-1',
    agentCertificateTypes: ['C', 'RC'],
  },
  /** Enterprise 1 as agent staff see it once their agency's authorisation lapsed or was revoked. */
  ent1Lapsed: { orgId: 'ent-1', orgKind: 'enterprise', officeId: 'office-1', agentCertificateTypes: [] },
  /** An application of enterprise 1, type C, made by agency 1 (authorised today for C and RC). */
  ent1AgentApp: {
    orgId: 'ent-1',
    orgKind: 'enterprise',
    officeId: 'office-1',
    agentCertificateTypes: ['C', 'RC'],
    certificateType: 'C',
    applicationAgencyId: 'agency-1',
  },
  /** A new application of enterprise 1 of a type (E) agency 1 is not authorised for. */
  ent1AgentOtherType: {
    orgId: 'ent-1',
    orgKind: 'enterprise',
    officeId: 'office-1',
    agentCertificateTypes: ['C', 'RC'],
    certificateType: 'E',
  },
  /** An application of enterprise 1, type C, made by another agency (or by the enterprise itself). */
  ent1OtherApplicant: {
    orgId: 'ent-1',
    orgKind: 'enterprise',
    officeId: 'office-1',
    agentCertificateTypes: ['C', 'RC'],
    certificateType: 'C',
    applicationAgencyId: 'agency-2',
  },
  /** Enterprise 2 (office 2): another organisation, under an office the officer does not belong to. */
  ent2: { orgId: 'ent-2', orgKind: 'enterprise', officeId: 'office-2' },
  /** Agency 1 (office 1): own organisation of the agent. */
  agency1: { orgId: 'agency-1', orgKind: 'agency', officeId: 'office-1' },
  /** Office 1: the officer's own organisation and office. */
  office1: { orgId: 'office-1', orgKind: 'office', officeId: 'office-1' },
  /** Office 3: an office the officer belongs to without being employed there (officeIds only). */
  office3: { orgId: 'office-3', orgKind: 'office', officeId: 'office-3' },
  /** Officer 1's own account (an officer of office 1): their signature. */
  officerSelf: { orgId: 'office-1', orgKind: 'office', officeId: 'office-1', userId: 'u-officer' },
  /** Another officer's account in office 1: their signature is not officer 1's to change. */
  otherOfficer: { orgId: 'office-1', orgKind: 'office', officeId: 'office-1', userId: 'u-officer-2' },
  /** Office 2: another office. */
  office2: { orgId: 'office-2', orgKind: 'office', officeId: 'office-2' },
  /** The authority itself: the customs administrator's own organisation. */
  authority: { orgId: 'gacc', orgKind: 'authority' },
  /** Nothing known: permissions that are not about one object. */
  empty: {},
} as const satisfies Record<string, Scope>;
type ScopeName = keyof typeof SCOPES;

type Verdict = 'allow' | 'deny';
type Row = readonly [Permission, ScopeName, Verdict, Verdict, Verdict, Verdict, Verdict, Verdict, Verdict];
const Y = 'allow';
const n = 'deny';

/**
 * What each actor may do, written from the intent in src/domain/policy.ts and ADR 0003 (not from the rules'
 * code): one row per permission and scope, one column per actor.
 * - session.read: anyone who has an identity (people and API keys); the system actor has no session.
 * - account.changePassword: people only; API keys have no password.
 * - organisation.read, agent.list, seal.read, enterpriseProfile.read: system, customs administration,
 *   one's own organisation, and officers for the offices they belong to and the organisations affiliated
 *   with those offices (enterprises and agencies, as src/app/organisations/list-organisations.ts lists them).
 * - enterpriseProfile.read also: agent staff of an agency the enterprise authorised, while the
 *   authorisation is active (GACC, Aug 2024: the enterprise creates the agency relationship itself).
 * - organisation.create, audit.read, jobs.manage: system and customs administration only.
 * - signingKey.manage: the system (the operator's shell, `origo keys`) only; no one through the API.
 * - user.manage, apiKey.manage: system, customs administration, and an enterprise admin for their own
 *   enterprise only.
 * - agent.authorise, enterpriseProfile.maintain, seal.manage: system and the enterprise's own admin (its
 *   legal representative); neither customs, nor the applicant, nor the agency.
 * - certificateType.read: anyone with an identity (types and the HS nomenclature are not secret).
 * - application.apply: system, the enterprise's own admin, applicant and API key, and agent staff only on
 *   their own agency's application (or a new one) of a type the enterprise authorised them for today.
 * - application.read: as organisation.read, plus agent staff on their own agency's applications within
 *   their authorised types; never another agency's or the enterprise's own.
 * - review.queue: the system and officers (each sees the queues of the offices they belong to).
 * - receipt.read: one's own organisation only (an officer's office or the authority have none to read, but
 *   the rule is the organisation's own); receipts of an agency's applications also reach the agency.
 * - webhook.manage: system, customs administration, an enterprise's administrator, agency staff for their
 *   own agency (system clients of agencies receive receipts too).
 * - origin.evaluate: anyone with an identity ("no login needed beyond any user"), and the operator's
 *   command line; nothing is stored.
 * - origin.manageRules: system and the customs administration (importing and activating rule tables).
 * - review.configure: the system and the customs administration (automatic approval per office and type).
 * - verificationCase.manage: as review.decide (officers of the office the certificates belong to).
 * - verificationCase.read: as organisation.read (the enterprise, officers of its office, administrators);
 *   agent staff reach a case's requests only through the application their agency made.
 * - verificationCase.configure: system and customs administration (sampling rates).
 * - preReview.submit: system and the enterprise's own admin, applicant and API key (the producer asks;
 *   agencies file certificates, not pre-reviews).
 * - preReview.read: as organisation.read (the enterprise, officers of its office, customs administration).
 * - preReview.decide: as review.decide (officers of the enterprise's office).
 * - certificate.print: as application.apply (the enterprise, its API key, the agency that applied within
 *   its authorisation) plus the officers of the issuing office, who print on the pre-printed form.
 * - officeSeal.manage: the system and the customs administration only; no officer, not even of the office
 *   (the seal is the office's, issued centrally), and no enterprise.
 * - officeSeal.read: as office.configurePrinter: the customs administration and officers of the office.
 * - officerSignature.manage: the system, the customs administration, and the officer themself (officerSelf);
 *   not a colleague of the same office (otherOfficer), nor anyone outside customs.
 * - office.configurePrinter: as review.configure plus officers of the office (they stand at its printer).
 * - review.decide: the system and officers of the office the application belongs to; not the customs
 *   administration as such (deciding is an officer's act), nor any enterprise or agency.
 */
// prettier-ignore
const TABLE: readonly Row[] = [
  //  permission                    scope         system entAdmin applicant agent officer cusAdmin apiKey
  ['session.read',                'ent1',       n,     Y,       Y,        Y,    Y,      Y,       Y],
  ['session.read',                'ent1Agent',  n,     Y,       Y,        Y,    Y,      Y,       Y],
  ['session.read',                'ent1AgentApp', n,     Y,       Y,        Y,    Y,      Y,       Y],
  ['session.read',                'ent1AgentOtherType', n,     Y,       Y,        Y,    Y,      Y,       Y],
  ['session.read',                'ent1OtherApplicant', n,     Y,       Y,        Y,    Y,      Y,       Y],
  ['session.read',                'ent1Lapsed', n,     Y,       Y,        Y,    Y,      Y,       Y],
  ['session.read',                'ent2',       n,     Y,       Y,        Y,    Y,      Y,       Y],
  ['session.read',                'agency1',    n,     Y,       Y,        Y,    Y,      Y,       Y],
  ['session.read',                'office1',    n,     Y,       Y,        Y,    Y,      Y,       Y],
  ['session.read',                'officerSelf',    n,     Y,       Y,        Y,    Y,      Y,       Y],
  ['session.read',                'otherOfficer',    n,     Y,       Y,        Y,    Y,      Y,       Y],
  ['session.read',                'office3',    n,     Y,       Y,        Y,    Y,      Y,       Y],
  ['session.read',                'office2',    n,     Y,       Y,        Y,    Y,      Y,       Y],
  ['session.read',                'authority',  n,     Y,       Y,        Y,    Y,      Y,       Y],
  ['session.read',                'empty',      n,     Y,       Y,        Y,    Y,      Y,       Y],

  ['account.changePassword',      'ent1',       n,     Y,       Y,        Y,    Y,      Y,       n],
  ['account.changePassword',      'ent1Agent',  n,     Y,       Y,        Y,    Y,      Y,       n],
  ['account.changePassword',      'ent1AgentApp', n,     Y,       Y,        Y,    Y,      Y,       n],
  ['account.changePassword',      'ent1AgentOtherType', n,     Y,       Y,        Y,    Y,      Y,       n],
  ['account.changePassword',      'ent1OtherApplicant', n,     Y,       Y,        Y,    Y,      Y,       n],
  ['account.changePassword',      'ent1Lapsed', n,     Y,       Y,        Y,    Y,      Y,       n],
  ['account.changePassword',      'ent2',       n,     Y,       Y,        Y,    Y,      Y,       n],
  ['account.changePassword',      'agency1',    n,     Y,       Y,        Y,    Y,      Y,       n],
  ['account.changePassword',      'office1',    n,     Y,       Y,        Y,    Y,      Y,       n],
  ['account.changePassword',      'officerSelf',    n,     Y,       Y,        Y,    Y,      Y,       n],
  ['account.changePassword',      'otherOfficer',    n,     Y,       Y,        Y,    Y,      Y,       n],
  ['account.changePassword',      'office3',    n,     Y,       Y,        Y,    Y,      Y,       n],
  ['account.changePassword',      'office2',    n,     Y,       Y,        Y,    Y,      Y,       n],
  ['account.changePassword',      'authority',  n,     Y,       Y,        Y,    Y,      Y,       n],
  ['account.changePassword',      'empty',      n,     Y,       Y,        Y,    Y,      Y,       n],

  ['organisation.read',           'ent1',       Y,     Y,       Y,        n,    Y,      Y,       Y],
  ['organisation.read',           'ent1Agent',  Y,     Y,       Y,        n,    Y,      Y,       Y],
  ['organisation.read',           'ent1AgentApp', Y,     Y,       Y,        n,    Y,      Y,       Y],
  ['organisation.read',           'ent1AgentOtherType', Y,     Y,       Y,        n,    Y,      Y,       Y],
  ['organisation.read',           'ent1OtherApplicant', Y,     Y,       Y,        n,    Y,      Y,       Y],
  ['organisation.read',           'ent1Lapsed', Y,     Y,       Y,        n,    Y,      Y,       Y],
  ['organisation.read',           'ent2',       Y,     n,       n,        n,    n,      Y,       n],
  ['organisation.read',           'agency1',    Y,     n,       n,        Y,    Y,      Y,       n],
  ['organisation.read',           'office1',    Y,     n,       n,        n,    Y,      Y,       n],
  ['organisation.read',           'officerSelf',    Y,     n,       n,        n,    Y,      Y,       n],
  ['organisation.read',           'otherOfficer',    Y,     n,       n,        n,    Y,      Y,       n],
  ['organisation.read',           'office3',    Y,     n,       n,        n,    Y,      Y,       n],
  ['organisation.read',           'office2',    Y,     n,       n,        n,    n,      Y,       n],
  ['organisation.read',           'authority',  Y,     n,       n,        n,    n,      Y,       n],
  ['organisation.read',           'empty',      Y,     n,       n,        n,    n,      Y,       n],

  ['organisation.create',         'ent1',       Y,     n,       n,        n,    n,      Y,       n],
  ['organisation.create',         'ent1Agent',  Y,     n,       n,        n,    n,      Y,       n],
  ['organisation.create',         'ent1AgentApp', Y,     n,       n,        n,    n,      Y,       n],
  ['organisation.create',         'ent1AgentOtherType', Y,     n,       n,        n,    n,      Y,       n],
  ['organisation.create',         'ent1OtherApplicant', Y,     n,       n,        n,    n,      Y,       n],
  ['organisation.create',         'ent1Lapsed', Y,     n,       n,        n,    n,      Y,       n],
  ['organisation.create',         'ent2',       Y,     n,       n,        n,    n,      Y,       n],
  ['organisation.create',         'agency1',    Y,     n,       n,        n,    n,      Y,       n],
  ['organisation.create',         'office1',    Y,     n,       n,        n,    n,      Y,       n],
  ['organisation.create',         'officerSelf',    Y,     n,       n,        n,    n,      Y,       n],
  ['organisation.create',         'otherOfficer',    Y,     n,       n,        n,    n,      Y,       n],
  ['organisation.create',         'office3',    Y,     n,       n,        n,    n,      Y,       n],
  ['organisation.create',         'office2',    Y,     n,       n,        n,    n,      Y,       n],
  ['organisation.create',         'authority',  Y,     n,       n,        n,    n,      Y,       n],
  ['organisation.create',         'empty',      Y,     n,       n,        n,    n,      Y,       n],

  ['user.manage',                 'ent1',       Y,     Y,       n,        n,    n,      Y,       n],
  ['user.manage',                 'ent1Agent',  Y,     Y,       n,        n,    n,      Y,       n],
  ['user.manage',                 'ent1AgentApp', Y,     Y,       n,        n,    n,      Y,       n],
  ['user.manage',                 'ent1AgentOtherType', Y,     Y,       n,        n,    n,      Y,       n],
  ['user.manage',                 'ent1OtherApplicant', Y,     Y,       n,        n,    n,      Y,       n],
  ['user.manage',                 'ent1Lapsed', Y,     Y,       n,        n,    n,      Y,       n],
  ['user.manage',                 'ent2',       Y,     n,       n,        n,    n,      Y,       n],
  ['user.manage',                 'agency1',    Y,     n,       n,        n,    n,      Y,       n],
  ['user.manage',                 'office1',    Y,     n,       n,        n,    n,      Y,       n],
  ['user.manage',                 'officerSelf',    Y,     n,       n,        n,    n,      Y,       n],
  ['user.manage',                 'otherOfficer',    Y,     n,       n,        n,    n,      Y,       n],
  ['user.manage',                 'office3',    Y,     n,       n,        n,    n,      Y,       n],
  ['user.manage',                 'office2',    Y,     n,       n,        n,    n,      Y,       n],
  ['user.manage',                 'authority',  Y,     n,       n,        n,    n,      Y,       n],
  ['user.manage',                 'empty',      Y,     n,       n,        n,    n,      Y,       n],

  ['apiKey.manage',               'ent1',       Y,     Y,       n,        n,    n,      Y,       n],
  ['apiKey.manage',               'ent1Agent',  Y,     Y,       n,        n,    n,      Y,       n],
  ['apiKey.manage',               'ent1AgentApp', Y,     Y,       n,        n,    n,      Y,       n],
  ['apiKey.manage',               'ent1AgentOtherType', Y,     Y,       n,        n,    n,      Y,       n],
  ['apiKey.manage',               'ent1OtherApplicant', Y,     Y,       n,        n,    n,      Y,       n],
  ['apiKey.manage',               'ent1Lapsed', Y,     Y,       n,        n,    n,      Y,       n],
  ['apiKey.manage',               'ent2',       Y,     n,       n,        n,    n,      Y,       n],
  ['apiKey.manage',               'agency1',    Y,     n,       n,        n,    n,      Y,       n],
  ['apiKey.manage',               'office1',    Y,     n,       n,        n,    n,      Y,       n],
  ['apiKey.manage',               'officerSelf',    Y,     n,       n,        n,    n,      Y,       n],
  ['apiKey.manage',               'otherOfficer',    Y,     n,       n,        n,    n,      Y,       n],
  ['apiKey.manage',               'office3',    Y,     n,       n,        n,    n,      Y,       n],
  ['apiKey.manage',               'office2',    Y,     n,       n,        n,    n,      Y,       n],
  ['apiKey.manage',               'authority',  Y,     n,       n,        n,    n,      Y,       n],
  ['apiKey.manage',               'empty',      Y,     n,       n,        n,    n,      Y,       n],

  ['enterpriseProfile.read',      'ent1',       Y,     Y,       Y,        n,    Y,      Y,       Y],
  ['enterpriseProfile.read',      'ent1Agent',  Y,     Y,       Y,        Y,    Y,      Y,       Y],
  ['enterpriseProfile.read',      'ent1AgentApp', Y,     Y,       Y,        Y,    Y,      Y,       Y],
  ['enterpriseProfile.read',      'ent1AgentOtherType', Y,     Y,       Y,        Y,    Y,      Y,       Y],
  ['enterpriseProfile.read',      'ent1OtherApplicant', Y,     Y,       Y,        Y,    Y,      Y,       Y],
  ['enterpriseProfile.read',      'ent1Lapsed', Y,     Y,       Y,        n,    Y,      Y,       Y],
  ['enterpriseProfile.read',      'ent2',       Y,     n,       n,        n,    n,      Y,       n],
  ['enterpriseProfile.read',      'agency1',    Y,     n,       n,        Y,    Y,      Y,       n],
  ['enterpriseProfile.read',      'office1',    Y,     n,       n,        n,    Y,      Y,       n],
  ['enterpriseProfile.read',      'officerSelf',    Y,     n,       n,        n,    Y,      Y,       n],
  ['enterpriseProfile.read',      'otherOfficer',    Y,     n,       n,        n,    Y,      Y,       n],
  ['enterpriseProfile.read',      'office3',    Y,     n,       n,        n,    Y,      Y,       n],
  ['enterpriseProfile.read',      'office2',    Y,     n,       n,        n,    n,      Y,       n],
  ['enterpriseProfile.read',      'authority',  Y,     n,       n,        n,    n,      Y,       n],
  ['enterpriseProfile.read',      'empty',      Y,     n,       n,        n,    n,      Y,       n],

  ['agent.authorise',             'ent1',       Y,     Y,       n,        n,    n,      n,       n],
  ['agent.authorise',             'ent1Agent',  Y,     Y,       n,        n,    n,      n,       n],
  ['agent.authorise',             'ent1AgentApp', Y,     Y,       n,        n,    n,      n,       n],
  ['agent.authorise',             'ent1AgentOtherType', Y,     Y,       n,        n,    n,      n,       n],
  ['agent.authorise',             'ent1OtherApplicant', Y,     Y,       n,        n,    n,      n,       n],
  ['agent.authorise',             'ent1Lapsed', Y,     Y,       n,        n,    n,      n,       n],
  ['agent.authorise',             'ent2',       Y,     n,       n,        n,    n,      n,       n],
  ['agent.authorise',             'agency1',    Y,     n,       n,        n,    n,      n,       n],
  ['agent.authorise',             'office1',    Y,     n,       n,        n,    n,      n,       n],
  ['agent.authorise',             'officerSelf',    Y,     n,       n,        n,    n,      n,       n],
  ['agent.authorise',             'otherOfficer',    Y,     n,       n,        n,    n,      n,       n],
  ['agent.authorise',             'office3',    Y,     n,       n,        n,    n,      n,       n],
  ['agent.authorise',             'office2',    Y,     n,       n,        n,    n,      n,       n],
  ['agent.authorise',             'authority',  Y,     n,       n,        n,    n,      n,       n],
  ['agent.authorise',             'empty',      Y,     n,       n,        n,    n,      n,       n],

  ['agent.list',                  'ent1',       Y,     Y,       Y,        n,    Y,      Y,       Y],
  ['agent.list',                  'ent1Agent',  Y,     Y,       Y,        n,    Y,      Y,       Y],
  ['agent.list',                  'ent1AgentApp', Y,     Y,       Y,        n,    Y,      Y,       Y],
  ['agent.list',                  'ent1AgentOtherType', Y,     Y,       Y,        n,    Y,      Y,       Y],
  ['agent.list',                  'ent1OtherApplicant', Y,     Y,       Y,        n,    Y,      Y,       Y],
  ['agent.list',                  'ent1Lapsed', Y,     Y,       Y,        n,    Y,      Y,       Y],
  ['agent.list',                  'ent2',       Y,     n,       n,        n,    n,      Y,       n],
  ['agent.list',                  'agency1',    Y,     n,       n,        Y,    Y,      Y,       n],
  ['agent.list',                  'office1',    Y,     n,       n,        n,    Y,      Y,       n],
  ['agent.list',                  'officerSelf',    Y,     n,       n,        n,    Y,      Y,       n],
  ['agent.list',                  'otherOfficer',    Y,     n,       n,        n,    Y,      Y,       n],
  ['agent.list',                  'office3',    Y,     n,       n,        n,    Y,      Y,       n],
  ['agent.list',                  'office2',    Y,     n,       n,        n,    n,      Y,       n],
  ['agent.list',                  'authority',  Y,     n,       n,        n,    n,      Y,       n],
  ['agent.list',                  'empty',      Y,     n,       n,        n,    n,      Y,       n],

  ['enterpriseProfile.maintain',  'ent1',       Y,     Y,       n,        n,    n,      n,       n],
  ['enterpriseProfile.maintain',  'ent1Agent',  Y,     Y,       n,        n,    n,      n,       n],
  ['enterpriseProfile.maintain',  'ent1AgentApp', Y,     Y,       n,        n,    n,      n,       n],
  ['enterpriseProfile.maintain',  'ent1AgentOtherType', Y,     Y,       n,        n,    n,      n,       n],
  ['enterpriseProfile.maintain',  'ent1OtherApplicant', Y,     Y,       n,        n,    n,      n,       n],
  ['enterpriseProfile.maintain',  'ent1Lapsed', Y,     Y,       n,        n,    n,      n,       n],
  ['enterpriseProfile.maintain',  'ent2',       Y,     n,       n,        n,    n,      n,       n],
  ['enterpriseProfile.maintain',  'agency1',    Y,     n,       n,        n,    n,      n,       n],
  ['enterpriseProfile.maintain',  'office1',    Y,     n,       n,        n,    n,      n,       n],
  ['enterpriseProfile.maintain',  'officerSelf',    Y,     n,       n,        n,    n,      n,       n],
  ['enterpriseProfile.maintain',  'otherOfficer',    Y,     n,       n,        n,    n,      n,       n],
  ['enterpriseProfile.maintain',  'office3',    Y,     n,       n,        n,    n,      n,       n],
  ['enterpriseProfile.maintain',  'office2',    Y,     n,       n,        n,    n,      n,       n],
  ['enterpriseProfile.maintain',  'authority',  Y,     n,       n,        n,    n,      n,       n],
  ['enterpriseProfile.maintain',  'empty',      Y,     n,       n,        n,    n,      n,       n],

  ['seal.manage',                 'ent1',       Y,     Y,       n,        n,    n,      n,       n],
  ['seal.manage',                 'ent1Agent',  Y,     Y,       n,        n,    n,      n,       n],
  ['seal.manage',                 'ent1AgentApp', Y,     Y,       n,        n,    n,      n,       n],
  ['seal.manage',                 'ent1AgentOtherType', Y,     Y,       n,        n,    n,      n,       n],
  ['seal.manage',                 'ent1OtherApplicant', Y,     Y,       n,        n,    n,      n,       n],
  ['seal.manage',                 'ent1Lapsed', Y,     Y,       n,        n,    n,      n,       n],
  ['seal.manage',                 'ent2',       Y,     n,       n,        n,    n,      n,       n],
  ['seal.manage',                 'agency1',    Y,     n,       n,        n,    n,      n,       n],
  ['seal.manage',                 'office1',    Y,     n,       n,        n,    n,      n,       n],
  ['seal.manage',                 'officerSelf',    Y,     n,       n,        n,    n,      n,       n],
  ['seal.manage',                 'otherOfficer',    Y,     n,       n,        n,    n,      n,       n],
  ['seal.manage',                 'office3',    Y,     n,       n,        n,    n,      n,       n],
  ['seal.manage',                 'office2',    Y,     n,       n,        n,    n,      n,       n],
  ['seal.manage',                 'authority',  Y,     n,       n,        n,    n,      n,       n],
  ['seal.manage',                 'empty',      Y,     n,       n,        n,    n,      n,       n],

  ['seal.read',                   'ent1',       Y,     Y,       Y,        n,    Y,      Y,       Y],
  ['seal.read',                   'ent1Agent',  Y,     Y,       Y,        n,    Y,      Y,       Y],
  ['seal.read',                   'ent1AgentApp', Y,     Y,       Y,        n,    Y,      Y,       Y],
  ['seal.read',                   'ent1AgentOtherType', Y,     Y,       Y,        n,    Y,      Y,       Y],
  ['seal.read',                   'ent1OtherApplicant', Y,     Y,       Y,        n,    Y,      Y,       Y],
  ['seal.read',                   'ent1Lapsed', Y,     Y,       Y,        n,    Y,      Y,       Y],
  ['seal.read',                   'ent2',       Y,     n,       n,        n,    n,      Y,       n],
  ['seal.read',                   'agency1',    Y,     n,       n,        Y,    Y,      Y,       n],
  ['seal.read',                   'office1',    Y,     n,       n,        n,    Y,      Y,       n],
  ['seal.read',                   'officerSelf',    Y,     n,       n,        n,    Y,      Y,       n],
  ['seal.read',                   'otherOfficer',    Y,     n,       n,        n,    Y,      Y,       n],
  ['seal.read',                   'office3',    Y,     n,       n,        n,    Y,      Y,       n],
  ['seal.read',                   'office2',    Y,     n,       n,        n,    n,      Y,       n],
  ['seal.read',                   'authority',  Y,     n,       n,        n,    n,      Y,       n],
  ['seal.read',                   'empty',      Y,     n,       n,        n,    n,      Y,       n],

  ['officeSeal.manage', 'ent1', Y, n, n, n, n, Y, n],
  ['officeSeal.manage', 'ent1Agent', Y, n, n, n, n, Y, n],
  ['officeSeal.manage', 'ent1AgentApp', Y, n, n, n, n, Y, n],
  ['officeSeal.manage', 'ent1AgentOtherType', Y, n, n, n, n, Y, n],
  ['officeSeal.manage', 'ent1OtherApplicant', Y, n, n, n, n, Y, n],
  ['officeSeal.manage', 'ent1Lapsed', Y, n, n, n, n, Y, n],
  ['officeSeal.manage', 'ent2', Y, n, n, n, n, Y, n],
  ['officeSeal.manage', 'agency1', Y, n, n, n, n, Y, n],
  ['officeSeal.manage', 'office1', Y, n, n, n, n, Y, n],
  ['officeSeal.manage', 'officerSelf', Y, n, n, n, n, Y, n],
  ['officeSeal.manage', 'otherOfficer', Y, n, n, n, n, Y, n],
  ['officeSeal.manage', 'office3', Y, n, n, n, n, Y, n],
  ['officeSeal.manage', 'office2', Y, n, n, n, n, Y, n],
  ['officeSeal.manage', 'authority', Y, n, n, n, n, Y, n],
  ['officeSeal.manage', 'empty', Y, n, n, n, n, Y, n],

  ['officeSeal.read', 'ent1', Y, n, n, n, Y, Y, n],
  ['officeSeal.read', 'ent1Agent', Y, n, n, n, Y, Y, n],
  ['officeSeal.read', 'ent1AgentApp', Y, n, n, n, Y, Y, n],
  ['officeSeal.read', 'ent1AgentOtherType', Y, n, n, n, Y, Y, n],
  ['officeSeal.read', 'ent1OtherApplicant', Y, n, n, n, Y, Y, n],
  ['officeSeal.read', 'ent1Lapsed', Y, n, n, n, Y, Y, n],
  ['officeSeal.read', 'ent2', Y, n, n, n, n, Y, n],
  ['officeSeal.read', 'agency1', Y, n, n, n, Y, Y, n],
  ['officeSeal.read', 'office1', Y, n, n, n, Y, Y, n],
  ['officeSeal.read', 'officerSelf', Y, n, n, n, Y, Y, n],
  ['officeSeal.read', 'otherOfficer', Y, n, n, n, Y, Y, n],
  ['officeSeal.read', 'office3', Y, n, n, n, Y, Y, n],
  ['officeSeal.read', 'office2', Y, n, n, n, n, Y, n],
  ['officeSeal.read', 'authority', Y, n, n, n, n, Y, n],
  ['officeSeal.read', 'empty', Y, n, n, n, n, Y, n],

  ['officerSignature.manage', 'ent1', Y, n, n, n, n, Y, n],
  ['officerSignature.manage', 'ent1Agent', Y, n, n, n, n, Y, n],
  ['officerSignature.manage', 'ent1AgentApp', Y, n, n, n, n, Y, n],
  ['officerSignature.manage', 'ent1AgentOtherType', Y, n, n, n, n, Y, n],
  ['officerSignature.manage', 'ent1OtherApplicant', Y, n, n, n, n, Y, n],
  ['officerSignature.manage', 'ent1Lapsed', Y, n, n, n, n, Y, n],
  ['officerSignature.manage', 'ent2', Y, n, n, n, n, Y, n],
  ['officerSignature.manage', 'agency1', Y, n, n, n, n, Y, n],
  ['officerSignature.manage', 'office1', Y, n, n, n, n, Y, n],
  ['officerSignature.manage', 'officerSelf', Y, n, n, n, Y, Y, n],
  ['officerSignature.manage', 'otherOfficer', Y, n, n, n, n, Y, n],
  ['officerSignature.manage', 'office3', Y, n, n, n, n, Y, n],
  ['officerSignature.manage', 'office2', Y, n, n, n, n, Y, n],
  ['officerSignature.manage', 'authority', Y, n, n, n, n, Y, n],
  ['officerSignature.manage', 'empty', Y, n, n, n, n, Y, n],

  ['certificateType.read',        'ent1',       n, Y, Y, Y, Y, Y, Y],
  ['certificateType.read',        'ent1Agent',  n, Y, Y, Y, Y, Y, Y],
  ['certificateType.read',        'ent1AgentApp', n, Y, Y, Y, Y, Y, Y],
  ['certificateType.read',        'ent1AgentOtherType', n, Y, Y, Y, Y, Y, Y],
  ['certificateType.read',        'ent1OtherApplicant', n, Y, Y, Y, Y, Y, Y],
  ['certificateType.read',        'ent1Lapsed', n, Y, Y, Y, Y, Y, Y],
  ['certificateType.read',        'ent2',       n, Y, Y, Y, Y, Y, Y],
  ['certificateType.read',        'agency1',    n, Y, Y, Y, Y, Y, Y],
  ['certificateType.read',        'office1',    n, Y, Y, Y, Y, Y, Y],
  ['certificateType.read',        'officerSelf',    n, Y, Y, Y, Y, Y, Y],
  ['certificateType.read',        'otherOfficer',    n, Y, Y, Y, Y, Y, Y],
  ['certificateType.read',        'office3',    n, Y, Y, Y, Y, Y, Y],
  ['certificateType.read',        'office2',    n, Y, Y, Y, Y, Y, Y],
  ['certificateType.read',        'authority',  n, Y, Y, Y, Y, Y, Y],
  ['certificateType.read',        'empty',      n, Y, Y, Y, Y, Y, Y],

  ['application.apply',           'ent1',       Y, Y, Y, n, n, n, Y],
  ['application.apply',           'ent1Agent',  Y, Y, Y, n, n, n, Y],
  ['application.apply',           'ent1AgentApp', Y, Y, Y, Y, n, n, Y],
  ['application.apply',           'ent1AgentOtherType', Y, Y, Y, n, n, n, Y],
  ['application.apply',           'ent1OtherApplicant', Y, Y, Y, n, n, n, Y],
  ['application.apply',           'ent1Lapsed', Y, Y, Y, n, n, n, Y],
  ['application.apply',           'ent2',       Y, n, n, n, n, n, n],
  ['application.apply',           'agency1',    Y, n, n, n, n, n, n],
  ['application.apply',           'office1',    Y, n, n, n, n, n, n],
  ['application.apply',           'officerSelf',    Y, n, n, n, n, n, n],
  ['application.apply',           'otherOfficer',    Y, n, n, n, n, n, n],
  ['application.apply',           'office3',    Y, n, n, n, n, n, n],
  ['application.apply',           'office2',    Y, n, n, n, n, n, n],
  ['application.apply',           'authority',  Y, n, n, n, n, n, n],
  ['application.apply',           'empty',      Y, n, n, n, n, n, n],

  ['application.read',            'ent1',       Y, Y, Y, n, Y, Y, Y],
  ['application.read',            'ent1Agent',  Y, Y, Y, n, Y, Y, Y],
  ['application.read',            'ent1AgentApp', Y, Y, Y, Y, Y, Y, Y],
  ['application.read',            'ent1AgentOtherType', Y, Y, Y, n, Y, Y, Y],
  ['application.read',            'ent1OtherApplicant', Y, Y, Y, n, Y, Y, Y],
  ['application.read',            'ent1Lapsed', Y, Y, Y, n, Y, Y, Y],
  ['application.read',            'ent2',       Y, n, n, n, n, Y, n],
  ['application.read',            'agency1',    Y, n, n, Y, Y, Y, n],
  ['application.read',            'office1',    Y, n, n, n, Y, Y, n],
  ['application.read',            'officerSelf',    Y, n, n, n, Y, Y, n],
  ['application.read',            'otherOfficer',    Y, n, n, n, Y, Y, n],
  ['application.read',            'office3',    Y, n, n, n, Y, Y, n],
  ['application.read',            'office2',    Y, n, n, n, n, Y, n],
  ['application.read',            'authority',  Y, n, n, n, n, Y, n],
  ['application.read',            'empty',      Y, n, n, n, n, Y, n],

  ['review.queue',                'ent1',       Y, n, n, n, Y, n, n],
  ['review.queue',                'ent1Agent',  Y, n, n, n, Y, n, n],
  ['review.queue',                'ent1AgentApp', Y, n, n, n, Y, n, n],
  ['review.queue',                'ent1AgentOtherType', Y, n, n, n, Y, n, n],
  ['review.queue',                'ent1OtherApplicant', Y, n, n, n, Y, n, n],
  ['review.queue',                'ent1Lapsed', Y, n, n, n, Y, n, n],
  ['review.queue',                'ent2',       Y, n, n, n, Y, n, n],
  ['review.queue',                'agency1',    Y, n, n, n, Y, n, n],
  ['review.queue',                'office1',    Y, n, n, n, Y, n, n],
  ['review.queue',                'officerSelf',    Y, n, n, n, Y, n, n],
  ['review.queue',                'otherOfficer',    Y, n, n, n, Y, n, n],
  ['review.queue',                'office3',    Y, n, n, n, Y, n, n],
  ['review.queue',                'office2',    Y, n, n, n, Y, n, n],
  ['review.queue',                'authority',  Y, n, n, n, Y, n, n],
  ['review.queue',                'empty',      Y, n, n, n, Y, n, n],

  ['review.decide',               'ent1',       Y, n, n, n, Y, n, n],
  ['review.decide',               'ent1Agent',  Y, n, n, n, Y, n, n],
  ['review.decide',               'ent1AgentApp', Y, n, n, n, Y, n, n],
  ['review.decide',               'ent1AgentOtherType', Y, n, n, n, Y, n, n],
  ['review.decide',               'ent1OtherApplicant', Y, n, n, n, Y, n, n],
  ['review.decide',               'ent1Lapsed', Y, n, n, n, Y, n, n],
  ['review.decide',               'ent2',       Y, n, n, n, n, n, n],
  ['review.decide',               'agency1',    Y, n, n, n, Y, n, n],
  ['review.decide',               'office1',    Y, n, n, n, Y, n, n],
  ['review.decide',               'officerSelf',    Y, n, n, n, Y, n, n],
  ['review.decide',               'otherOfficer',    Y, n, n, n, Y, n, n],
  ['review.decide',               'office3',    Y, n, n, n, Y, n, n],
  ['review.decide',               'office2',    Y, n, n, n, n, n, n],
  ['review.decide',               'authority',  Y, n, n, n, n, n, n],
  ['review.decide',               'empty',      Y, n, n, n, n, n, n],

  ['review.configure',            'ent1',       Y, n, n, n, n, Y, n],
  ['review.configure',            'ent1Agent',  Y, n, n, n, n, Y, n],
  ['review.configure',            'ent1AgentApp', Y, n, n, n, n, Y, n],
  ['review.configure',            'ent1AgentOtherType', Y, n, n, n, n, Y, n],
  ['review.configure',            'ent1OtherApplicant', Y, n, n, n, n, Y, n],
  ['review.configure',            'ent1Lapsed', Y, n, n, n, n, Y, n],
  ['review.configure',            'ent2',       Y, n, n, n, n, Y, n],
  ['review.configure',            'agency1',    Y, n, n, n, n, Y, n],
  ['review.configure',            'office1',    Y, n, n, n, n, Y, n],
  ['review.configure',            'officerSelf',    Y, n, n, n, n, Y, n],
  ['review.configure',            'otherOfficer',    Y, n, n, n, n, Y, n],
  ['review.configure',            'office3',    Y, n, n, n, n, Y, n],
  ['review.configure',            'office2',    Y, n, n, n, n, Y, n],
  ['review.configure',            'authority',  Y, n, n, n, n, Y, n],
  ['review.configure',            'empty',      Y, n, n, n, n, Y, n],

  ['certificate.print', 'ent1', Y, Y, Y, n, Y, n, Y],
  ['certificate.print', 'ent1Agent', Y, Y, Y, n, Y, n, Y],
  ['certificate.print', 'ent1AgentApp', Y, Y, Y, Y, Y, n, Y],
  ['certificate.print', 'ent1AgentOtherType', Y, Y, Y, n, Y, n, Y],
  ['certificate.print', 'ent1OtherApplicant', Y, Y, Y, n, Y, n, Y],
  ['certificate.print', 'ent1Lapsed', Y, Y, Y, n, Y, n, Y],
  ['certificate.print', 'ent2', Y, n, n, n, n, n, n],
  ['certificate.print', 'agency1', Y, n, n, n, Y, n, n],
  ['certificate.print', 'office1', Y, n, n, n, Y, n, n],
  ['certificate.print', 'officerSelf', Y, n, n, n, Y, n, n],
  ['certificate.print', 'otherOfficer', Y, n, n, n, Y, n, n],
  ['certificate.print', 'office3', Y, n, n, n, Y, n, n],
  ['certificate.print', 'office2', Y, n, n, n, n, n, n],
  ['certificate.print', 'authority', Y, n, n, n, n, n, n],
  ['certificate.print', 'empty', Y, n, n, n, n, n, n],

  ['office.configurePrinter', 'ent1', Y, n, n, n, Y, Y, n],
  ['office.configurePrinter', 'ent1Agent', Y, n, n, n, Y, Y, n],
  ['office.configurePrinter', 'ent1AgentApp', Y, n, n, n, Y, Y, n],
  ['office.configurePrinter', 'ent1AgentOtherType', Y, n, n, n, Y, Y, n],
  ['office.configurePrinter', 'ent1OtherApplicant', Y, n, n, n, Y, Y, n],
  ['office.configurePrinter', 'ent1Lapsed', Y, n, n, n, Y, Y, n],
  ['office.configurePrinter', 'ent2', Y, n, n, n, n, Y, n],
  ['office.configurePrinter', 'agency1', Y, n, n, n, Y, Y, n],
  ['office.configurePrinter', 'office1', Y, n, n, n, Y, Y, n],
  ['office.configurePrinter', 'officerSelf', Y, n, n, n, Y, Y, n],
  ['office.configurePrinter', 'otherOfficer', Y, n, n, n, Y, Y, n],
  ['office.configurePrinter', 'office3', Y, n, n, n, Y, Y, n],
  ['office.configurePrinter', 'office2', Y, n, n, n, n, Y, n],
  ['office.configurePrinter', 'authority', Y, n, n, n, n, Y, n],
  ['office.configurePrinter', 'empty', Y, n, n, n, n, Y, n],

  ['receipt.read',                'ent1',       n, Y, Y, n, n, n, Y],
  ['receipt.read',                'ent1Agent',  n, Y, Y, n, n, n, Y],
  ['receipt.read',                'ent1AgentApp', n, Y, Y, n, n, n, Y],
  ['receipt.read',                'ent1AgentOtherType', n, Y, Y, n, n, n, Y],
  ['receipt.read',                'ent1OtherApplicant', n, Y, Y, n, n, n, Y],
  ['receipt.read',                'ent1Lapsed', n, Y, Y, n, n, n, Y],
  ['receipt.read',                'ent2',       n, n, n, n, n, n, n],
  ['receipt.read',                'agency1',    n, n, n, Y, n, n, n],
  ['receipt.read',                'office1',    n, n, n, n, Y, n, n],
  ['receipt.read',                'officerSelf',    n, n, n, n, Y, n, n],
  ['receipt.read',                'otherOfficer',    n, n, n, n, Y, n, n],
  ['receipt.read',                'office3',    n, n, n, n, n, n, n],
  ['receipt.read',                'office2',    n, n, n, n, n, n, n],
  ['receipt.read',                'authority',  n, n, n, n, n, Y, n],
  ['receipt.read',                'empty',      n, n, n, n, n, n, n],

  ['webhook.manage',              'ent1',       Y, Y, n, n, n, Y, n],
  ['webhook.manage',              'ent1Agent',  Y, Y, n, n, n, Y, n],
  ['webhook.manage',              'ent1AgentApp', Y, Y, n, n, n, Y, n],
  ['webhook.manage',              'ent1AgentOtherType', Y, Y, n, n, n, Y, n],
  ['webhook.manage',              'ent1OtherApplicant', Y, Y, n, n, n, Y, n],
  ['webhook.manage',              'ent1Lapsed', Y, Y, n, n, n, Y, n],
  ['webhook.manage',              'ent2',       Y, n, n, n, n, Y, n],
  ['webhook.manage',              'agency1',    Y, n, n, Y, n, Y, n],
  ['webhook.manage',              'office1',    Y, n, n, n, n, Y, n],
  ['webhook.manage',              'officerSelf',    Y, n, n, n, n, Y, n],
  ['webhook.manage',              'otherOfficer',    Y, n, n, n, n, Y, n],
  ['webhook.manage',              'office3',    Y, n, n, n, n, Y, n],
  ['webhook.manage',              'office2',    Y, n, n, n, n, Y, n],
  ['webhook.manage',              'authority',  Y, n, n, n, n, Y, n],
  ['webhook.manage',              'empty',      Y, n, n, n, n, Y, n],

  ['origin.evaluate',             'ent1',       Y, Y, Y, Y, Y, Y, Y],
  ['origin.evaluate',             'ent1Agent',  Y, Y, Y, Y, Y, Y, Y],
  ['origin.evaluate',             'ent1AgentApp', Y, Y, Y, Y, Y, Y, Y],
  ['origin.evaluate',             'ent1AgentOtherType', Y, Y, Y, Y, Y, Y, Y],
  ['origin.evaluate',             'ent1OtherApplicant', Y, Y, Y, Y, Y, Y, Y],
  ['origin.evaluate',             'ent1Lapsed', Y, Y, Y, Y, Y, Y, Y],
  ['origin.evaluate',             'ent2',       Y, Y, Y, Y, Y, Y, Y],
  ['origin.evaluate',             'agency1',    Y, Y, Y, Y, Y, Y, Y],
  ['origin.evaluate',             'office1',    Y, Y, Y, Y, Y, Y, Y],
  ['origin.evaluate',             'officerSelf',    Y, Y, Y, Y, Y, Y, Y],
  ['origin.evaluate',             'otherOfficer',    Y, Y, Y, Y, Y, Y, Y],
  ['origin.evaluate',             'office3',    Y, Y, Y, Y, Y, Y, Y],
  ['origin.evaluate',             'office2',    Y, Y, Y, Y, Y, Y, Y],
  ['origin.evaluate',             'authority',  Y, Y, Y, Y, Y, Y, Y],
  ['origin.evaluate',             'empty',      Y, Y, Y, Y, Y, Y, Y],

  ['origin.manageRules',          'ent1',        Y, n, n, n, n, Y, n],
  ['origin.manageRules',          'ent1Agent',   Y, n, n, n, n, Y, n],
  ['origin.manageRules',          'ent1AgentApp', Y, n, n, n, n, Y, n],
  ['origin.manageRules',          'ent1AgentOtherType', Y, n, n, n, n, Y, n],
  ['origin.manageRules',          'ent1OtherApplicant', Y, n, n, n, n, Y, n],
  ['origin.manageRules',          'ent1Lapsed',  Y, n, n, n, n, Y, n],
  ['origin.manageRules',          'ent2',        Y, n, n, n, n, Y, n],
  ['origin.manageRules',          'agency1',     Y, n, n, n, n, Y, n],
  ['origin.manageRules',          'office1',     Y, n, n, n, n, Y, n],
  ['origin.manageRules',          'officerSelf',     Y, n, n, n, n, Y, n],
  ['origin.manageRules',          'otherOfficer',     Y, n, n, n, n, Y, n],
  ['origin.manageRules',          'office3',     Y, n, n, n, n, Y, n],
  ['origin.manageRules',          'office2',     Y, n, n, n, n, Y, n],
  ['origin.manageRules',          'authority',   Y, n, n, n, n, Y, n],
  ['origin.manageRules',          'empty',       Y, n, n, n, n, Y, n],
  ['verificationCase.manage', 'ent1', Y, n, n, n, Y, n, n],
  ['verificationCase.manage', 'ent1Agent', Y, n, n, n, Y, n, n],
  ['verificationCase.manage', 'ent1AgentApp', Y, n, n, n, Y, n, n],
  ['verificationCase.manage', 'ent1AgentOtherType', Y, n, n, n, Y, n, n],
  ['verificationCase.manage', 'ent1OtherApplicant', Y, n, n, n, Y, n, n],
  ['verificationCase.manage', 'ent1Lapsed', Y, n, n, n, Y, n, n],
  ['verificationCase.manage', 'ent2', Y, n, n, n, n, n, n],
  ['verificationCase.manage', 'agency1', Y, n, n, n, Y, n, n],
  ['verificationCase.manage', 'office1', Y, n, n, n, Y, n, n],
  ['verificationCase.manage', 'officerSelf', Y, n, n, n, Y, n, n],
  ['verificationCase.manage', 'otherOfficer', Y, n, n, n, Y, n, n],
  ['verificationCase.manage', 'office3', Y, n, n, n, Y, n, n],
  ['verificationCase.manage', 'office2', Y, n, n, n, n, n, n],
  ['verificationCase.manage', 'authority', Y, n, n, n, n, n, n],
  ['verificationCase.manage', 'empty', Y, n, n, n, n, n, n],

  ['verificationCase.read', 'ent1', Y,     Y,       Y,        n,    Y,      Y,       Y],
  ['verificationCase.read', 'ent1Agent', Y,     Y,       Y,        n,    Y,      Y,       Y],
  ['verificationCase.read', 'ent1AgentApp', Y,     Y,       Y,        n,    Y,      Y,       Y],
  ['verificationCase.read', 'ent1AgentOtherType', Y,     Y,       Y,        n,    Y,      Y,       Y],
  ['verificationCase.read', 'ent1OtherApplicant', Y,     Y,       Y,        n,    Y,      Y,       Y],
  ['verificationCase.read', 'ent1Lapsed', Y,     Y,       Y,        n,    Y,      Y,       Y],
  ['verificationCase.read', 'ent2', Y,     n,       n,        n,    n,      Y,       n],
  ['verificationCase.read', 'agency1', Y,     n,       n,        Y,    Y,      Y,       n],
  ['verificationCase.read', 'office1', Y,     n,       n,        n,    Y,      Y,       n],
  ['verificationCase.read', 'officerSelf', Y,     n,       n,        n,    Y,      Y,       n],
  ['verificationCase.read', 'otherOfficer', Y,     n,       n,        n,    Y,      Y,       n],
  ['verificationCase.read', 'office3', Y,     n,       n,        n,    Y,      Y,       n],
  ['verificationCase.read', 'office2', Y,     n,       n,        n,    n,      Y,       n],
  ['verificationCase.read', 'authority', Y,     n,       n,        n,    n,      Y,       n],
  ['verificationCase.read', 'empty', Y,     n,       n,        n,    n,      Y,       n],

  ['verificationCase.configure', 'ent1', Y, n, n, n, n, Y, n],
  ['verificationCase.configure', 'ent1Agent', Y, n, n, n, n, Y, n],
  ['verificationCase.configure', 'ent1AgentApp', Y, n, n, n, n, Y, n],
  ['verificationCase.configure', 'ent1AgentOtherType', Y, n, n, n, n, Y, n],
  ['verificationCase.configure', 'ent1OtherApplicant', Y, n, n, n, n, Y, n],
  ['verificationCase.configure', 'ent1Lapsed', Y, n, n, n, n, Y, n],
  ['verificationCase.configure', 'ent2', Y, n, n, n, n, Y, n],
  ['verificationCase.configure', 'agency1', Y, n, n, n, n, Y, n],
  ['verificationCase.configure', 'office1', Y, n, n, n, n, Y, n],
  ['verificationCase.configure', 'officerSelf', Y, n, n, n, n, Y, n],
  ['verificationCase.configure', 'otherOfficer', Y, n, n, n, n, Y, n],
  ['verificationCase.configure', 'office3', Y, n, n, n, n, Y, n],
  ['verificationCase.configure', 'office2', Y, n, n, n, n, Y, n],
  ['verificationCase.configure', 'authority', Y, n, n, n, n, Y, n],
  ['verificationCase.configure', 'empty', Y, n, n, n, n, Y, n],
  ['preReview.submit', 'ent1', Y, Y, Y, n, n, n, Y],
  ['preReview.submit', 'ent1Agent', Y, Y, Y, n, n, n, Y],
  ['preReview.submit', 'ent1AgentApp', Y, Y, Y, n, n, n, Y],
  ['preReview.submit', 'ent1AgentOtherType', Y, Y, Y, n, n, n, Y],
  ['preReview.submit', 'ent1OtherApplicant', Y, Y, Y, n, n, n, Y],
  ['preReview.submit', 'ent1Lapsed', Y, Y, Y, n, n, n, Y],
  ['preReview.submit', 'ent2', Y, n, n, n, n, n, n],
  ['preReview.submit', 'agency1', Y, n, n, n, n, n, n],
  ['preReview.submit', 'office1', Y, n, n, n, n, n, n],
  ['preReview.submit', 'officerSelf', Y, n, n, n, n, n, n],
  ['preReview.submit', 'otherOfficer', Y, n, n, n, n, n, n],
  ['preReview.submit', 'office3', Y, n, n, n, n, n, n],
  ['preReview.submit', 'office2', Y, n, n, n, n, n, n],
  ['preReview.submit', 'authority', Y, n, n, n, n, n, n],
  ['preReview.submit', 'empty', Y, n, n, n, n, n, n],

  ['preReview.read', 'ent1', Y,     Y,       Y,        n,    Y,      Y,       Y],
  ['preReview.read', 'ent1Agent', Y,     Y,       Y,        n,    Y,      Y,       Y],
  ['preReview.read', 'ent1AgentApp', Y,     Y,       Y,        n,    Y,      Y,       Y],
  ['preReview.read', 'ent1AgentOtherType', Y,     Y,       Y,        n,    Y,      Y,       Y],
  ['preReview.read', 'ent1OtherApplicant', Y,     Y,       Y,        n,    Y,      Y,       Y],
  ['preReview.read', 'ent1Lapsed', Y,     Y,       Y,        n,    Y,      Y,       Y],
  ['preReview.read', 'ent2', Y,     n,       n,        n,    n,      Y,       n],
  ['preReview.read', 'agency1', Y,     n,       n,        Y,    Y,      Y,       n],
  ['preReview.read', 'office1', Y,     n,       n,        n,    Y,      Y,       n],
  ['preReview.read', 'officerSelf', Y,     n,       n,        n,    Y,      Y,       n],
  ['preReview.read', 'otherOfficer', Y,     n,       n,        n,    Y,      Y,       n],
  ['preReview.read', 'office3', Y,     n,       n,        n,    Y,      Y,       n],
  ['preReview.read', 'office2', Y,     n,       n,        n,    n,      Y,       n],
  ['preReview.read', 'authority', Y,     n,       n,        n,    n,      Y,       n],
  ['preReview.read', 'empty', Y,     n,       n,        n,    n,      Y,       n],

  ['preReview.decide', 'ent1', Y, n, n, n, Y, n, n],
  ['preReview.decide', 'ent1Agent', Y, n, n, n, Y, n, n],
  ['preReview.decide', 'ent1AgentApp', Y, n, n, n, Y, n, n],
  ['preReview.decide', 'ent1AgentOtherType', Y, n, n, n, Y, n, n],
  ['preReview.decide', 'ent1OtherApplicant', Y, n, n, n, Y, n, n],
  ['preReview.decide', 'ent1Lapsed', Y, n, n, n, Y, n, n],
  ['preReview.decide', 'ent2', Y, n, n, n, n, n, n],
  ['preReview.decide', 'agency1', Y, n, n, n, Y, n, n],
  ['preReview.decide', 'office1', Y, n, n, n, Y, n, n],
  ['preReview.decide', 'officerSelf', Y, n, n, n, Y, n, n],
  ['preReview.decide', 'otherOfficer', Y, n, n, n, Y, n, n],
  ['preReview.decide', 'office3', Y, n, n, n, Y, n, n],
  ['preReview.decide', 'office2', Y, n, n, n, n, n, n],
  ['preReview.decide', 'authority', Y, n, n, n, n, n, n],
  ['preReview.decide', 'empty', Y, n, n, n, n, n, n],

  ['audit.read',                  'ent1',       Y,     n,       n,        n,    n,      Y,       n],
  ['audit.read',                  'ent1Agent',  Y,     n,       n,        n,    n,      Y,       n],
  ['audit.read',                  'ent1AgentApp', Y,     n,       n,        n,    n,      Y,       n],
  ['audit.read',                  'ent1AgentOtherType', Y,     n,       n,        n,    n,      Y,       n],
  ['audit.read',                  'ent1OtherApplicant', Y,     n,       n,        n,    n,      Y,       n],
  ['audit.read',                  'ent1Lapsed', Y,     n,       n,        n,    n,      Y,       n],
  ['audit.read',                  'ent2',       Y,     n,       n,        n,    n,      Y,       n],
  ['audit.read',                  'agency1',    Y,     n,       n,        n,    n,      Y,       n],
  ['audit.read',                  'office1',    Y,     n,       n,        n,    n,      Y,       n],
  ['audit.read',                  'officerSelf',    Y,     n,       n,        n,    n,      Y,       n],
  ['audit.read',                  'otherOfficer',    Y,     n,       n,        n,    n,      Y,       n],
  ['audit.read',                  'office3',    Y,     n,       n,        n,    n,      Y,       n],
  ['audit.read',                  'office2',    Y,     n,       n,        n,    n,      Y,       n],
  ['audit.read',                  'authority',  Y,     n,       n,        n,    n,      Y,       n],
  ['audit.read',                  'empty',      Y,     n,       n,        n,    n,      Y,       n],

  ['jobs.manage',                 'ent1',       Y,     n,       n,        n,    n,      Y,       n],
  ['jobs.manage',                 'ent1Agent',  Y,     n,       n,        n,    n,      Y,       n],
  ['jobs.manage',                 'ent1AgentApp', Y,     n,       n,        n,    n,      Y,       n],
  ['jobs.manage',                 'ent1AgentOtherType', Y,     n,       n,        n,    n,      Y,       n],
  ['jobs.manage',                 'ent1OtherApplicant', Y,     n,       n,        n,    n,      Y,       n],
  ['jobs.manage',                 'ent1Lapsed', Y,     n,       n,        n,    n,      Y,       n],
  ['jobs.manage',                 'ent2',       Y,     n,       n,        n,    n,      Y,       n],
  ['jobs.manage',                 'agency1',    Y,     n,       n,        n,    n,      Y,       n],
  ['jobs.manage',                 'office1',    Y,     n,       n,        n,    n,      Y,       n],
  ['jobs.manage',                 'officerSelf',    Y,     n,       n,        n,    n,      Y,       n],
  ['jobs.manage',                 'otherOfficer',    Y,     n,       n,        n,    n,      Y,       n],
  ['jobs.manage',                 'office3',    Y,     n,       n,        n,    n,      Y,       n],
  ['jobs.manage',                 'office2',    Y,     n,       n,        n,    n,      Y,       n],
  ['jobs.manage',                 'authority',  Y,     n,       n,        n,    n,      Y,       n],
  ['jobs.manage',                 'empty',      Y,     n,       n,        n,    n,      Y,       n],

  ['signingKey.manage',              'ent1',       Y,     n,       n,        n,    n,      n,       n],
  ['signingKey.manage',              'ent1Agent',  Y,     n,       n,        n,    n,      n,       n],
  ['signingKey.manage',              'ent1AgentApp', Y,     n,       n,        n,    n,      n,       n],
  ['signingKey.manage',              'ent1AgentOtherType', Y,     n,       n,        n,    n,      n,       n],
  ['signingKey.manage',              'ent1OtherApplicant', Y,     n,       n,        n,    n,      n,       n],
  ['signingKey.manage',              'ent1Lapsed', Y,     n,       n,        n,    n,      n,       n],
  ['signingKey.manage',              'ent2',       Y,     n,       n,        n,    n,      n,       n],
  ['signingKey.manage',              'agency1',    Y,     n,       n,        n,    n,      n,       n],
  ['signingKey.manage',              'office1',    Y,     n,       n,        n,    n,      n,       n],
  ['signingKey.manage',              'officerSelf',    Y,     n,       n,        n,    n,      n,       n],
  ['signingKey.manage',              'otherOfficer',    Y,     n,       n,        n,    n,      n,       n],
  ['signingKey.manage',              'office3',    Y,     n,       n,        n,    n,      n,       n],
  ['signingKey.manage',              'office2',    Y,     n,       n,        n,    n,      n,       n],
  ['signingKey.manage',              'authority',  Y,     n,       n,        n,    n,      n,       n],
  ['signingKey.manage',              'empty',      Y,     n,       n,        n,    n,      n,       n],
];

/** isAllowed's answer as a verdict; anything but a boolean is reported as itself. */
function verdictOfIsAllowed(actor: Actor, permission: Permission, scope: Scope): string {
  const answer: unknown = isAllowed(actor, permission, scope);
  return answer === true ? 'allow' : answer === false ? 'deny' : `non-boolean answer ${String(answer)}`;
}

/** authorize's outcome as a verdict: passing is allow, FORBIDDEN naming the permission is deny. */
function verdictOfAuthorize(actor: Actor, permission: Permission, scope: Scope): string {
  try {
    authorize(actor, permission, scope);
    return 'allow';
  } catch (error) {
    if (
      error instanceof DomainError &&
      error.code === 'FORBIDDEN' &&
      error.details.permission === permission
    ) {
      return 'deny';
    }
    return `unexpected error ${String(error)}`;
  }
}

const byActor = (verdict: (name: ActorName) => string) =>
  Object.fromEntries(COLUMNS.map((name) => [name, verdict(name)]));

describe('permission table (src/domain/policy.ts, ADR 0003): every permission x actor x scope', () => {
  it('has exactly one row for every permission the policy defines and every scope', () => {
    const rowKeys = TABLE.map(([permission, scope]) => `${permission} @ ${scope}`);
    const expectedKeys = Object.keys(POLICY).flatMap((permission) =>
      Object.keys(SCOPES).map((scope) => `${permission} @ ${scope}`),
    );
    expect([...rowKeys].sort()).toStrictEqual([...expectedKeys].sort());
    expect(COLUMNS.length).toBe(Object.keys(ACTORS).length);
  });

  for (const [permission, scopeName, ...verdicts] of TABLE) {
    const expected = Object.fromEntries(COLUMNS.map((name, column) => [name, verdicts[column]]));
    const scope: Scope = SCOPES[scopeName];

    it(`${permission} on ${scopeName}: isAllowed answers the table for every actor`, () => {
      expect(byActor((name) => verdictOfIsAllowed(ACTORS[name], permission, scope))).toStrictEqual(expected);
    });

    it(`${permission} on ${scopeName}: authorize passes the allowed and throws FORBIDDEN at the others`, () => {
      expect(byActor((name) => verdictOfAuthorize(ACTORS[name], permission, scope))).toStrictEqual(expected);
    });
  }

  it('refuses with a message that does not say whether the object exists (ADR 0003: no existence leaks)', () => {
    expect(() => authorize(ACTORS.applicant, 'organisation.read', SCOPES.ent2)).toThrow(
      expect.objectContaining({
        name: 'DomainError',
        code: 'FORBIDDEN',
        message: 'You are not allowed to do this.',
        details: { permission: 'organisation.read' },
      }),
    );
  });

  it('uses the empty scope when none is given', () => {
    for (const name of COLUMNS) {
      for (const permission of Object.keys(POLICY) as Permission[]) {
        expect(isAllowed(ACTORS[name], permission)).toBe(isAllowed(ACTORS[name], permission, {}));
      }
    }
  });
});

describe('deny by default: a permission the table does not name is refused to everyone', () => {
  it('refuses unknown permission names, including near misses of real ones', () => {
    for (const unknown of ['certificate.forge', '', 'session', 'SESSION.READ', 'audit.read ']) {
      for (const name of COLUMNS) {
        const permission = unknown as Permission;
        expect(isAllowed(ACTORS[name], permission, SCOPES.ent1)).toBe(false);
        expect(verdictOfAuthorize(ACTORS[name], permission, SCOPES.ent1)).toBe('deny');
      }
    }
  });

  // A plain lookup would find members inherited from Object.prototype ('toString', 'constructor') and allow
  // them to everyone: the policy looks up its own permissions only.
  it('refuses names inherited from Object.prototype (toString, constructor, hasOwnProperty, __proto__)', () => {
    for (const inherited of ['toString', 'constructor', 'hasOwnProperty', '__proto__']) {
      for (const name of COLUMNS) {
        const permission = inherited as Permission;
        expect(verdictOfIsAllowed(ACTORS[name], permission, SCOPES.ent1)).toBe('deny');
        expect(verdictOfAuthorize(ACTORS[name], permission, SCOPES.ent1)).toBe('deny');
      }
    }
  });
});
