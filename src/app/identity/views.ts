import type { OrganisationRecord, UserRecord } from '../ports.js';

/** What clients see of a user: never the password hash. */
export interface UserView {
  id: string;
  orgId: string;
  username: string;
  displayName: string;
  roles: UserRecord['roles'];
  officeIds: string[];
  status: UserRecord['status'];
  createdAt: string;
}

export function toUserView(user: UserRecord, officeIds: string[]): UserView {
  return {
    id: user.id,
    orgId: user.orgId,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    officeIds,
    status: user.status,
    createdAt: user.createdAt,
  };
}

/** What a logged-in user learns about their own session. */
export interface SessionView {
  csrfToken: string;
  expiresAt: string;
  user: {
    id: string;
    username: string;
    displayName: string;
    roles: UserRecord['roles'];
    mustChangePassword: boolean;
    organisation: OrganisationRecord;
    offices: OrganisationRecord[];
  };
}
