import { createLocalJWKSet, jwtVerify } from 'jose';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { retireSigningKey } from '../../src/app/signing/retire-signing-key.js';
import { rotateSigningKey } from '../../src/app/signing/rotate-signing-key.js';
import type { Actor } from '../../src/domain/actor.js';
import { trustedKeysFromJwks, verifySignedPayload } from '../../src/domain/signed-certificate.js';
import type { LoggedIn, TestApi } from '../support/http.js';
import { goodApplication } from '../support/applications.js';
import { logIn, openTestApi, submitThroughApi } from '../support/http.js';
import { describeEachDatabase } from '../support/runtime.js';

const operator: Actor = { kind: 'system', name: 'test-operator' };

describeEachDatabase('signed certificates: keys, JWKS, signed payloads, credentials', (dialect) => {
  let api: TestApi;
  let clerk: LoggedIn;
  let officer: LoggedIn;
  beforeEach(async () => {
    api = await openTestApi(dialect);
    clerk = await logIn(api.app, 'ent.clerk');
    officer = await logIn(api.app, 'officer.wang');
  });
  afterEach(async () => {
    await api.close();
  });

  const get = (session: LoggedIn | undefined, url: string, headers: Record<string, string> = {}) =>
    api.app.inject({ method: 'GET', url, headers: { ...session?.headers, ...headers } });
  const post = (session: LoggedIn, url: string, payload: Record<string, unknown>) =>
    api.app.inject({ method: 'POST', url, headers: session.headers, payload });

  /** Submitted by the clerk, claimed and approved by the officer: the certificate is issued. */
  async function issue(): Promise<{ id: string; certificateNumber: string }> {
    const sent = await submitThroughApi(api.app, clerk, 'C');
    const claimed = await post(officer, `/api/applications/${sent.id}/claim`, {
      expectedVersion: sent.version,
    });
    const approved = await post(officer, `/api/applications/${sent.id}/approve`, {
      expectedVersion: claimed.json().version,
    });
    expect(approved.statusCode).toBe(200);
    return { id: sent.id, certificateNumber: approved.json().certificateNumber };
  }

  async function jwks() {
    const response = await get(undefined, '/.well-known/jwks.json');
    expect(response.statusCode).toBe(200);
    return response.json() as { keys: Array<{ kid: string }> };
  }

  it('publishes the demo key at /.well-known/jwks.json without login, cacheable', async () => {
    const response = await get(undefined, '/.well-known/jwks.json');
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=300');
    const body = response.json();
    expect(body.keys).toHaveLength(1);
    expect(body.keys[0]).toStrictEqual({
      kty: 'OKP',
      crv: 'Ed25519',
      x: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      kid: expect.any(String),
      use: 'sig',
      alg: 'EdDSA',
    });
    expect(JSON.stringify(body)).not.toMatch(/"d"|encrypted/);
  });

  it('signs at approval: the payload verifies against the JWKS and carries the number and status address', async () => {
    const { id, certificateNumber } = await issue();
    const response = await get(clerk, `/api/applications/${id}/signed-payload`);
    expect(response.statusCode).toBe(200);
    const signed = response.json();
    const [key] = (await jwks()).keys;
    expect(signed).toMatchObject({ applicationId: id, certificateNumber, kid: key!.kid });
    expect(signed.payload).toMatchObject({
      certificateNumber,
      certificateType: 'C',
      statusUrl: `http://localhost:8080/api/public/certificates/${certificateNumber}/status`,
      issuingOffice: { code: '2200' },
    });
    const trusted = trustedKeysFromJwks(await jwks());
    if (!trusted.ok) throw new Error(trusted.problem);
    expect(verifySignedPayload(signed.jws, trusted.trusted)).toStrictEqual({
      verdict: 'VALID',
      kid: key!.kid,
      payload: signed.payload,
    });
    const events = await api.runtime.deps.store.audit.listForSubject('application', id);
    expect(events.at(-1)).toMatchObject({ type: 'application.approved', data: { signingKey: key!.kid } });
  });

  it('shows the signed payload to the enterprise and the office, not to another enterprise or office', async () => {
    const { id } = await issue();
    expect((await get(officer, `/api/applications/${id}/signed-payload`)).statusCode).toBe(200);
    const harbour = await logIn(api.app, 'harbour.admin');
    expect((await get(harbour, `/api/applications/${id}/signed-payload`)).statusCode).toBe(403);
    const shenzhen = await logIn(api.app, 'officer.zhao');
    expect((await get(shenzhen, `/api/applications/${id}/signed-payload`)).statusCode).toBe(403);
    expect((await get(harbour, `/api/applications/${id}/verifiable-credential`)).statusCode).toBe(403);
    expect((await get(undefined, `/api/applications/${id}/signed-payload`)).statusCode).toBe(401);
    const draft = await submitThroughApi(api.app, clerk, 'C');
    const missing = await get(clerk, `/api/applications/${draft.id}/signed-payload`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('issued') });
  });

  it('after rotation, the old certificate still verifies and new ones carry the new key id', async () => {
    const before = await issue();
    const [oldKey] = (await jwks()).keys;
    const { key: newKey } = await rotateSigningKey(api.runtime.deps, operator, { overlapDays: 0 });
    const after = await issue();
    const published = await jwks();
    expect(published.keys.map((key) => key.kid).sort()).toEqual([oldKey!.kid, newKey.kid].sort());
    const trusted = trustedKeysFromJwks(published);
    if (!trusted.ok) throw new Error(trusted.problem);
    const oldSigned = (await get(clerk, `/api/applications/${before.id}/signed-payload`)).json();
    const newSigned = (await get(clerk, `/api/applications/${after.id}/signed-payload`)).json();
    expect(verifySignedPayload(oldSigned.jws, trusted.trusted)).toMatchObject({
      verdict: 'VALID',
      kid: oldKey!.kid,
    });
    expect(verifySignedPayload(newSigned.jws, trusted.trusted)).toMatchObject({
      verdict: 'VALID',
      kid: newKey.kid,
    });
  });

  it('with an overlap, the new key is published at once but signs only when the overlap ends', async () => {
    const [oldKey] = (await jwks()).keys;
    const { key: next } = await rotateSigningKey(api.runtime.deps, operator, { overlapDays: 2 });
    expect(next.state).toBe('next');
    expect((await jwks()).keys.map((key) => key.kid)).toContain(next.kid);
    const during = await issue();
    expect((await get(clerk, `/api/applications/${during.id}/signed-payload`)).json().kid).toBe(oldKey!.kid);
    api.runtime.clock.advance(2 * 86_400_000);
    // Two days on, the sessions have expired: the clerk and the officer log in again.
    clerk = await logIn(api.app, 'ent.clerk');
    officer = await logIn(api.app, 'officer.wang');
    const afterwards = await issue();
    expect((await get(clerk, `/api/applications/${afterwards.id}/signed-payload`)).json().kid).toBe(next.kid);
  });

  it('stops signing with a retired key: with no other key, approval is refused and nothing is issued', async () => {
    const [only] = (await jwks()).keys;
    await retireSigningKey(api.runtime.deps, operator, { kid: only!.kid });
    const sent = await submitThroughApi(api.app, clerk, 'C');
    const claimed = await post(officer, `/api/applications/${sent.id}/claim`, {
      expectedVersion: sent.version,
    });
    const refused = await post(officer, `/api/applications/${sent.id}/approve`, {
      expectedVersion: claimed.json().version,
    });
    expect(refused.statusCode).toBe(503);
    expect(refused.json()).toMatchObject({
      code: 'NOT_READY',
      message: expect.stringContaining('keys generate'),
    });
    expect((await get(clerk, `/api/applications/${sent.id}`)).json()).toMatchObject({
      status: 'under_review',
      certificateNumber: null,
    });
    // The retired key stays published: what it signed still verifies.
    expect((await jwks()).keys.map((key) => key.kid)).toEqual([only!.kid]);
  });

  it('exports an issued certificate as a Verifiable Credential (vc+jwt) that verifies with the JWKS', async () => {
    const { id, certificateNumber } = await issue();
    const response = await get(clerk, `/api/applications/${id}/verifiable-credential`);
    expect(response.statusCode).toBe(200);
    const exported = response.json();
    const { payload, protectedHeader } = await jwtVerify(exported.jwt, createLocalJWKSet(await jwks()));
    expect(protectedHeader).toMatchObject({ alg: 'EdDSA', typ: 'vc+jwt', cty: 'vc', kid: exported.kid });
    expect(payload).toMatchObject({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: ['VerifiableCredential', 'CertificateOfOriginCredential'],
      issuer: { id: 'http://localhost:8080' },
      validFrom: expect.any(String),
      credentialSubject: { certificateNumber, certificateType: 'C' },
      credentialStatus: { id: `http://localhost:8080/api/public/certificates/${certificateNumber}/status` },
    });
    const bare = await get(officer, `/api/applications/${id}/verifiable-credential`, {
      accept: 'application/vc+jwt',
    });
    expect(bare.headers['content-type']).toContain('application/vc+jwt');
    expect(bare.body.split('.')).toHaveLength(3);
  });

  it('signs an amendment naming the certificate it replaces, with the replacement wording; the void original keeps its payload but gets no credential', async () => {
    const original = await issue();
    const data = goodApplication('C');
    data.consignee.name = 'NORDIC HOME TRADING AB (KOREA BRANCH)';
    const asked = await post(clerk, `/api/certificates/${original.id}/amendment`, {
      reason: 'THE CONSIGNEE NAME WAS INCOMPLETE.',
      data,
    });
    expect(asked.statusCode).toBe(201);
    const submitted = await post(clerk, `/api/applications/${asked.json().id}/submit`, {});
    const claimed = await post(officer, `/api/applications/${asked.json().id}/claim`, {
      expectedVersion: submitted.json().version,
    });
    const approved = await post(officer, `/api/applications/${asked.json().id}/approve`, {
      expectedVersion: claimed.json().version,
    });
    expect(approved.statusCode).toBe(200);
    const signed = (await get(clerk, `/api/applications/${asked.json().id}/signed-payload`)).json();
    expect(signed.payload).toMatchObject({
      kind: 'amendment',
      replaces: original.certificateNumber,
      consignee: { name: 'NORDIC HOME TRADING AB (KOREA BRANCH)' },
      endorsements: approved.json().endorsements.map((endorsement: { text: string }) => endorsement.text),
    });
    expect(signed.payload.endorsements[0]).toContain(
      `REPLACEMENT OF CERTIFICATE OF ORIGIN NO. ${original.certificateNumber}`,
    );
    expect((await get(clerk, `/api/applications/${original.id}/signed-payload`)).statusCode).toBe(200);
    const refused = await get(clerk, `/api/applications/${original.id}/verifiable-credential`);
    expect(refused.statusCode).toBe(409);
  });

  it('refuses a credential for an application that is not an issued certificate in force', async () => {
    const sent = await submitThroughApi(api.app, clerk, 'C');
    const refused = await get(clerk, `/api/applications/${sent.id}/verifiable-credential`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('submitted') });
  });
});
