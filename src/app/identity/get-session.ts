import type { Actor } from '../../domain/actor.js';
import { authorize } from '../../domain/policy.js';
import type { Deps, SessionPrincipal } from '../ports.js';
import { buildSessionView } from './build-session-view.js';
import type { SessionView } from './views.js';

/** The caller's own session: who they are, their organisation and offices, and the CSRF token. */
export async function getSession(
  deps: Pick<Deps, 'store' | 'sessions'>,
  actor: Actor,
  principal: SessionPrincipal,
): Promise<SessionView> {
  authorize(actor, 'session.read');
  return buildSessionView(deps.store.organisations, principal, deps.sessions);
}
