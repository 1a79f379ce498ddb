import { z } from 'zod';
import type { Figure } from './support/figures.js';
import { round } from './support/figures.js';
import type { LoadRun, LoadTarget } from './support/load.js';
import type { RunningServer } from './support/server.js';
import { startServer } from './support/server.js';
import {
  meanOf,
  measureShareOfHealthz,
  roundsLimitedByLoadGenerator,
  shareByServerCpu,
  shareOfHealthz,
  shareRange,
  worstOf,
} from './support/share-of-healthz.js';

export const name = 'verify-http';

/**
 * The demo's archived certificate: its number, read as the enterprise clerk from its signed payload.
 * `serve --demo --demo-applications` seeds it (src/app/demo/seed-demo-applications.ts).
 */
async function archivedCertificate(server: RunningServer): Promise<string> {
  const login = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'ent.clerk', password: 'origo-demo-2026' }),
  });
  const cookie = login.headers.getSetCookie()[0]?.split(';')[0] ?? '';
  const read = async (path: string) => (await fetch(`${server.url}${path}`, { headers: { cookie } })).json();
  const { items } = z
    .object({ items: z.array(z.object({ id: z.string() })).min(1) })
    .parse(await read('/api/applications?status=archived'));
  return z
    .object({ certificateNumber: z.string() })
    .parse(await read(`/api/applications/${items[0]!.id}/signed-payload`)).certificateNumber;
}

/**
 * Issue 6's figure: verification by number over HTTP answers at least 50 % of the requests per second of
 * GET /healthz, both in the same run (50 connections, alternating rounds, server pinned to its own core;
 * the share is the median of the rounds' shares, bench/support/share-of-healthz.ts).
 * Measured on the path importing authorities' systems use: the status address
 * `GET /api/public/certificates/{number}/status` of an archived certificate, which reads the certificate
 * and its signed payload, checks the Ed25519 signature against the published keys and the row against the
 * payload, and answers VALID. The page's captcha is not on this path. The per-client rate limit is raised
 * for the run (ORIGO_VERIFY_API_RATE_PER_MINUTE), as the load comes from one address.
 */
export async function run(): Promise<Figure[]> {
  const server = await startServer({ ORIGO_VERIFY_API_RATE_PER_MINUTE: '10000000' }, ['--demo-applications']);
  let healthz: LoadRun[];
  let status: LoadRun[];
  let share: number;
  let shareByCpu: number;
  let limitedRounds: number;
  try {
    const number = await archivedCertificate(server);
    const statusTarget: LoadTarget = {
      label: 'GET status address',
      url: `${server.url}/api/public/certificates/${encodeURIComponent(number)}/status`,
      headers: {},
    };
    const probe = (await (await fetch(statusTarget.url)).json()) as { verdict?: string };
    if (probe.verdict !== 'VALID') throw new Error(`the status address answered ${JSON.stringify(probe)}`);
    console.error(`  certificate ${number}`);
    const result = await measureShareOfHealthz(server, statusTarget);
    ({ healthz, target: status } = result);
    share = shareOfHealthz(result);
    shareByCpu = shareByServerCpu(result);
    limitedRounds = roundsLimitedByLoadGenerator(result);
    console.error(`  status address as share of /healthz by round: ${shareRange(result)}`);
  } finally {
    await server.stop();
  }
  const rate = (runs: LoadRun[]) => meanOf(runs, (run) => run.requestsPerSecond);
  const figure = (name: string, value: number, unit: string): Figure => ({ name, value, unit, target: null });
  return [
    figure('GET /healthz', round(rate(healthz)), 'req/s'),
    figure('GET /api/public/certificates/{number}/status (VALID)', round(rate(status)), 'req/s'),
    {
      name: 'verification by number as share of /healthz (median of rounds)',
      value: round(share, 1),
      unit: '%',
      target: '>= 50% of /healthz',
      check: { op: '>=', value: 50 },
    },
    figure('the same share by server CPU per request (median of rounds)', round(shareByCpu, 1), '%'),
    figure('rounds whose /healthz rate the load generator held down', limitedRounds, 'rounds'),
    figure(
      'status address p99 latency',
      worstOf(status, (run) => run.p99Ms),
      'ms',
    ),
    figure(
      'server CPU during status address',
      round(meanOf(status, (run) => run.serverCpuPercent)),
      '% of a core',
    ),
    figure(
      'CPU used by other processes, worst run',
      round(worstOf([...healthz, ...status], (run) => run.otherCpuPercent)),
      '% of a core',
    ),
  ];
}
