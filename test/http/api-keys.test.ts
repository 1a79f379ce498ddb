import { afterEach, beforeEach, expect, it } from 'vitest';
import { API_KEY_PATTERN } from '../../src/app/identity/authenticate.js';
import type { TestApi } from '../support/http.js';
import { logIn, openTestApi } from '../support/http.js';
import { describeEachDatabase } from '../support/runtime.js';

describeEachDatabase('API keys for system clients', (dialect) => {
  let api: TestApi;
  beforeEach(async () => {
    api = await openTestApi(dialect);
  });
  afterEach(async () => {
    await api.close();
  });

  it('shows the secret once, authenticates with it for its organisation only, and stops at revocation', async () => {
    const entAdmin = await logIn(api.app, 'ent.admin');
    const own = entAdmin.body.user.organisation.id;
    const created = await api.app.inject({
      method: 'POST',
      url: `/api/organisations/${own}/api-keys`,
      headers: entAdmin.headers,
      payload: { name: 'ERP production' },
    });
    expect(created.statusCode).toBe(201);
    const { apiKey, secret } = created.json();
    expect(apiKey.roles).toEqual(['enterprise_applicant']);
    expect(secret).toMatch(new RegExp(`^origo_${apiKey.prefix}_[A-Za-z0-9_-]{43}$`));

    const listed = await api.app.inject({
      method: 'GET',
      url: `/api/organisations/${own}/api-keys`,
      headers: entAdmin.headers,
    });
    expect(JSON.stringify(listed.json())).not.toContain(secret.split('_').at(-1));

    const bearer = { authorization: `Bearer ${secret}` };
    const ownOrg = await api.app.inject({ method: 'GET', url: `/api/organisations/${own}`, headers: bearer });
    expect(ownOrg.statusCode).toBe(200);
    const other = (await api.runtime.deps.store.organisations.findByCode('91330206MA2H3C8N52'))!;
    const otherOrg = await api.app.inject({
      method: 'GET',
      url: `/api/organisations/${other.id}`,
      headers: bearer,
    });
    expect(otherOrg.statusCode).toBe(403);
    // A key is not a person: it has no session and cannot change a password.
    const password = await api.app.inject({
      method: 'POST',
      url: '/api/account/password',
      headers: bearer,
      payload: { currentPassword: 'x', newPassword: 'y' },
    });
    expect(password.statusCode).toBe(403);

    const tampered = `${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`;
    const bad = await api.app.inject({
      method: 'GET',
      url: `/api/organisations/${own}`,
      headers: { authorization: `Bearer ${tampered}` },
    });
    expect(bad.statusCode).toBe(401);

    const revoked = await api.app.inject({
      method: 'POST',
      url: `/api/api-keys/${apiKey.id}/revoke`,
      headers: entAdmin.headers,
    });
    expect(revoked.json().revokedAt).not.toBeNull();
    const afterRevoke = await api.app.inject({
      method: 'GET',
      url: `/api/organisations/${own}`,
      headers: bearer,
    });
    expect(afterRevoke.statusCode).toBe(401);
    expect(afterRevoke.json().code).toBe('UNAUTHENTICATED');
  });

  it('stores only a hash of the secret', async () => {
    const entAdmin = await logIn(api.app, 'ent.admin');
    const created = await api.app.inject({
      method: 'POST',
      url: `/api/organisations/${entAdmin.body.user.organisation.id}/api-keys`,
      headers: entAdmin.headers,
      payload: { name: 'ERP test' },
    });
    // The secret itself may hold "_": taken by the key's pattern, not by splitting at the last "_".
    const secretPart = API_KEY_PATTERN.exec(created.json().secret as string)![2]!;
    expect(secretPart).toHaveLength(43);
    const stored = await api.runtime.deps.store.apiKeys.findById(created.json().apiKey.id);
    expect(stored?.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(secretPart);
  });

  it('refuses API keys for a customs office and lets no clerk create keys', async () => {
    const admin = await logIn(api.app, 'admin');
    const office = (await api.runtime.deps.store.organisations.findByCode('2200'))!;
    const forOffice = await api.app.inject({
      method: 'POST',
      url: `/api/organisations/${office.id}/api-keys`,
      headers: admin.headers,
      payload: { name: 'nope' },
    });
    expect(forOffice.statusCode).toBe(400);
    expect(forOffice.json().fields[0]).toMatchObject({ path: 'orgId', code: 'no_api_keys' });

    const clerk = await logIn(api.app, 'ent.clerk');
    const byClerk = await api.app.inject({
      method: 'POST',
      url: `/api/organisations/${clerk.body.user.organisation.id}/api-keys`,
      headers: clerk.headers,
      payload: { name: 'mine' },
    });
    expect(byClerk.statusCode).toBe(403);
  });
});
