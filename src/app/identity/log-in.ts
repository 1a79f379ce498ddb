import type { Actor } from '../../domain/actor.js';
import { DomainError } from '../../domain/errors.js';
import {
  ADDRESS_THROTTLE,
  USERNAME_THROTTLE,
  afterFailure,
  lockRemainingMs,
} from '../../domain/login-throttle.js';
import type { Deps } from '../ports.js';
import { hashSecret, newSecret } from '../tokens.js';
import { buildSessionView } from './build-session-view.js';
import type { SessionView } from './views.js';

export interface LogInInput {
  username: string;
  password: string;
  clientAddress: string | null;
  userAgent: string | null;
}

// Verified when the username is unknown, so that a miss takes as long as a wrong password.
let decoyHash: Promise<string> | undefined;

/** Checks a username and password and opens a session; the token goes only into the user's cookie. */
export async function logIn(
  deps: Pick<Deps, 'store' | 'clock' | 'passwords' | 'sessions'>,
  input: LogInInput,
): Promise<{ token: string; session: SessionView }> {
  const { store, clock, passwords } = deps;
  const now = clock.now();
  const username = input.username.trim();
  const userKey = `user:${username.toLowerCase()}`;
  const addressKey = input.clientAddress ? `address:${input.clientAddress}` : undefined;

  const waits = await Promise.all([
    store.loginThrottle.get(userKey),
    addressKey ? store.loginThrottle.get(addressKey) : undefined,
  ]);
  const waitMs = Math.max(...waits.map((state) => lockRemainingMs(state, now)));
  if (waitMs > 0) {
    const retryAfterSeconds = Math.ceil(waitMs / 1000);
    throw new DomainError(
      'LOGIN_THROTTLED',
      `Too many failed logins. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`,
      [],
      { retryAfterSeconds },
    );
  }

  const user = await store.users.findByUsername(username);
  decoyHash ??= passwords.hash('decoy password that matches nothing');
  const passwordOk = await passwords.verify(user?.passwordHash ?? (await decoyHash), input.password);

  if (!user || !passwordOk) {
    await store.transaction(async (tx) => {
      await tx.loginThrottle.put(userKey, afterFailure(waits[0], USERNAME_THROTTLE, now));
      if (addressKey) await tx.loginThrottle.put(addressKey, afterFailure(waits[1], ADDRESS_THROTTLE, now));
      await tx.audit.append({ kind: 'system', name: 'login' }, now.toISOString(), {
        type: 'user.login_failed',
        subjectType: 'user',
        subjectId: user?.id ?? `username:${username}`,
        data: { username, reason: 'invalid_credentials' },
      });
    });
    throw new DomainError('INVALID_CREDENTIALS', 'The username or password is wrong.');
  }
  if (user.status !== 'active') {
    throw new DomainError('ACCOUNT_DISABLED', 'This account is disabled. Ask your administrator.');
  }

  const organisation = await store.organisations.findById(user.orgId);
  if (!organisation) throw new Error(`user ${user.id} belongs to no organisation`);
  const actor: Actor = {
    kind: 'user',
    userId: user.id,
    orgId: user.orgId,
    orgKind: organisation.kind,
    roles: user.roles,
    officeIds: [],
  };
  const token = newSecret();
  const sessionId = hashSecret(token);
  const at = now.toISOString();
  await store.transaction(async (tx) => {
    await tx.loginThrottle.clear(userKey);
    await tx.sessions.insert({
      id: sessionId,
      userId: user.id,
      csrfToken: newSecret(),
      createdAt: at,
      expiresAt: new Date(now.getTime() + deps.sessions.maxHours * 3_600_000).toISOString(),
      lastSeenAt: at,
      clientAddress: input.clientAddress,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    });
    await tx.audit.append(actor, at, {
      type: 'user.logged_in',
      subjectType: 'user',
      subjectId: user.id,
      data: { username: user.username },
    });
  });
  const principal = await store.sessions.findPrincipal(sessionId);
  if (!principal) throw new Error('session vanished right after it was created');
  return { token, session: await buildSessionView(store.organisations, principal, deps.sessions) };
}
