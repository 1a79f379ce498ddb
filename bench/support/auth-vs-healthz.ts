import { z } from 'zod';
import type { LoadTarget } from './load.js';
import type { RunningServer } from './server.js';
import { startServer } from './server.js';
import type { ShareOfHealthz } from './share-of-healthz.js';
import { measureShareOfHealthz } from './share-of-healthz.js';

const DEMO_LOGIN = { username: 'ent.admin', password: 'origo-demo-2026' };

const loginResponse = z.object({ user: z.object({ organisation: z.object({ id: z.string().min(1) }) }) });
const organisationResponse = z.object({ id: z.string() });

/** Logs in as the demo enterprise administrator; the target is their own organisation, read with the cookie. */
async function authenticatedGet(server: RunningServer): Promise<LoadTarget> {
  const login = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEMO_LOGIN),
  });
  if (login.status !== 200)
    throw new Error(`login as ${DEMO_LOGIN.username}: ${login.status} ${await login.text()}`);
  const session = login.headers.getSetCookie().find((cookie) => cookie.startsWith('origo_session='));
  if (!session) throw new Error('login answered 200 but set no origo_session cookie');
  const { user } = loginResponse.parse(await login.json());
  const target: LoadTarget = {
    label: 'GET /api/organisations/:id',
    url: `${server.url}/api/organisations/${user.organisation.id}`,
    headers: { cookie: session.split(';')[0] ?? '' },
  };
  // One request by hand first, so a wrong cookie or route shows its status and body rather than a count.
  const probe = await fetch(target.url, { headers: target.headers });
  const body = await probe.text();
  if (probe.status !== 200 || organisationResponse.parse(JSON.parse(body)).id !== user.organisation.id) {
    throw new Error(`${target.label} with the session cookie answered ${probe.status}: ${body}`);
  }
  return target;
}

/**
 * Starts the real server with `environment` added, then measures GET /healthz against the authenticated
 * GET of the caller's own organisation (the session and one row) in alternating rounds.
 */
export async function measureAuthVsHealthz(
  environment: Record<string, string> = {},
): Promise<ShareOfHealthz> {
  const server = await startServer(environment);
  try {
    return await measureShareOfHealthz(server, await authenticatedGet(server));
  } finally {
    await server.stop();
  }
}
