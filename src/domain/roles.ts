/** Kinds of organisation: the issuing authority, its offices, exporting enterprises and agencies. */
export const ORGANISATION_KINDS = ['authority', 'office', 'enterprise', 'agency'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** Roles a user (or an API key) holds within its organisation. */
export const ROLES = [
  /** The enterprise's legal representative: maintains its information, users, agents and API keys. */
  'enterprise_admin',
  /** Prepares and submits applications for the enterprise. */
  'enterprise_applicant',
  /** Staff of an agency acting for the enterprises that authorised it. */
  'agent_staff',
  /** A customs officer, member of one or more issuing offices. */
  'customs_officer',
  /** Administers the issuing authority: offices, users, system settings, audit. */
  'customs_admin',
] as const;
export type Role = (typeof ROLES)[number];

/** Which roles a member of each organisation kind may hold. */
export const ROLES_BY_ORGANISATION_KIND: Record<OrganisationKind, readonly Role[]> = {
  authority: ['customs_admin', 'customs_officer'],
  office: ['customs_officer', 'customs_admin'],
  enterprise: ['enterprise_admin', 'enterprise_applicant'],
  agency: ['agent_staff'],
};

/** Roles an API key (a system client such as an ERP) may be given. */
export const API_KEY_ROLES_BY_ORGANISATION_KIND: Record<OrganisationKind, readonly Role[]> = {
  authority: [],
  office: [],
  enterprise: ['enterprise_applicant'],
  agency: ['agent_staff'],
};

export function rolesAllowedFor(kind: OrganisationKind, roles: readonly Role[]): boolean {
  return roles.every((role) => ROLES_BY_ORGANISATION_KIND[kind].includes(role));
}
