import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/http/app.js';
import type { Api } from '../../src/http/routes/types.js';
import type { Dialect, TestRuntime } from './runtime.js';
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
  options: { bodyLimitBytes?: number; registryUrl?: string | undefined } = {},
): Promise<TestApi> {
  const runtime = await openTestRuntime(dialect, { demo: true, registryUrl: options.registryUrl });
  const app = await buildApp({
    deps: runtime.deps,
    logger: false,
    config: {
      cookieSecure: false,
      sessionMaxHours: 12,
      bodyLimitBytes: options.bodyLimitBytes ?? 1024 * 1024,
      trustProxy: false,
      logLevel: 'silent',
      webDistDir: path.join(runtime.handle.sqlite?.name ?? '/nonexistent', 'no-web'),
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
