import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, expect, it } from 'vitest';
import { demoOfficeSealPng, demoOfficerSignaturePng } from '../../src/app/demo/demo-seal-images.js';
import { pngHeader } from '../support/images.js';
import { multipart } from '../support/multipart.js';
import type { LoggedIn, TestApi } from '../support/http.js';
import { logIn, openTestApi, submitThroughApi } from '../support/http.js';
import { describeEachDatabase } from '../support/runtime.js';

// The issuing office's electronic seal and the officers' signatures (issue 6, migration 0013-office-seals):
// who may upload them, their versions, and self-print drawing the seal in force at the approval and the
// approving officer's signature, or refusing without them. PDFs are read back with poppler.

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'origo-office-seal-test-'));
afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

/** The PDF's images (not their transparency masks) and its text, from poppler's pdfimages and pdftotext. */
function readPdf(pdf: Buffer): { images: number; text: string } {
  const file = path.join(workDir, `${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, pdf);
  const list = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' });
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  fs.rmSync(file);
  const images = list
    .split('\n')
    .slice(2)
    .filter((line) => line.trim().split(/\s+/)[2] === 'image').length; // the type column, not the encoding
  return { images, text };
}

describeEachDatabase('office seals and officer signatures', (dialect) => {
  let api: TestApi;
  let admin: LoggedIn;
  let wang: LoggedIn;
  let zhao: LoggedIn;
  let entAdmin: LoggedIn;
  let clerk: LoggedIn;
  let shanghai: string;
  beforeEach(async () => {
    api = await openTestApi(dialect); // the demo seed gives every office a seal and officer.wang a signature
    admin = await logIn(api.app, 'admin');
    wang = await logIn(api.app, 'officer.wang'); // Shanghai and Ningbo
    zhao = await logIn(api.app, 'officer.zhao'); // Shenzhen
    entAdmin = await logIn(api.app, 'ent.admin');
    clerk = await logIn(api.app, 'ent.clerk'); // Everbright, affiliated with Shanghai
    shanghai = (await api.runtime.deps.store.organisations.findByCode('2200'))!.id;
  });
  afterEach(async () => {
    await api.close();
  });

  const upload = (session: LoggedIn, url: string, content: Buffer, fields: Record<string, string> = {}) => {
    const body = multipart(fields, { name: 'image.png', type: 'image/png', content });
    return api.app.inject({
      method: 'POST',
      url,
      headers: { ...session.headers, 'content-type': body.contentType },
      payload: body.payload,
    });
  };
  const get = (session: LoggedIn, url: string) =>
    api.app.inject({ method: 'GET', url, headers: session.headers });
  const post = (session: LoggedIn, url: string, payload: Record<string, unknown>) =>
    api.app.inject({ method: 'POST', url, headers: session.headers, payload });
  const put = (session: LoggedIn, url: string, payload: Record<string, unknown>) =>
    api.app.inject({ method: 'PUT', url, headers: session.headers, payload });

  it('lets only customs administrators upload an office seal, keeps versions with valid-from, audits each', async () => {
    const url = `/api/offices/${shanghai}/seal`;
    const demo = (await get(wang, url)).json();
    expect(demo.versions).toHaveLength(1);
    expect(demo.current).toMatchObject({ officeId: shanghai, dpi: 600, widthPx: 900 });

    // An officer of the office, an officer of another office, an enterprise: none may upload.
    for (const session of [wang, zhao, entAdmin, clerk])
      expect((await upload(session, url, demoOfficeSealPng())).statusCode).toBe(403);
    // Who may not see it gets FORBIDDEN, also on the image.
    for (const session of [zhao, clerk]) {
      expect((await get(session, url)).statusCode).toBe(403);
      expect((await get(session, `/api/office-seals/${demo.current.id}/image`)).statusCode).toBe(403);
    }
    const image = await get(wang, `/api/office-seals/${demo.current.id}/image`);
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    // A seal version never changes: its own caching replaces the API's default no-store.
    expect(image.headers['cache-control']).toBe('private, max-age=3600');
    expect(image.rawPayload.equals(demoOfficeSealPng())).toBe(true);

    // PNG with transparency only; a version cannot start in the past.
    const opaque = await upload(admin, url, Buffer.concat([pngHeader(900, 900, 600, 2), randomBytes(2000)]));
    expect(opaque.statusCode).toBe(400);
    expect(opaque.json().fields).toEqual([expect.objectContaining({ code: 'not_transparent' })]);
    const past = await upload(admin, url, demoOfficeSealPng(), { validFrom: '2020-01-01T00:00:00Z' });
    expect(past.statusCode).toBe(400);
    expect(past.json().fields).toEqual([expect.objectContaining({ path: 'validFrom', code: 'in_the_past' })]);

    // A new version from ten minutes on: the current one stays in force until then.
    const later = new Date(api.runtime.clock.now().getTime() + 10 * 60_000).toISOString();
    const next = await upload(admin, url, demoOfficeSealPng(), { validFrom: later });
    expect(next.statusCode).toBe(201);
    expect(next.json()).toMatchObject({ officeId: shanghai, validFrom: later });
    let seen = (await get(admin, url)).json();
    expect(seen.versions.map((version: { id: string }) => version.id)).toEqual([
      next.json().id,
      demo.current.id,
    ]);
    expect(seen.current.id).toBe(demo.current.id);
    api.runtime.clock.advance(10 * 60_000);
    seen = (await get(admin, url)).json();
    expect(seen.current.id).toBe(next.json().id);

    const events = await api.runtime.deps.store.audit.listForSubject('organisation', shanghai);
    expect(
      events.filter((event) => event.type === 'office_seal.uploaded').map((event) => event.data),
    ).toEqual([
      expect.objectContaining({ sealId: demo.current.id, validFrom: demo.current.validFrom }),
      expect.objectContaining({ sealId: next.json().id, validFrom: later, dpi: 600 }),
    ]);
  });

  it('lets an officer upload their own signature and administrators anyone’s, no one else', async () => {
    const wangId = wang.body.user.id;
    const zhaoId = zhao.body.user.id;
    api.runtime.clock.advance(60_000); // after the demo seed's signature
    const own = await upload(wang, `/api/users/${wangId}/signature`, demoOfficerSignaturePng());
    expect(own.statusCode).toBe(201);
    expect(own.json()).toMatchObject({ userId: wangId, dpi: 600, uploadedBy: `user:${wangId}` });
    expect((await upload(zhao, `/api/users/${wangId}/signature`, demoOfficerSignaturePng())).statusCode).toBe(
      403,
    );
    expect(
      (await upload(entAdmin, `/api/users/${zhaoId}/signature`, demoOfficerSignaturePng())).statusCode,
    ).toBe(403);
    expect(
      (await upload(admin, `/api/users/${zhaoId}/signature`, demoOfficerSignaturePng())).statusCode,
    ).toBe(201);
    // Only officers sign certificates.
    const notOfficer = await upload(
      admin,
      `/api/users/${clerk.body.user.id}/signature`,
      demoOfficerSignaturePng(),
    );
    expect(notOfficer.statusCode).toBe(400);
    expect(notOfficer.json().fields).toEqual([expect.objectContaining({ code: 'not_an_officer' })]);

    const mine = (await get(wang, `/api/users/${wangId}/signature`)).json();
    expect(mine.versions).toHaveLength(2); // the demo seed's and this one
    expect(mine.current.id).toBe(own.json().id);
    expect((await get(zhao, `/api/users/${wangId}/signature`)).statusCode).toBe(403);
    expect((await get(zhao, `/api/officer-signatures/${own.json().id}/image`)).statusCode).toBe(403);
    const image = await get(admin, `/api/officer-signatures/${own.json().id}/image`);
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    const events = await api.runtime.deps.store.audit.listForSubject('user', wangId);
    expect(events.filter((event) => event.type === 'officer_signature.uploaded')).toHaveLength(2);
  });

  /** The enterprise authorises its seal and signatory signature for self-print, now. */
  async function authoriseEnterpriseSeal(): Promise<void> {
    const enterprise = entAdmin.body.user.organisation.id;
    const url = `/api/enterprises/${enterprise}/seals`;
    const sealId = (await upload(entAdmin, url, demoOfficeSealPng(), { kind: 'seal', shape: 'round' })).json()
      .id;
    const signatureId = (
      await upload(entAdmin, url, demoOfficerSignaturePng(), { kind: 'signature', signatoryName: 'ZHOU HUI' })
    ).json().id;
    const authorised = await post(entAdmin, `/api/enterprises/${enterprise}/seal-authorisation`, {
      sealId,
      signatureId,
    });
    expect(authorised.statusCode).toBe(201);
    api.runtime.clock.advance(60_000);
  }

  /** A certificate submitted by the clerk and approved by officer.wang. */
  async function approvedByWang(): Promise<string> {
    const sent = await submitThroughApi(api.app, clerk, 'C');
    const claimed = await post(wang, `/api/applications/${sent.id}/claim`, { expectedVersion: sent.version });
    const approved = await post(wang, `/api/applications/${sent.id}/approve`, {
      expectedVersion: claimed.json().version,
    });
    expect(approved.statusCode).toBe(200);
    return sent.id;
  }
  const selfPrint = (id: string) => get(clerk, `/api/applications/${id}/certificate.pdf?mode=self`);

  it('self-prints with the office seal and the approving officer’s signature, the office seal alone when automatic', async () => {
    await authoriseEnterpriseSeal();
    // Automatic approval: no officer, the office seal alone.
    expect(
      (await put(admin, `/api/offices/${shanghai}/auto-approval/C`, { autoApprove: true })).statusCode,
    ).toBe(200);
    const automatic = await submitThroughApi(api.app, clerk, 'C');
    expect(automatic.status).toBe('approved');
    const auto = await selfPrint(automatic.id);
    expect(auto.statusCode).toBe(200);
    expect(auto.headers['x-origo-certification']).toBe('seal-only');
    expect(readPdf(auto.rawPayload).images).toBe(3);
    // The same invoice again fails an automated check: an officer (officer.wang) decides.
    const id = await approvedByWang();
    const printed = await selfPrint(id);
    expect(printed.statusCode).toBe(200);
    expect(printed.headers['x-origo-certification']).toBe('seal-and-signature');
    // Whoever prints learns that an officer signed, never which user that was.
    expect(Object.values(printed.headers).join(' ')).not.toContain(wang.body.user.id);
    const { images, text } = readPdf(printed.rawPayload);
    // Office seal, officer signature, enterprise seal, signatory signature.
    expect(images).toBe(4);
    expect(text).toContain('SHANGHAI CUSTOMS'); // the certification box still names the office
    // Template print draws no images at all.
    const template = await get(clerk, `/api/applications/${id}/certificate.pdf?mode=template`);
    expect(readPdf(template.rawPayload).images).toBe(0);
    expect(template.headers['x-origo-certification']).toBe('none');
  });

  it('refuses self-print without an office seal or an officer signature in force at the approval; template print remains', async () => {
    await authoriseEnterpriseSeal();
    const { db } = api.runtime.handle;
    // As in a database that was never seeded: the office has no seal yet.
    await db.deleteFrom('office_seals').where('office_id', '=', shanghai).execute();
    const id = await approvedByWang();
    const noSeal = await selfPrint(id);
    expect(noSeal.statusCode).toBe(409);
    expect(noSeal.json().fields).toEqual([expect.objectContaining({ code: 'no_office_seal' })]);
    expect((await get(clerk, `/api/applications/${id}/certificate.pdf?mode=template`)).statusCode).toBe(200);

    // A seal uploaded after the approval does not certify it; a later approval is certified by it.
    api.runtime.clock.advance(60_000);
    expect((await upload(admin, `/api/offices/${shanghai}/seal`, demoOfficeSealPng())).statusCode).toBe(201);
    expect((await selfPrint(id)).json().fields).toEqual([
      expect.objectContaining({ code: 'no_office_seal' }),
    ]);
    api.runtime.clock.advance(60_000);

    // The officer without a signature on file at the approval.
    await db.deleteFrom('officer_signatures').where('user_id', '=', wang.body.user.id).execute();
    const unsigned = await approvedByWang();
    const noSignature = await selfPrint(unsigned);
    expect(noSignature.statusCode).toBe(409);
    expect(noSignature.json().fields).toEqual([expect.objectContaining({ code: 'no_officer_signature' })]);
  });
});
