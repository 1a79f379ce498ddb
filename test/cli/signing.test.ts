import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargetOf, openRuntime } from '../../src/compose.js';
import { loadConfig } from '../../src/config.js';
import { applicationDataSchema } from '../../src/domain/application.js';
import { certificatePayloadOf } from '../../src/domain/signed-certificate.js';
import { activeSigningKey } from '../../src/domain/signing-keys.js';
import { goodApplication } from '../support/applications.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..', '..');

async function origo(dataDir: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(
      path.join(root, 'node_modules', '.bin', 'tsx'),
      ['src/cli/main.ts', ...args],
      {
        cwd: root,
        env: {
          ...process.env,
          ORIGO_DATA_DIR: dataDir,
          DATABASE_URL: '',
          ORIGO_SIGNING_SECRET: '',
          ORIGO_LOG_LEVEL: 'warn',
        },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

/** A certificate payload signed with the installation's active key, as an approval signs it. */
async function signWithActiveKey(dataDir: string): Promise<string> {
  const config = loadConfig({ ORIGO_DATA_DIR: dataDir });
  const runtime = await openRuntime(databaseTargetOf(config), config);
  try {
    const { deps } = runtime;
    const key = activeSigningKey(await deps.store.signingKeys.list(), new Date().toISOString());
    if (!key) throw new Error('no active key');
    const payload = certificatePayloadOf({
      certificateNumber: 'C262200000042',
      typeCode: 'C',
      kind: 'original',
      replaces: null,
      issueDate: '2026-03-02',
      issuedAt: '2026-03-02T01:00:00.000Z',
      office: { code: '2200', nameEn: 'Shanghai Customs', nameZh: '上海海关' },
      data: applicationDataSchema.parse(goodApplication('C')),
      endorsements: [],
      statusUrl: 'http://localhost:8080/api/public/certificates/C262200000042/status',
    });
    return await deps.signer.signCertificate(key, payload);
  } finally {
    await runtime.close();
  }
}

function pdfCarrying(jws: string): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    Object.assign(doc.info, { OrigoSignedPayload: jws });
    doc.text('CERTIFICATE OF ORIGIN');
    doc.end();
  });
}

describe('origo keys and origo verify', () => {
  let dataDir: string;
  let file: (name: string) => string;
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'origo-cli-keys-'));
    file = (name) => path.join(dataDir, name);
  });
  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('generates the embedded secret (mode 0600) and a demo key with seed; rotates, lists, exports; verifies offline', async () => {
    expect((await origo(dataDir, 'seed')).code).toBe(0);
    expect(fs.statSync(file('signing-secret')).mode & 0o777).toBe(0o600);
    const first = await origo(dataDir, 'keys', 'list', '--json');
    const [demoKey] = JSON.parse(first.stdout) as Array<{ kid: string; state: string }>;
    expect(demoKey).toMatchObject({ state: 'active' });
    expect((await origo(dataDir, 'keys', 'generate')).code).toBe(5); // a key is live: rotate instead

    const oldJws = await signWithActiveKey(dataDir);
    const rotated = await origo(dataDir, 'keys', 'rotate', '--overlap-days', '0');
    expect(rotated.code).toBe(0);
    expect(rotated.stdout).toContain('active');
    const newJws = await signWithActiveKey(dataDir);
    expect((await origo(dataDir, 'keys', 'export-jwks', file('jwks.json'))).stdout).toContain('2 key(s)');

    fs.writeFileSync(file('old.jws'), oldJws);
    fs.writeFileSync(file('new.pdf'), await pdfCarrying(newJws));
    const old = await origo(dataDir, 'verify', file('old.jws'), '--jwks', file('jwks.json'));
    expect(old.code).toBe(0);
    expect(old.stdout).toContain('VALID');
    expect(old.stdout).toContain(demoKey!.kid);
    const pdf = await origo(dataDir, 'verify', file('new.pdf'), '--jwks', file('jwks.json'), '--json');
    expect(pdf.code).toBe(0);
    expect(JSON.parse(pdf.stdout)).toMatchObject({
      verdict: 'VALID',
      source: 'pdf',
      payload: { certificateNumber: 'C262200000042' },
    });

    const [head, body, signature] = oldJws.split('.') as [string, string, string];
    const flipped = body.slice(0, 10) + (body[10] === 'A' ? 'B' : 'A') + body.slice(11);
    fs.writeFileSync(file('tampered.jws'), `${head}.${flipped}.${signature}`);
    const tampered = await origo(dataDir, 'verify', file('tampered.jws'), '--jwks', file('jwks.json'));
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toContain('TAMPERED');

    fs.writeFileSync(file('other-jwks.json'), JSON.stringify({ keys: [] }));
    const unknown = await origo(dataDir, 'verify', file('new.pdf'), '--jwks', file('other-jwks.json'));
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toContain('UNKNOWN_ISSUER');

    fs.writeFileSync(file('not-jwks.json'), '[1,2]');
    const badJwks = await origo(dataDir, 'verify', file('old.jws'), '--jwks', file('not-jwks.json'));
    expect(badJwks.code).toBe(2);
    expect(badJwks.stderr).toContain('VALIDATION_FAILED');

    const retired = await origo(dataDir, 'keys', 'retire', demoKey!.kid);
    expect(retired.code).toBe(5); // already retired by the rotation
  }, 120_000);
});
