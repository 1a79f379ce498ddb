import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { pngHeader } from '../support/images.js';
import { multipart } from '../support/multipart.js';
import type { LoggedIn, TestApi } from '../support/http.js';
import { logIn, openTestApi } from '../support/http.js';
import { describeEachDatabase } from '../support/runtime.js';

/** A PNG of the given size and resolution, padded like real image data. */
const png = (width: number, height: number, dpi: number | null, colourType = 2) =>
  Buffer.concat([pngHeader(width, height, dpi, colourType), randomBytes(20_000)]);

describeEachDatabase('seals and signatures for self-print', (dialect) => {
  let api: TestApi;
  let admin: LoggedIn;
  let orgId: string;
  let filesDir: string;
  beforeEach(async () => {
    api = await openTestApi(dialect);
    admin = await logIn(api.app, 'ent.admin');
    orgId = admin.body.user.organisation.id;
    filesDir = api.runtime.filesDir;
  });
  afterEach(async () => {
    await api.close();
  });

  const upload = (
    session: LoggedIn,
    fields: Record<string, string>,
    file: { name: string; type: string; content: Buffer },
  ) => {
    const body = multipart(fields, file);
    return api.app.inject({
      method: 'POST',
      url: `/api/enterprises/${orgId}/seals`,
      headers: { ...session.headers, 'content-type': body.contentType },
      payload: body.payload,
    });
  };
  const storedSeals = () => api.runtime.deps.store.seals.listByOrganisation(orgId);

  it('keeps a 600 dpi colour seal and a signature, serves the image, and authorises the pair with a time stamp', async () => {
    const seal = await upload(
      admin,
      { kind: 'seal', shape: 'round' },
      { name: 'seal.png', type: 'image/png', content: png(1000, 1000, 600) },
    );
    expect(seal.statusCode).toBe(201);
    expect(seal.json()).toMatchObject({ kind: 'seal', shape: 'round', widthPx: 1000, dpi: 600 });
    const signature = await upload(
      admin,
      { kind: 'signature', signatoryName: '周慧' },
      { name: 'signature.png', type: 'image/png', content: png(700, 400, 600, 0) },
    );
    expect(signature.statusCode).toBe(201);

    const image = await api.app.inject({
      method: 'GET',
      url: `/api/seals/${seal.json().id}/image`,
      headers: admin.headers,
    });
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.rawPayload.subarray(0, 4).toString('latin1')).toBe('\x89PNG');

    api.runtime.clock.advance(60_000);
    const authorised = await api.app.inject({
      method: 'POST',
      url: `/api/enterprises/${orgId}/seal-authorisation`,
      headers: admin.headers,
      payload: { sealId: seal.json().id, signatureId: signature.json().id },
    });
    expect(authorised.statusCode).toBe(201);
    expect(authorised.json().authorisedAt).toBe('2026-03-02T01:01:00.000Z');
    const listed = (
      await api.app.inject({ method: 'GET', url: `/api/enterprises/${orgId}/seals`, headers: admin.headers })
    ).json();
    expect(listed.items).toHaveLength(2);
    expect(listed.authorisation.sealId).toBe(seal.json().id);

    // A signature where a seal belongs is refused.
    const swapped = await api.app.inject({
      method: 'POST',
      url: `/api/enterprises/${orgId}/seal-authorisation`,
      headers: admin.headers,
      payload: { sealId: signature.json().id, signatureId: seal.json().id },
    });
    expect(swapped.json().fields.map((field: { code: string }) => field.code)).toEqual([
      'not_a_seal',
      'not_a_signature',
    ]);
  });

  it('refuses a renamed text file, a 30 MB image, a 300 dpi scan and an oversized seal, storing nothing', async () => {
    const text = await upload(
      admin,
      { kind: 'seal', shape: 'round' },
      {
        name: 'seal.png',
        type: 'image/png',
        content: Buffer.from('Dear customs, this is a text file named seal.png.\n'.repeat(50)),
      },
    );
    expect(text.statusCode).toBe(400);
    expect(text.json().fields).toEqual([expect.objectContaining({ path: 'file', code: 'not_an_image' })]);

    const huge = await upload(
      admin,
      { kind: 'seal', shape: 'round' },
      {
        name: 'seal.png',
        type: 'image/png',
        content: Buffer.concat([pngHeader(1000, 1000, 600), Buffer.alloc(30 * 1024 * 1024)]),
      },
    );
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      fields: [{ path: 'file', code: 'too_large' }],
    });

    const coarse = await upload(
      admin,
      { kind: 'seal', shape: 'round' },
      { name: 'seal.png', type: 'image/png', content: png(500, 500, 300) },
    );
    expect(coarse.json().fields).toEqual([expect.objectContaining({ code: 'resolution_too_low' })]);
    // 1300 x 1300 pixels at 600 dpi is 5.5 cm: too big for a round seal (4.5 cm).
    const big = await upload(
      admin,
      { kind: 'seal', shape: 'round' },
      { name: 'seal.png', type: 'image/png', content: png(1300, 1300, 600) },
    );
    expect(big.json().fields).toEqual([expect.objectContaining({ code: 'too_large_physically' })]);

    expect(await storedSeals()).toEqual([]);
    // Nothing kept under a name, and nothing left half-written in the incoming area.
    const files = (dir: string): string[] =>
      fs.existsSync(dir)
        ? fs
            .readdirSync(dir, { withFileTypes: true })
            .flatMap((entry) =>
              entry.isDirectory() ? files(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
            )
        : [];
    // Only the demo seed's office seal and officer signature are kept (migration 0013).
    const shanghai = (await api.runtime.deps.store.organisations.findByCode('2200'))!.id;
    const wang = (await api.runtime.deps.store.users.findByUsername('officer.wang'))!.id;
    const demoImages = [
      (await api.runtime.deps.store.officeSeals.listOfficeSeals(shanghai))[0]!.fileSha256,
      (await api.runtime.deps.store.officeSeals.listOfficerSignatures(wang))[0]!.fileSha256,
    ];
    expect(
      files(filesDir)
        .map((file) => path.basename(file))
        .sort(),
    ).toEqual(demoImages.sort());
  });

  it('lets only the enterprise administrator upload; its officers may look', async () => {
    const clerk = await logIn(api.app, 'ent.clerk');
    const byClerk = await upload(
      clerk,
      { kind: 'seal', shape: 'round' },
      { name: 'seal.png', type: 'image/png', content: png(1000, 1000, 600) },
    );
    expect(byClerk.statusCode).toBe(403);
    const other = await logIn(api.app, 'harbour.admin');
    const byOther = await upload(
      other,
      { kind: 'seal', shape: 'round' },
      { name: 'seal.png', type: 'image/png', content: png(1000, 1000, 600) },
    );
    expect(byOther.statusCode).toBe(403);
    const officer = await logIn(api.app, 'officer.wang');
    expect(
      (
        await api.app.inject({
          method: 'GET',
          url: `/api/enterprises/${orgId}/seals`,
          headers: officer.headers,
        })
      ).statusCode,
    ).toBe(200);
    expect(await storedSeals()).toEqual([]);
  });
});
