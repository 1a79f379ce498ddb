import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/http/app.js';
import type { Api } from '../../src/http/routes/types.js';
import type { PublicRateLimits } from '../../src/http/routes/verification.js';
import type { Dialect, TestRuntime } from './runtime.js';
import { goodApplication } from './applications.js';
import { INVOICE_PDF } from './messages.js';
import { multipart } from './multipart.js';
import { openTestRuntime } from './runtime.js';

export const DEMO_PASSWORD = 'origo-demo-2026';

export interface TestApi {
  app: Api;
  runtime: TestRuntime;
  close(): Promise<void>;
}

/** The HTTP application over a fresh demo database, driven in process with inject (no socket). */
export async function openTestApi(
  dialect: Dialect,
  options: {
    bodyLimitBytes?: number;
    registryUrl?: string | undefined;
    captchaSecret?: string;
    publicRateLimits?: Partial<PublicRateLimits>;
    /** The built web portal to serve; none by default. */
    webDistDir?: string;
  } = {},
): Promise<TestApi> {
  const runtime = await openTestRuntime(dialect, { demo: true, registryUrl: options.registryUrl });
  const app = await buildApp({
    deps: runtime.deps,
    logger: false,
    ...(options.publicRateLimits ? { publicRateLimits: options.publicRateLimits } : {}),
    config: {
      ...(options.captchaSecret ? { captchaSecret: options.captchaSecret } : {}),
      cookieSecure: false,
      sessionMaxHours: 12,
      bodyLimitBytes: options.bodyLimitBytes ?? 1024 * 1024,
      trustProxy: false,
      logLevel: 'silent',
      webDistDir: options.webDistDir ?? path.join(runtime.handle.sqlite?.name ?? '/nonexistent', 'no-web'),
      publicUrl: 'http://localhost:8080',
      sealUploadLimitBytes: 10 * 1024 * 1024,
      documentUploadLimitBytes: 20 * 1024 * 1024,
      importLimitBytes: 64 * 1024 * 1024,
    },
  });
  await app.ready();
  return {
    app,
    runtime,
    close: async () => {
      await app.close();
      await runtime.close();
    },
  };
}

export interface LoggedIn {
  cookie: string;
  csrfToken: string;
  body: { user: { id: string; organisation: { id: string }; offices: Array<{ id: string }> } };
  headers: { cookie: string; 'x-csrf-token': string };
}

export async function logIn(app: Api, username: string, password = DEMO_PASSWORD): Promise<LoggedIn> {
  const response = await app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`login as ${username} failed: ${response.body}`);
  const cookie = sessionCookie(response);
  const body = response.json() as LoggedIn['body'] & { csrfToken: string };
  return { cookie, csrfToken: body.csrfToken, body, headers: { cookie, 'x-csrf-token': body.csrfToken } };
}

export function sessionCookie(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((candidate) => candidate.name === 'origo_session');
  if (!cookie) throw new Error('no session cookie set');
  return `origo_session=${cookie.value}`;
}

/**
 * What a careful clerk does through the API: a complete application of a type (goodApplication), its
 * invoice attached, submitted. Answers the submission's response (status, version, ...).
 */
export async function submitThroughApi(
  app: Api,
  clerk: LoggedIn,
  typeCode = 'C',
): Promise<{ id: string; version: number; status: string }> {
  const created = await app.inject({
    method: 'POST',
    url: '/api/applications',
    headers: clerk.headers,
    payload: { enterpriseId: clerk.body.user.organisation.id, typeCode, data: goodApplication(typeCode) },
  });
  const { id } = created.json() as { id: string };
  const body = multipart(
    { kind: 'invoice' },
    { name: 'invoice.pdf', type: 'application/pdf', content: INVOICE_PDF },
  );
  await app.inject({
    method: 'POST',
    url: `/api/applications/${id}/documents`,
    headers: { ...clerk.headers, 'content-type': body.contentType },
    payload: body.payload,
  });
  const sent = await app.inject({
    method: 'POST',
    url: `/api/applications/${id}/submit`,
    headers: clerk.headers,
    payload: {},
  });
  const { version, status } = sent.json() as { version: number; status: string };
  return { id, version, status };
}
