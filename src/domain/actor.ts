import type { OrganisationKind, Role } from './roles.js';

/** Who is asking: a logged-in user, a system client with an API key, or the operator/system itself. */
export type Actor =
  | {
      kind: 'user';
      userId: string;
      orgId: string;
      orgKind: OrganisationKind;
      roles: readonly Role[];
      /** Offices a customs officer belongs to (empty for everyone else). */
      officeIds: readonly string[];
    }
  | {
      kind: 'apiKey';
      apiKeyId: string;
      orgId: string;
      orgKind: OrganisationKind;
      roles: readonly Role[];
      officeIds: readonly string[];
    }
  | {
      /** The operator at the server's shell (CLI) or a background job: trusted, always named. */
      kind: 'system';
      name: string;
    };

export function hasRole(actor: Actor, role: Role): boolean {
  return actor.kind !== 'system' && actor.roles.includes(role);
}

/** A short label for audit trails and logs. */
export function actorLabel(actor: Actor): string {
  switch (actor.kind) {
    case 'user':
      return `user:${actor.userId}`;
    case 'apiKey':
      return `api-key:${actor.apiKeyId}`;
    case 'system':
      return `system:${actor.name}`;
  }
}
