import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { freePort } from '../support/net.js';

const root = path.resolve(import.meta.dirname, '..', '..');

/** Debian's Chromium, headless, with the flags this machine needs (no network beyond loopback). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.ORIGO_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/** The real server (`origo serve --demo`) in a child process, on a fresh data directory and a free port. */
/** `registryUrl`: the enterprise registry the server talks to (test/support/registry.ts starts one). */
/** `demoApplications`: `--demo-applications` too; `environment`: extra variables (a captcha secret). */
export async function startServer(
  options: { registryUrl?: string; demoApplications?: boolean; environment?: Record<string, string> } = {},
): Promise<RunningServer> {
  if (!fs.existsSync(path.join(root, 'web', 'dist', 'index.html'))) {
    throw new Error('The web portal is not built: run `npm run build:web` (npm test does it).');
  }
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'origo-browser-'));
  const child: ChildProcess = spawn(
    path.join(root, 'node_modules', '.bin', 'tsx'),
    ['src/cli/main.ts', 'serve', '--demo', ...(options.demoApplications ? ['--demo-applications'] : [])],
    {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        ORIGO_DATA_DIR: dataDir,
        ORIGO_LOG_LEVEL: 'warn',
        DATABASE_URL: '',
        ORIGO_REGISTRY_URL: options.registryUrl ?? 'http://127.0.0.1:9',
        ORIGO_JOB_POLL_MS: '200',
        ...options.environment,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited: ${stderr}`);
    const ready = await fetch(`${url}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`the server did not become ready in 60 s: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The password of every demo user (`origo serve --demo`). */
export const DEMO_PASSWORD = 'origo-demo-2026';

/** Logs a demo user in through the login form; the menu shows when the portal is ready. */
export async function logIn(page: Page, url: string, username: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('navigation').waitFor();
}

/**
 * Calls the API as the user logged in on `page` (the context's cookies, the session's CSRF token), for the
 * steps a test does not mean to drive through the portal.
 */
export async function apiAs(page: Page, url: string) {
  const session = (await (await page.request.get(`${url}/api/session`)).json()) as {
    csrfToken: string;
    user: { id: string; organisation: { id: string } };
  };
  const send = async <T>(method: 'POST' | 'PUT', path: string, data: unknown): Promise<T> => {
    const response = await page.request.fetch(`${url}${path}`, {
      method,
      data,
      headers: { 'x-csrf-token': session.csrfToken },
    });
    if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
    return (await response.json()) as T;
  };
  return {
    session,
    get: async <T>(path: string): Promise<T> => {
      const response = await page.request.get(`${url}${path}`);
      if (!response.ok()) throw new Error(`GET ${path}: ${response.status()} ${await response.text()}`);
      return (await response.json()) as T;
    },
    post: <T>(path: string, data: unknown) => send<T>('POST', path, data),
    put: <T>(path: string, data: unknown) => send<T>('PUT', path, data),
  };
}
