import autocannon from 'autocannon';
import type { Benchmark, Figure } from './support.js';
import { startServer } from './support.js';

const CONNECTIONS = 50;
const SECONDS = 8;

async function load(url: string, headers: Record<string, string>, duration = SECONDS) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration, headers });
  const failures = result.non2xx + result.errors + result.timeouts;
  if (failures > 0) throw new Error(`${url}: ${failures} failed responses; the figure would be meaningless`);
  return { requestsPerSecond: result.requests.average, p99Ms: result.latency.p99 };
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

/** Logs in as the demo enterprise administrator; returns the cookie and the URL of their organisation. */
async function authenticatedRequest(url: string) {
  const login = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'ent.admin', password: 'origo-demo-2026' }),
  });
  if (!login.ok) throw new Error(`login failed: ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const session = (await login.json()) as { user: { organisation: { id: string } } };
  return { headers: { cookie }, url: `${url}/api/organisations/${session.user.organisation.id}` };
}

/** /healthz and the authenticated GET on one server, alternately, after a warm-up. */
async function measure(environment: Record<string, string>) {
  const server = await startServer(environment);
  try {
    const healthz = `${server.url}/healthz`;
    const authenticated = await authenticatedRequest(server.url);
    await load(healthz, {}, 2); // warm-up: JIT, statement cache
    await load(authenticated.url, authenticated.headers, 2);
    const health = [await load(healthz, {})];
    const auth = [await load(authenticated.url, authenticated.headers)];
    health.push(await load(healthz, {}));
    auth.push(await load(authenticated.url, authenticated.headers));
    return {
      pinned: server.pinned,
      healthRps: mean(health.map((run) => run.requestsPerSecond)),
      authRps: mean(auth.map((run) => run.requestsPerSecond)),
      healthP99: Math.max(...health.map((run) => run.p99Ms)),
      authP99: Math.max(...auth.map((run) => run.p99Ms)),
    };
  } finally {
    await server.stop();
  }
}

/**
 * Foundation acceptance figure: an authenticated GET that reads the session and one row
 * (GET /api/organisations/:id) against /healthz, 50 connections, measured in the same run on the same
 * server. Measured again with the session cache off, for the record (ADR 0003).
 */
export const httpAuthVsHealthz: Benchmark = {
  name: 'http: authenticated GET vs /healthz',
  async run(): Promise<Figure[]> {
    const standard = await measure({});
    const uncached = await measure({ ORIGO_SESSION_CACHE_MS: '0' });
    const share = (run: typeof standard) => Math.round((1000 * run.authRps) / run.healthRps) / 10;
    const pinning = standard.pinned ? ' (server on its own core)' : '';
    return [
      { name: `GET /healthz${pinning}`, value: Math.round(standard.healthRps), unit: 'req/s', target: null },
      {
        name: 'GET /api/organisations/:id with session',
        value: Math.round(standard.authRps),
        unit: 'req/s',
        target: null,
      },
      {
        name: 'authenticated GET as share of /healthz',
        value: share(standard),
        unit: '%',
        target: '>= 60',
        check: { op: '>=', value: 60 },
      },
      { name: 'GET /healthz p99 latency', value: standard.healthP99, unit: 'ms', target: null },
      { name: 'authenticated GET p99 latency', value: standard.authP99, unit: 'ms', target: null },
      { name: 'same share, session cache off', value: share(uncached), unit: '%', target: null },
    ];
  },
};
