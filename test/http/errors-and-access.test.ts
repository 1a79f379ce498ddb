import { afterEach, beforeEach, expect, it } from 'vitest';
import type { TestApi } from '../support/http.js';
import { logIn, openTestApi } from '../support/http.js';
import { describeEachDatabase } from '../support/runtime.js';

describeEachDatabase('error shape and access control', (dialect) => {
  let api: TestApi;
  beforeEach(async () => {
    api = await openTestApi(dialect, { bodyLimitBytes: 64 * 1024 });
  });
  afterEach(async () => {
    await api.close();
  });

  const organisationByCode = async (code: string) =>
    (await api.runtime.deps.store.organisations.findByCode(code))!;

  it('answers malformed JSON with 400 MALFORMED_REQUEST in the one error shape', async () => {
    const response = await api.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": "admin", ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'MALFORMED_REQUEST', fields: [] });
    expect(response.json().requestId).toBe(response.headers['x-request-id']);
  });

  it('answers wrong types and unknown fields with 400 VALIDATION_FAILED naming each field', async () => {
    const response = await api.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 42, password: 'x', rememberMe: true },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'username', code: 'invalid_type' }),
        expect.objectContaining({ path: 'rememberMe', code: 'unknown_field' }),
      ]),
    );
  });

  it('names query parameters with a query. prefix', async () => {
    const admin = await logIn(api.app, 'admin');
    const response = await api.app.inject({
      method: 'GET',
      url: '/api/audit-events?limit=0',
      headers: admin.headers,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields[0]).toMatchObject({ path: 'query.limit', code: 'too_small' });
  });

  it('answers an oversized body with 413 PAYLOAD_TOO_LARGE', async () => {
    const response = await api.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'admin', password: 'x'.repeat(70 * 1024) },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', fields: [] });
  });

  it('answers anonymous calls with 401 before reading the body', async () => {
    for (const [method, url] of [
      ['GET', '/api/organisations'],
      ['POST', '/api/organisations'],
      ['GET', '/api/audit-events'],
      ['GET', '/api/jobs'],
    ] as const) {
      const response = await api.app.inject({
        method,
        url,
        payload: method === 'POST' ? '{not json' : undefined,
      });
      expect(response.statusCode, `${method} ${url}`).toBe(401);
      expect(response.json()).toMatchObject({ code: 'UNAUTHENTICATED', fields: [] });
    }
  });

  it('answers 403 for another enterprise’s organisation whether or not it exists', async () => {
    const clerk = await logIn(api.app, 'ent.clerk');
    const other = await organisationByCode('91330206MA2H3C8N52');
    const existing = await api.app.inject({
      method: 'GET',
      url: `/api/organisations/${other.id}`,
      headers: clerk.headers,
    });
    const missing = await api.app.inject({
      method: 'GET',
      url: '/api/organisations/00000000-0000-0000-0000-000000000000',
      headers: clerk.headers,
    });
    expect(existing.statusCode).toBe(403);
    expect(missing.statusCode).toBe(403);
    expect(existing.json().code).toBe('FORBIDDEN');
    expect(missing.json().message).toBe(existing.json().message);
    // The administrator, who may see everything, is told what does not exist.
    const admin = await logIn(api.app, 'admin');
    const adminMissing = await api.app.inject({
      method: 'GET',
      url: '/api/organisations/00000000-0000-0000-0000-000000000000',
      headers: admin.headers,
    });
    expect(adminMissing.statusCode).toBe(404);
  });

  it('shows each role only the organisations it may see', async () => {
    const codesFor = async (username: string, query = '') => {
      const session = await logIn(api.app, username);
      const response = await api.app.inject({
        method: 'GET',
        url: `/api/organisations${query}`,
        headers: session.headers,
      });
      return (response.json().items as Array<{ code: string }>).map((item) => item.code).sort();
    };
    expect(await codesFor('ent.clerk')).toEqual(['91310115MA1K4B2X7G']);
    expect(await codesFor('ent.clerk', '?kind=office')).toEqual(['2200', '3100', '4200', '5300']);
    expect(await codesFor('agent.li')).toEqual(['91310104MA1G8E6T0D']);
    expect(await codesFor('officer.zhao')).toEqual(['5300', '91440300MA5F7D1R21']);
    expect(await codesFor('officer.wang')).toEqual([
      '2200',
      '3100',
      '91310104MA1G8E6T0D',
      '91310115MA1K4B2X7G',
      '91330206MA2H3C8N52',
      null, // Shanghai Mingda has not maintained its information yet, so it has no code
    ]);
    expect(await codesFor('admin')).toHaveLength(10);
  });

  it('lets an enterprise administrator manage its own users only, with enterprise roles only', async () => {
    const entAdmin = await logIn(api.app, 'ent.admin');
    const own = await organisationByCode('91310115MA1K4B2X7G');
    const other = await organisationByCode('91330206MA2H3C8N52');
    const created = await api.app.inject({
      method: 'POST',
      url: `/api/organisations/${own.id}/users`,
      headers: entAdmin.headers,
      payload: {
        username: 'ent.second',
        displayName: 'Second Clerk',
        password: 'a long enough passphrase',
        roles: ['enterprise_applicant'],
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      username: 'ent.second',
      roles: ['enterprise_applicant'],
      status: 'active',
    });
    expect(created.json()).not.toHaveProperty('passwordHash');

    const customsRole = await api.app.inject({
      method: 'POST',
      url: `/api/organisations/${own.id}/users`,
      headers: entAdmin.headers,
      payload: {
        username: 'ent.sneaky',
        displayName: 'Sneaky',
        password: 'a long enough passphrase',
        roles: ['customs_admin'],
      },
    });
    expect(customsRole.statusCode).toBe(400);
    expect(customsRole.json().fields[0]).toMatchObject({ path: 'roles.0', code: 'role_not_allowed' });

    const elsewhere = await api.app.inject({
      method: 'POST',
      url: `/api/organisations/${other.id}/users`,
      headers: entAdmin.headers,
      payload: {
        username: 'ent.intruder',
        displayName: 'Intruder',
        password: 'a long enough passphrase',
        roles: ['enterprise_applicant'],
      },
    });
    expect(elsewhere.statusCode).toBe(403);
    expect(await api.runtime.deps.store.users.findByUsername('ent.intruder')).toBeUndefined();
    expect(await api.runtime.deps.store.users.findByUsername('ent.sneaky')).toBeUndefined();

    const duplicate = await api.app.inject({
      method: 'POST',
      url: `/api/organisations/${own.id}/users`,
      headers: entAdmin.headers,
      payload: {
        username: 'ENT.SECOND',
        displayName: 'Again',
        password: 'a long enough passphrase',
        roles: ['enterprise_applicant'],
      },
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().code).toBe('USERNAME_TAKEN');

    const clerk = await logIn(api.app, 'ent.clerk');
    const clerkTries = await api.app.inject({
      method: 'GET',
      url: `/api/organisations/${own.id}/users`,
      headers: clerk.headers,
    });
    expect(clerkTries.statusCode).toBe(403);
  });

  it('disables a user: their sessions end and they cannot log in', async () => {
    const admin = await logIn(api.app, 'admin');
    const clerkSession = await logIn(api.app, 'ent.clerk');
    const clerk = (await api.runtime.deps.store.users.findByUsername('ent.clerk'))!;
    const disabled = await api.app.inject({
      method: 'POST',
      url: `/api/users/${clerk.id}/status`,
      headers: admin.headers,
      payload: { status: 'disabled' },
    });
    expect(disabled.json().status).toBe('disabled');
    expect(
      (await api.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: clerkSession.cookie } }))
        .statusCode,
    ).toBe(401);
    const login = await api.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'ent.clerk', password: 'origo-demo-2026' },
    });
    expect(login.statusCode).toBe(403);
    expect(login.json().code).toBe('ACCOUNT_DISABLED');
  });

  it('keeps the audit trail and jobs to the customs administration', async () => {
    for (const username of ['ent.admin', 'officer.wang', 'agent.li']) {
      const session = await logIn(api.app, username);
      const audit = await api.app.inject({
        method: 'GET',
        url: '/api/audit-events',
        headers: session.headers,
      });
      const jobs = await api.app.inject({ method: 'GET', url: '/api/jobs', headers: session.headers });
      expect([audit.statusCode, jobs.statusCode], username).toEqual([403, 403]);
    }
    const admin = await logIn(api.app, 'admin');
    const page = await api.app.inject({
      method: 'GET',
      url: '/api/audit-events?limit=5',
      headers: admin.headers,
    });
    expect(page.statusCode).toBe(200);
    expect(page.json().items).toHaveLength(5);
    expect(page.json().items[0].type).toBe('user.logged_in');
    expect(page.json().items[0].actor).toMatchObject({
      kind: 'user',
      username: 'admin',
      label: expect.stringMatching(/^user:/),
    });
    const next = await api.app.inject({
      method: 'GET',
      url: `/api/audit-events?limit=5&before=${page.json().nextBefore}`,
      headers: admin.headers,
    });
    expect(next.json().items[0].seq).toBe(page.json().items[4].seq - 1);
    const verify = await api.app.inject({
      method: 'POST',
      url: '/api/audit-events/verify',
      headers: admin.headers,
    });
    expect(verify.json()).toMatchObject({ intact: true, problems: [] });
  });

  it('answers unknown API routes with 404 NOT_FOUND in the same shape', async () => {
    const admin = await logIn(api.app, 'admin');
    const response = await api.app.inject({
      method: 'GET',
      url: '/api/no-such-thing',
      headers: admin.headers,
    });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'NOT_FOUND', fields: [] });
  });
});
