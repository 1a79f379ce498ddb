import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { PNG } from 'pngjs';
import { afterAll, afterEach, beforeEach, expect, it } from 'vitest';
import { trustedKeysFromJwks, verifyCertificateDocument } from '../../src/domain/signed-certificate.js';
import { multipart } from '../support/multipart.js';
import type { LoggedIn, TestApi } from '../support/http.js';
import { logIn, openTestApi, submitThroughApi } from '../support/http.js';
import { describeEachDatabase } from '../support/runtime.js';

// Printing issued certificates over HTTP (issue 6): self-print and template print, the first print moving
// the certificate to printed, reprints counted, the refusals with their reasons, print confirmation, and
// the offices' printer offsets with their calibration page. PDFs are read back with poppler's pdftotext.

/** A real PNG (RGBA) declaring 600 dpi, so the seal checks accept it and pdfkit can draw it. */
function png600(width: number, height: number, rgb: [number, number, number]): Buffer {
  const image = new PNG({ width, height });
  for (let index = 0; index < width * height; index++) {
    image.data.set([...rgb, index % 7 === 0 ? 255 : 0], index * 4);
  }
  const encoded = PNG.sync.write(image);
  const data = Buffer.alloc(9);
  data.writeUInt32BE(Math.round(600 / 0.0254), 0);
  data.writeUInt32BE(Math.round(600 / 0.0254), 4);
  data[8] = 1;
  const type = Buffer.from('pHYs', 'latin1');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(9);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(Buffer.concat([type, data])));
  // After the signature (8 bytes) and IHDR (25 bytes).
  return Buffer.concat([encoded.subarray(0, 33), length, type, data, crc, encoded.subarray(33)]);
}

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'origo-print-test-'));
afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

