import { measureAuthVsHealthz } from './support/auth-vs-healthz.js';
import type { Figure } from './support/figures.js';
import { round } from './support/figures.js';
import {
  meanOf,
  roundsLimitedByLoadGenerator,
  shareByServerCpu,
  shareOfHealthz,
  shareRange,
  worstOf,
} from './support/share-of-healthz.js';

export const name = 'http-auth-vs-healthz';

/**
 * The foundation issue's acceptance figure: an authenticated GET that reads the session and one row
 * (GET /api/organisations/:id with the session cookie) answers at least 60 % of the requests per second
 * of GET /healthz, both measured in the same run with 50 connections, default configuration.
 * The share is the median of eight alternating rounds' shares (bench/support/share-of-healthz.ts says
 * why); rates are means over the rounds, latencies the worst round, CPU shares means (% of one core).
 */
export async function run(): Promise<Figure[]> {
  const result = await measureAuthVsHealthz();
  const { healthz, target: authenticated } = result;
  console.error(`  authenticated GET as share of /healthz by round: ${shareRange(result)}`);
  const figure = (name: string, value: number, unit: string): Figure => ({ name, value, unit, target: null });
  return [
    figure('GET /healthz', round(meanOf(healthz, (run) => run.requestsPerSecond)), 'req/s'),
    figure(
      'GET /api/organisations/:id with session',
      round(meanOf(authenticated, (run) => run.requestsPerSecond)),
      'req/s',
    ),
    {
      name: 'authenticated GET as share of /healthz (median of rounds)',
      value: round(shareOfHealthz(result), 1),
      unit: '%',
      target: '>= 60% of /healthz',
      check: { op: '>=', value: 60 },
    },
    figure(
      'the same share by server CPU per request (median of rounds)',
      round(shareByServerCpu(result), 1),
      '%',
    ),
    figure(
      'rounds whose /healthz rate the load generator held down',
      roundsLimitedByLoadGenerator(result),
      'rounds',
    ),
    figure(
      'GET /healthz p99 latency',
      worstOf(healthz, (run) => run.p99Ms),
      'ms',
    ),
    figure(
      'GET /api/organisations/:id p99 latency',
      worstOf(authenticated, (run) => run.p99Ms),
      'ms',
    ),
    figure(
      'server CPU during GET /healthz',
      round(meanOf(healthz, (run) => run.serverCpuPercent)),
      '% of a core',
    ),
    figure(
      'server CPU during authenticated GET',
      round(meanOf(authenticated, (run) => run.serverCpuPercent)),
      '% of a core',
    ),
    figure(
      'load generator CPU during GET /healthz',
      round(meanOf(healthz, (run) => run.loadGeneratorCpuPercent)),
      '% of a core',
    ),
    figure(
      'CPU used by other processes, worst run',
      round(worstOf([...healthz, ...authenticated], (run) => run.otherCpuPercent)),
      '% of a core',
    ),
    figure('rounds measured again because other processes took CPU', result.repeatedRounds, 'rounds'),
  ];
}
