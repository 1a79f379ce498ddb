import type { OrganisationRepository, SessionPrincipal, SessionSettings } from '../ports.js';
import type { SessionView } from './views.js';

/** When a session ends: at its absolute expiry or after the idle time, whichever comes first. */
export function sessionEndsAt(principal: SessionPrincipal, settings: SessionSettings): string {
  const idleEnd = new Date(principal.session.lastSeenAt).getTime() + settings.idleMinutes * 60_000;
  const absoluteEnd = new Date(principal.session.expiresAt).getTime();
  return new Date(Math.min(idleEnd, absoluteEnd)).toISOString();
}

export async function buildSessionView(
  organisations: OrganisationRepository,
  principal: SessionPrincipal,
  settings: SessionSettings,
): Promise<SessionView> {
  const offices = principal.officeIds.length
    ? await organisations.list({ kind: 'office', ids: principal.officeIds })
    : [];
  return {
    csrfToken: principal.session.csrfToken,
    expiresAt: sessionEndsAt(principal, settings),
    user: {
      id: principal.user.id,
      username: principal.user.username,
      displayName: principal.user.displayName,
      roles: principal.user.roles,
      mustChangePassword: principal.user.mustChangePassword,
      organisation: principal.organisation,
      offices,
    },
  };
}
