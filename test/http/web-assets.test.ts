import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressDirectory } from '../../web/precompress.js';
import type { TestApi } from '../support/http.js';
import { openTestApi } from '../support/http.js';

const VERIFY_HTML =
  '<!doctype html><html><head><script type="module" src="/assets/verify-abc123.js"></script></head>' +
  '<body><div id="root"></div></body></html>\n';
const SCRIPT = `${'console.log("verify a certificate of origin");\n'.repeat(200)}`;
const STYLE = `${'body { font: 16px/1.5 system-ui, sans-serif; }\n'.repeat(50)}`;

describe('web assets: sent brotli or gzip compressed as written at build time (ADR 0010)', () => {
  let api: TestApi;
  let dist: string;

  beforeAll(async () => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'origo-web-dist-'));
    fs.mkdirSync(path.join(dist, 'assets'));
    fs.writeFileSync(path.join(dist, 'verify.html'), VERIFY_HTML);
    fs.writeFileSync(path.join(dist, 'index.html'), VERIFY_HTML.replace('verify-abc123', 'portal-def456'));
    fs.writeFileSync(path.join(dist, 'assets', 'verify-abc123.js'), SCRIPT);
    fs.writeFileSync(path.join(dist, 'assets', 'verify-abc123.css'), STYLE);
    fs.writeFileSync(path.join(dist, 'assets', 'seal.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    expect(precompressDirectory(dist).sort()).toEqual([
      path.join('assets', 'verify-abc123.css'),
      path.join('assets', 'verify-abc123.js'),
      'index.html',
      'verify.html',
    ]);
    api = await openTestApi('sqlite', { webDistDir: dist });
  });

  afterAll(async () => {
    await api?.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  const get = (url: string, acceptEncoding?: string) =>
    api.app.inject({
      method: 'GET',
      url,
      headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding },
    });

  it('writes NAME.br and NAME.gz beside each text file, not beside images', () => {
    const script = path.join(dist, 'assets', 'verify-abc123.js');
    expect(zlib.brotliDecompressSync(fs.readFileSync(`${script}.br`)).toString()).toBe(SCRIPT);
    expect(zlib.gunzipSync(fs.readFileSync(`${script}.gz`)).toString()).toBe(SCRIPT);
    expect(fs.statSync(`${script}.br`).size).toBeLessThan(SCRIPT.length / 10);
    expect(fs.existsSync(path.join(dist, 'assets', 'seal.png.br'))).toBe(false);
  });

  it('sends brotli to a browser that accepts it, as a browser asks ("gzip, deflate, br, zstd")', async () => {
    const response = await get('/assets/verify-abc123.js', 'gzip, deflate, br, zstd');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(response.headers.vary).toBe('Accept-Encoding');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(zlib.brotliDecompressSync(response.rawPayload).toString()).toBe(SCRIPT);
  });

  it('sends gzip where brotli is not accepted, and the file itself where nothing is', async () => {
    const gzip = await get('/assets/verify-abc123.css', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(zlib.gunzipSync(gzip.rawPayload).toString()).toBe(STYLE);

    for (const plain of [
      await get('/assets/verify-abc123.js'),
      await get('/assets/verify-abc123.js', 'identity'),
    ]) {
      expect(plain.statusCode).toBe(200);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers.vary).toBe('Accept-Encoding');
      expect(plain.body).toBe(SCRIPT);
    }
    // An image has no compressed copy: sent as it is even to a browser that accepts brotli.
    const image = await get('/assets/seal.png', 'br, gzip');
    expect(image.headers['content-encoding']).toBeUndefined();
    expect(image.rawPayload).toHaveLength(4);
  });

  it('serves /verify and the portal compressed but never cached without asking', async () => {
    const verify = await get('/verify?n=C262200000001', 'br, gzip');
    expect(verify.statusCode).toBe(200);
    expect(verify.headers['content-encoding']).toBe('br');
    expect(verify.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(verify.headers['cache-control']).toBe('no-cache');
    expect(verify.headers.vary).toBe('Accept-Encoding');
    expect(zlib.brotliDecompressSync(verify.rawPayload).toString()).toBe(VERIFY_HTML);
    expect((await get('/verify')).body).toBe(VERIFY_HTML);

    const portal = await get('/', 'gzip');
    expect(portal.headers['content-encoding']).toBe('gzip');
    expect(portal.headers['cache-control']).toBe('no-cache');
    expect(zlib.gunzipSync(portal.rawPayload).toString()).toContain('portal-def456');
  });
});