/** The text poppler extracts from a PDF, and each word with its left edge in points. */
function pdfText(pdf: Buffer): { text: string; words: Array<{ text: string; xMin: number }> } {
  const file = path.join(workDir, `${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  const words = [...html.matchAll(/<word xMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((match) => ({
    xMin: Number(match[1]),
    text: match[2]!,
  }));
  fs.rmSync(file);
  return { text, words };
}

/** How many images (not masks) the PDF draws, from poppler's pdfimages. */
function imageCount(pdf: Buffer): number {
  const file = path.join(workDir, `${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, pdf);
  const list = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' });
  fs.rmSync(file);
  return list
    .split('\n')
    .slice(2)
    .filter((line) => /\bimage\b/.test(line)).length;
}

describeEachDatabase('printing certificates', (dialect) => {
  let api: TestApi;
  let clerk: LoggedIn;
  let entAdmin: LoggedIn;
  let officer: LoggedIn;
  let everbright: string;
  let shanghai: string;
  beforeEach(async () => {
    api = await openTestApi(dialect); // 2026-03-02, 09:00 in China
    clerk = await logIn(api.app, 'ent.clerk');
    entAdmin = await logIn(api.app, 'ent.admin');
    officer = await logIn(api.app, 'officer.wang'); // Shanghai and Ningbo
    everbright = clerk.body.user.organisation.id;
    shanghai = (await api.runtime.deps.store.organisations.findByCode('2200'))!.id;
  });
  afterEach(async () => {
    await api.close();
  });

  const call = (session: LoggedIn, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    api.app.inject({
      method,
      url,
      headers: session.headers,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });

  /** The enterprise administrator uploads a seal and a signature and authorises the pair, now. */
  async function authoriseSeal(): Promise<void> {
    const upload = async (fields: Record<string, string>, content: Buffer) => {
      const body = multipart(fields, { name: 'scan.png', type: 'image/png', content });
      const response = await api.app.inject({
        method: 'POST',
        url: `/api/enterprises/${everbright}/seals`,
        headers: { ...entAdmin.headers, 'content-type': body.contentType },
        payload: body.payload,
      });
      expect(response.statusCode).toBe(201);
      return (response.json() as { id: string }).id;
    };
    const sealId = await upload({ kind: 'seal', shape: 'round' }, png600(900, 900, [200, 20, 20]));
    const signatureId = await upload(
      { kind: 'signature', signatoryName: 'ZHOU HUI' },
      png600(600, 300, [0, 0, 0]),
    );
    const authorised = await call(entAdmin, 'POST', `/api/enterprises/${everbright}/seal-authorisation`, {
      sealId,
      signatureId,
    });
    expect(authorised.statusCode).toBe(201);
  }

  /** A certificate of the type, submitted by the clerk, claimed and approved by the officer. */
  async function approved(typeCode = 'C'): Promise<{ id: string; version: number; number: string }> {
    const sent = await submitThroughApi(api.app, clerk, typeCode);
    expect(sent.status).toBe('submitted');
    const claimed = await call(officer, 'POST', `/api/applications/${sent.id}/claim`, {
      expectedVersion: sent.version,
    });
    const decided = await call(officer, 'POST', `/api/applications/${sent.id}/approve`, {
      expectedVersion: claimed.json().version,
    });
    expect(decided.statusCode).toBe(200);
    return { id: sent.id, version: decided.json().version, number: decided.json().certificateNumber };
  }

  const pdf = (session: LoggedIn, id: string, mode: 'self' | 'template') =>
    call(session, 'GET', `/api/applications/${id}/certificate.pdf?mode=${mode}`);
  const application = async (id: string) => (await call(clerk, 'GET', `/api/applications/${id}`)).json();

  it('self-prints an approved certificate, moves it to printed, counts reprints and archives it on confirmation', async () => {
    await authoriseSeal();
    api.runtime.clock.advance(60_000);
    const { id, number } = await approved();

    const first = await pdf(clerk, id, 'self');
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('application/pdf');
    expect(first.headers['content-disposition']).toBe(`inline; filename="certificate-${number}-self.pdf"`);
    expect(first.headers['x-origo-reprint']).toBe('false');
    expect(first.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text } = pdfText(first.rawPayload);
    expect(text).toContain(number);
    expect(text).toContain('SHANGHAI EVERBRIGHT TEXTILE CO., LTD.');
    expect(text).toContain('SHANGHAI CUSTOMS'); // the certification box: the issuing office's name
    // The enterprise's authorised seal and signatory signature are drawn (with their transparency masks).
    expect(imageCount(first.rawPayload)).toBeGreaterThanOrEqual(2);
    // The PDF carries the certificate's signed payload, which verifies offline against the JWKS.
    const jwks = (await api.app.inject({ method: 'GET', url: '/.well-known/jwks.json' })).json();
    const trusted = trustedKeysFromJwks(jwks);
    if (!trusted.ok) throw new Error(trusted.problem);
    expect(verifyCertificateDocument(first.rawPayload, trusted.trusted)).toMatchObject({
      verdict: 'VALID',
      payload: { certificateNumber: number },
    });
    let seen = await application(id);
    expect(seen).toMatchObject({ status: 'printed', prints: { count: 1, reprints: 0 } });

    // Every later render is a reprint, by the enterprise or the officer, in either mode.
    const again = await pdf(clerk, id, 'template');
    expect(again.statusCode).toBe(200);
    expect(again.headers['x-origo-reprint']).toBe('true');
    expect((await pdf(officer, id, 'template')).statusCode).toBe(200);
    seen = await application(id);
    expect(seen).toMatchObject({ status: 'printed', prints: { count: 3, reprints: 2 } });
    const events = await api.runtime.deps.store.audit.listForSubject('application', id);
    expect(events.filter((event) => event.type.includes('print')).map((event) => event.data)).toEqual([
      { certificateNumber: number, mode: 'self' },
      { certificateNumber: number, mode: 'template', reprint: 1 },
      { certificateNumber: number, mode: 'template', reprint: 2 },
    ]);

    // The enterprise confirms a good print: archived; a stale version is refused.
    expect(
      (await call(clerk, 'POST', `/api/applications/${id}/confirm-print`, { expectedVersion: 1 })).statusCode,
    ).toBe(409);
    const confirmed = await call(clerk, 'POST', `/api/applications/${id}/confirm-print`, {
      expectedVersion: seen.version,
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'archived', prints: { count: 3 } });
    const receipts = await api.runtime.deps.store.receipts.listFor(everbright, {
      unreadOnly: false,
      limit: 5,
    });
    expect(receipts.map((receipt) => receipt.status)).toEqual(
      expect.arrayContaining(['archived', 'printed']),
    );
    // An archived certificate can still be printed again (a reprint), not confirmed twice.
    expect((await pdf(clerk, id, 'self')).headers['x-origo-reprint']).toBe('true');
    const twice = await call(clerk, 'POST', `/api/applications/${id}/confirm-print`, {
      expectedVersion: confirmed.json().version,
    });
    expect(twice.statusCode).toBe(409);
  });

  it('refuses what is not issued, other enterprises, and self-print without the conditions, each with its reason', async () => {
    const { id: submitted } = await submitThroughApi(api.app, clerk, 'C');
    const notIssued = await pdf(clerk, submitted, 'template');
    expect(notIssued.statusCode).toBe(409);
    expect(notIssued.json().fields).toEqual([expect.objectContaining({ code: 'not_issued' })]);

    const { id, version } = await approved();
    const harbour = await logIn(api.app, 'harbour.admin');
    expect((await pdf(harbour, id, 'template')).statusCode).toBe(403);
    expect(
      (await call(harbour, 'POST', `/api/applications/${id}/confirm-print`, { expectedVersion: version }))
        .statusCode,
    ).toBe(403);
    const shenzhen = await logIn(api.app, 'officer.zhao');
    expect((await pdf(shenzhen, id, 'template')).statusCode).toBe(403);
    // As everywhere in Origo: FORBIDDEN whether or not the application exists, to whoever may not see it.
    expect((await pdf(clerk, 'no-such-id', 'template')).statusCode).toBe(403);

    // No seal authorisation at all, then one given after the approval.
    const noSeal = await pdf(clerk, id, 'self');
    expect(noSeal.statusCode).toBe(409);
    expect(noSeal.json().fields).toEqual([expect.objectContaining({ code: 'no_seal_authorisation' })]);
    api.runtime.clock.advance(60_000);
    await authoriseSeal();
    const newer = await pdf(clerk, id, 'self');
    expect(newer.statusCode).toBe(409);
    expect(newer.json().fields).toEqual([
      expect.objectContaining({ code: 'seal_authorised_after_approval' }),
    ]);
    expect(newer.json().message).toContain('newer than the approval');
    // Nothing was printed by the refusals; confirming needs a print first.
    expect(await application(id)).toMatchObject({ status: 'approved', prints: { count: 0 } });
    const early = await call(clerk, 'POST', `/api/applications/${id}/confirm-print`, {
      expectedVersion: version,
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toContain('Print the certificate first');

    // APTA (type B) is not accepted self-printed: template print only.
    api.runtime.clock.advance(60_000);
    const apta = await approved('B');
    const refused = await pdf(clerk, apta.id, 'self');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().fields).toEqual([expect.objectContaining({ code: 'self_print_not_accepted' })]);
    expect((await pdf(clerk, apta.id, 'template')).statusCode).toBe(200);

    // A cancelled certificate is void.
    const current = await application(id);
    const cancelled = await call(officer, 'POST', `/api/certificates/${id}/cancel`, {
      expectedVersion: current.version,
      category: 'issued_in_error',
      note: 'WRONG CONSIGNEE',
    });
    expect(cancelled.statusCode).toBe(200);
    const voided = await pdf(officer, id, 'template');
    expect(voided.statusCode).toBe(409);
    expect(voided.json().fields).toEqual([expect.objectContaining({ code: 'certificate_void' })]);
    expect(voided.json().message).toContain('cancelled');
  });

  it('lets officers and administrators calibrate the office printer, and template print follows the offset', async () => {
    const offsetUrl = `/api/offices/${shanghai}/printer-offset`;
    expect((await call(officer, 'GET', offsetUrl)).json()).toMatchObject({ dx: 0, dy: 0, updatedAt: null });
    const { id, number } = await approved();
    const numberX = async () => {
      const response = await pdf(officer, id, 'template');
      return pdfText(response.rawPayload).words.find((word) => word.text === number)!.xMin;
    };
    const before = await numberX();

    const set = await call(officer, 'PUT', offsetUrl, { dx: 1.54, dy: -0.8 });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ officeId: shanghai, dx: 1.5, dy: -0.8 });
    expect((await call(officer, 'GET', offsetUrl)).json()).toMatchObject({ dx: 1.5, dy: -0.8 });
    // 1.5 mm is 4.25 pt to the right.
    expect((await numberX()) - before).toBeCloseTo((1.5 * 72) / 25.4, 1);

    const tooFar = await call(officer, 'PUT', offsetUrl, { dx: 25, dy: 0 });
    expect(tooFar.statusCode).toBe(400);
    expect(
      (await call(await logIn(api.app, 'officer.zhao'), 'PUT', offsetUrl, { dx: 1, dy: 1 })).statusCode,
    ).toBe(403);
    expect((await call(clerk, 'PUT', offsetUrl, { dx: 1, dy: 1 })).statusCode).toBe(403);
    const admin = await logIn(api.app, 'admin');
    expect((await call(admin, 'PUT', offsetUrl, { dx: 0.5, dy: 0 })).statusCode).toBe(200);
    const events = await api.runtime.deps.store.audit.listForSubject('organisation', shanghai);
    expect(
      events.filter((event) => event.type === 'office.printer_offset_set').map((event) => event.data),
    ).toEqual([
      { dx: 1.5, dy: -0.8, previous: null },
      { dx: 0.5, dy: 0, previous: { dx: 1.5, dy: -0.8 } },
    ]);

    const page = await call(officer, 'GET', `/api/offices/${shanghai}/printer-test-page.pdf?type=RC&dx=2`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('application/pdf');
    const { text } = pdfText(page.rawPayload);
    expect(text).toContain('PRINTER TEST PAGE - FORM RC - SHANGHAI CUSTOMS');
    expect(text).toContain('dx 2.0 mm');
    expect(text).toContain('Box 1 (');
    expect((await call(clerk, 'GET', `/api/offices/${shanghai}/printer-test-page.pdf`)).statusCode).toBe(403);
  });
});
