import { measureAuthVsHealthz } from './support/auth-vs-healthz.js';
import type { Figure } from './support/figures.js';
import { round } from './support/figures.js';
import { meanOf, shareOfHealthz, worstOf } from './support/share-of-healthz.js';

export const name = 'http-auth-uncached-vs-healthz';

/**
 * The same comparison with the session cache off (ORIGO_SESSION_CACHE_MS=0, ADR 0003), so that every
 * authenticated request reads its session from the database. No target: it records what the cache buys.
 */
export async function run(): Promise<Figure[]> {
  const result = await measureAuthVsHealthz({ ORIGO_SESSION_CACHE_MS: '0' });
  const figure = (name: string, value: number, unit: string): Figure => ({
    name: `${name} (session cache off)`,
    value,
    unit,
    target: null,
  });
  return [
    figure('GET /healthz', round(meanOf(result.healthz, (run) => run.requestsPerSecond)), 'req/s'),
    figure(
      'GET /api/organisations/:id with session',
      round(meanOf(result.target, (run) => run.requestsPerSecond)),
      'req/s',
    ),
    figure('authenticated GET as share of /healthz, median of rounds', round(shareOfHealthz(result), 1), '%'),
    figure(
      'GET /api/organisations/:id p99 latency',
      worstOf(result.target, (run) => run.p99Ms),
      'ms',
    ),
    figure(
      'CPU used by other processes, worst run',
      round(worstOf([...result.healthz, ...result.target], (run) => run.otherCpuPercent)),
      '% of a core',
    ),
    figure('rounds measured again because other processes took CPU', result.repeatedRounds, 'rounds'),
  ];
}
