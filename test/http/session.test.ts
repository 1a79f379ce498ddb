import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditTrail } from '../../src/app/audit/verify-audit-trail.js';
import type { TestApi } from '../support/http.js';
import { DEMO_PASSWORD, logIn, openTestApi, sessionCookie } from '../support/http.js';
import { describeEachDatabase } from '../support/runtime.js';

describeEachDatabase('session: login, session, logout, password', (dialect) => {
  let api: TestApi;
  beforeEach(async () => {
    api = await openTestApi(dialect);
  });
  afterEach(async () => {
    await api.close();
  });

  it('logs in every demo role and returns who they are, with an HttpOnly session cookie', async () => {
    const expected = {
      admin: { roles: ['customs_admin'], kind: 'authority', offices: [] as string[] },
      'officer.wang': { roles: ['customs_officer'], kind: 'office', offices: ['2200', '3100'] },
      'ent.admin': { roles: ['enterprise_admin'], kind: 'enterprise', offices: [] },
      'ent.clerk': { roles: ['enterprise_applicant'], kind: 'enterprise', offices: [] },
      'agent.li': { roles: ['agent_staff'], kind: 'agency', offices: [] },
    };
    for (const [username, want] of Object.entries(expected)) {
      const response = await api.app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { username, password: DEMO_PASSWORD },
      });
      expect(response.statusCode, username).toBe(200);
      const cookie = response.cookies.find((candidate) => candidate.name === 'origo_session');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      const body = response.json();
      expect(body.user.roles).toEqual(want.roles);
      expect(body.user.organisation.kind).toBe(want.kind);
      expect(body.user.offices.map((office: { code: string }) => office.code).sort()).toEqual(want.offices);
      expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

      const session = await api.app.inject({
        method: 'GET',
        url: '/api/session',
        headers: { cookie: sessionCookie(response) },
      });
      expect(session.statusCode).toBe(200);
      expect(session.json().user.username).toBe(username);
      // Neither the login's answer (it carries the CSRF token) nor the session's is kept by any cache.
      expect(response.headers['cache-control']).toBe('no-store');
      expect(session.headers['cache-control']).toBe('no-store');
    }
  });

  it('refuses a wrong password and an unknown user with the same answer', async () => {
    const wrong = await api.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'ent.admin', password: 'not the password' },
    });
    const unknown = await api.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'nobody', password: 'not the password' },
    });
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({
        code: 'INVALID_CREDENTIALS',
        message: 'The username or password is wrong.',
        fields: [],
      });
      expect(response.cookies).toHaveLength(0);
    }
  });

  it('locks a username after five failures, even for the right password, until the lock expires', async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const response = await api.app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { username: 'ent.clerk', password: `wrong-${attempt}` },
      });
      expect(response.statusCode).toBe(401);
    }
    const locked = await api.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'ent.clerk', password: DEMO_PASSWORD },
    });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('LOGIN_THROTTLED');
    expect(Number(locked.headers['retry-after'])).toBe(900);
    // Another user from the same address is not locked out by these five.
    expect((await logIn(api.app, 'ent.admin')).cookie).toContain('origo_session=');
    api.runtime.clock.advance(15 * 60_000);
    expect((await logIn(api.app, 'ent.clerk')).cookie).toContain('origo_session=');
  });

  it('requires the CSRF token for cookie-authenticated writes, and logs out', async () => {
    const session = await logIn(api.app, 'ent.admin');
    const withoutToken = await api.app.inject({
      method: 'DELETE',
      url: '/api/session',
      headers: { cookie: session.cookie },
    });
    expect(withoutToken.statusCode).toBe(403);
    expect(withoutToken.json().code).toBe('CSRF_TOKEN_INVALID');
    const wrongToken = await api.app.inject({
      method: 'DELETE',
      url: '/api/session',
      headers: { cookie: session.cookie, 'x-csrf-token': 'x'.repeat(43) },
    });
    expect(wrongToken.json().code).toBe('CSRF_TOKEN_INVALID');

    const loggedOut = await api.app.inject({
      method: 'DELETE',
      url: '/api/session',
      headers: session.headers,
    });
    expect(loggedOut.statusCode).toBe(204);
    const after = await api.app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { cookie: session.cookie },
    });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('UNAUTHENTICATED');
  });

  it('ends a session after the idle time and after the absolute lifetime', async () => {
    const session = await logIn(api.app, 'ent.admin');
    api.runtime.clock.advance(59 * 60_000);
    expect(
      (await api.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: session.cookie } }))
        .statusCode,
    ).toBe(200);
    api.runtime.clock.advance(59 * 60_000); // active a minute ago: still within the idle time
    expect(
      (await api.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: session.cookie } }))
        .statusCode,
    ).toBe(200);
    api.runtime.clock.advance(61 * 60_000);
    expect(
      (await api.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: session.cookie } }))
        .statusCode,
    ).toBe(401);

    const second = await logIn(api.app, 'ent.admin');
    for (let step = 0; step < 15; step += 1) {
      // 15 x 50 min = 12.5 h, each step within the idle time
      api.runtime.clock.advance(50 * 60_000);
      await api.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: second.cookie } });
    }
    expect(
      (await api.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: second.cookie } }))
        .statusCode,
    ).toBe(401);
  });

  it('changes the password: the old one stops working, other sessions end, this one stays', async () => {
    const here = await logIn(api.app, 'ent.clerk');
    const elsewhere = await logIn(api.app, 'ent.clerk');
    const weak = await api.app.inject({
      method: 'POST',
      url: '/api/account/password',
      headers: here.headers,
      payload: { currentPassword: DEMO_PASSWORD, newPassword: 'short' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({
      code: 'PASSWORD_POLICY',
      fields: [{ path: 'newPassword', code: 'too_short' }],
    });

    const wrongCurrent = await api.app.inject({
      method: 'POST',
      url: '/api/account/password',
      headers: here.headers,
      payload: { currentPassword: 'wrong password!', newPassword: 'a much better passphrase' },
    });
    expect(wrongCurrent.json()).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      fields: [{ path: 'currentPassword' }],
    });

    const changed = await api.app.inject({
      method: 'POST',
      url: '/api/account/password',
      headers: here.headers,
      payload: { currentPassword: DEMO_PASSWORD, newPassword: 'a much better passphrase' },
    });
    expect(changed.statusCode).toBe(204);
    expect(
      (await api.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: here.cookie } }))
        .statusCode,
    ).toBe(200);
    expect(
      (await api.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: elsewhere.cookie } }))
        .statusCode,
    ).toBe(401);
    await expect(logIn(api.app, 'ent.clerk')).rejects.toThrow(/INVALID_CREDENTIALS/);
    expect((await logIn(api.app, 'ent.clerk', 'a much better passphrase')).cookie).toContain(
      'origo_session=',
    );
  });

  it('writes an audit event for each login, failure and logout, in an intact chain', async () => {
    const session = await logIn(api.app, 'ent.admin');
    await api.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'ent.admin', password: 'wrong password' },
    });
    await api.app.inject({ method: 'DELETE', url: '/api/session', headers: session.headers });
    const events = await api.runtime.deps.store.audit.listNewestFirst({ limit: 3 });
    expect(events.map((event) => event.type)).toEqual([
      'user.logged_out',
      'user.login_failed',
      'user.logged_in',
    ]);
    expect(events[1]?.data).toEqual({ username: 'ent.admin', reason: 'invalid_credentials' });
    expect(await verifyAuditTrail(api.runtime.deps, { kind: 'system', name: 'test' })).toMatchObject({
      intact: true,
    });
  });
});

describe('session cookie flags', () => {
  it('the cookie never carries the stored session id (only its SHA-256 is stored)', async () => {
    const api = await openTestApi('sqlite');
    try {
      const session = await logIn(api.app, 'admin');
      const token = session.cookie.split('=')[1]!;
      const row = api.runtime.handle.sqlite!.prepare('select id from sessions').get() as { id: string };
      expect(row.id).not.toBe(token);
      expect(row.id).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      await api.close();
    }
  });
});
