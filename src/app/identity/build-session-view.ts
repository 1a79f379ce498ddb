import type { OrganisationRepository, SessionPrincipal, SessionSettings } from '../ports.js';
import type { SessionView } from './views.js';

/** When a session ends: at its absolute expiry or after the idle time, whichever comes first. */
export function sessionEndsAtMs(principal: SessionPrincipal, settings: SessionSettings): number {
  const idleEnd = Date.parse(principal.session.lastSeenAt) + settings.idleMinutes * 60_000;
  return Math.min(idleEnd, Date.parse(principal.session.expiresAt));
}

export function sessionEndsAt(principal: SessionPrincipal, settings: SessionSettings): string {
  return new Date(sessionEndsAtMs(principal, settings)).toISOString();
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
