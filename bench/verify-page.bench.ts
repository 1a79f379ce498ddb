import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { launchChromium } from '../test/browser/support.js';
import type { Figure } from './support/figures.js';
import { round } from './support/figures.js';
import { repositoryRoot, startServer } from './support/server.js';

export const name = 'verify-page';

/** Chrome DevTools' "Slow 3G" as Lighthouse uses it: 400 kbit/s both ways, 400 ms round trip. */
const SLOW_3G = {
  offline: false,
  latency: 400,
  downloadThroughput: (400 * 1000) / 8,
  uploadThroughput: (400 * 1000) / 8,
};
const LOADS = 5;

interface Fetched {
  path: string;
  /** Status line, headers and body as they crossed the connection (headers counted as HTTP/1.1 text). */
  wireBytes: number;
  bodyBytes: number;
  encoding: string;
  text: string;
}

/** GET `path` the way a browser does, without decoding: what crossed the wire, and the decoded text. */
function fetchRaw(base: string, pathname: string, acceptEncoding: string | undefined): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding ? { 'accept-encoding': acceptEncoding } : {};
    http
      .get(new URL(pathname, base), { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          if (response.statusCode !== 200)
            return reject(new Error(`GET ${pathname}: ${response.statusCode}`));
          const body = Buffer.concat(chunks);
          const encoding = response.headers['content-encoding'] ?? 'identity';
          const decoded =
            encoding === 'br'
              ? zlib.brotliDecompressSync(body)
              : encoding === 'gzip'
                ? zlib.gunzipSync(body)
                : body;
          let headerBytes = `HTTP/1.1 ${response.statusCode} ${response.statusMessage}\r\n`.length + 2;
          for (let index = 0; index < response.rawHeaders.length; index += 2)
            headerBytes += Buffer.byteLength(
              `${response.rawHeaders[index]}: ${response.rawHeaders[index + 1]}\r\n`,
            );
          resolve({
            path: pathname,
            wireBytes: headerBytes + body.length,
            bodyBytes: body.length,
            encoding,
            text: decoded.toString('utf8'),
          });
        });
      })
      .on('error', reject);
  });
}

/** Every script, stylesheet and module preload the page names: what a browser fetches before it runs. */
function subresources(html: string): string[] {
  const found = new Set<string>();
  for (const tag of html.match(/<(?:script|link)\b[^>]*>/g) ?? []) {
    const link = /<link\b/.test(tag);
    if (link && !/rel="(?:stylesheet|modulepreload|preload)"/.test(tag)) continue;
    const address = /(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    if (address && !address.startsWith('data:')) found.add(address);
  }
  return [...found];
}

/** The first load of /verify: the page and everything it references, with `acceptEncoding`. */
async function firstLoad(base: string, acceptEncoding: string | undefined): Promise<Fetched[]> {
  const page = await fetchRaw(base, '/verify', acceptEncoding);
  const assets = await Promise.all(
    subresources(page.text).map((asset) => fetchRaw(base, asset, acceptEncoding)),
  );
  return [page, ...assets];
}

const sum = (loads: Fetched[]) => loads.reduce((total, fetched) => total + fetched.wireBytes, 0);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Issue 6: the verification page works on a phone, fast on a slow connection. Bytes on the wire of the
 * first load of /verify (the HTML, then every script and stylesheet it names), as a browser asks for them
 * (`accept-encoding: br, gzip`), with gzip only, and uncompressed; then, in Chromium with the network
 * emulated as Slow 3G and no cache, the time from navigation until the form is usable (the captcha's
 * picture shown, the Verify button enabled) and until the form is shown, the median of 5 fresh loads.
 */
export async function run(): Promise<Figure[]> {
  if (!fs.existsSync(path.join(repositoryRoot, 'web', 'dist', 'verify.html')))
    throw new Error('The web portal is not built: run `npm run build:web` first.');
  const server = await startServer();
  try {
    const brotli = await firstLoad(server.url, 'br, gzip');
    const gzip = await firstLoad(server.url, 'gzip');
    const plain = await firstLoad(server.url, undefined);
    for (const fetched of brotli)
      console.error(
        `  ${fetched.path}: ${fetched.bodyBytes} bytes (${fetched.encoding}), ${fetched.wireBytes} on the wire`,
      );

    const browser = await launchChromium();
    const usable: number[] = [];
    const shown: number[] = [];
    try {
      for (let load = 0; load < LOADS; load++) {
        const context = await browser.newContext({ viewport: { width: 375, height: 740 }, locale: 'en-GB' });
        const page = await context.newPage();
        const devtools = await context.newCDPSession(page);
        await devtools.send('Network.enable');
        await devtools.send('Network.setCacheDisabled', { cacheDisabled: true });
        await devtools.send('Network.emulateNetworkConditions', SLOW_3G);
        const started = performance.now();
        await page.goto(`${server.url}/verify`, { waitUntil: 'commit' });
        await page.locator('#verify-invoice').waitFor();
        shown.push(performance.now() - started);
        await page.locator('.captcha img').waitFor();
        await page
          .getByRole('button', { name: 'Verify', exact: true })
          .and(page.locator(':enabled'))
          .waitFor();
        usable.push(performance.now() - started);
        await context.close();
      }
    } finally {
      await browser.close();
    }
    console.error(`  Slow 3G: form usable after ${usable.map((ms) => Math.round(ms)).join(', ')} ms`);

    return [
      {
        name: 'first load of /verify on the wire, br (HTML + scripts + styles, headers included)',
        value: sum(brotli),
        unit: 'bytes',
        target: '<= 50,000 (ideally about 20,000)',
        check: { op: '<=', value: 50_000 },
      },
      { name: 'first load of /verify on the wire, gzip only', value: sum(gzip), unit: 'bytes', target: null },
      {
        name: 'first load of /verify on the wire, uncompressed',
        value: sum(plain),
        unit: 'bytes',
        target: null,
      },
      { name: 'requests in the first load of /verify', value: brotli.length, unit: 'requests', target: null },
      {
        name: '/verify on Slow 3G (400 kbit/s, 400 ms RTT): form shown, median of 5',
        value: round(median(shown)),
        unit: 'ms',
        target: null,
      },
      {
        name: '/verify on Slow 3G (400 kbit/s, 400 ms RTT): form usable (captcha shown), median of 5',
        value: round(median(usable)),
        unit: 'ms',
        target: '<= 4,000',
        check: { op: '<=', value: 4_000 },
      },
    ];
  } finally {
    await server.stop();
  }
}
