import { z } from 'zod';
import type { LoadRun, LoadTarget } from './load.js';
import { CONNECTIONS, applyLoad } from './load.js';
import type { RunningServer } from './server.js';

const WARM_UP_SECONDS = 2;
/** Seconds per measured run; ORIGO_BENCH_SECONDS changes it (shorter while working on the suite itself). */
const RUN_SECONDS = z.coerce.number().int().min(1).max(600).default(3).parse(process.env.ORIGO_BENCH_SECONDS);
/** Rounds of (GET /healthz, target), each giving one share. */
const ROUNDS = 8;
/** Above this share of a core used by other processes during a run, its figure is disturbed. */
const QUIET_MACHINE_PERCENT = 10;
/** A disturbed round is measured again, at most this many times per benchmark; then the benchmark fails. */
const MAX_REPEATED_ROUNDS = 6;

/** GET /healthz and a target measured in alternating rounds on one server. */
export interface ShareOfHealthz {
  pinned: boolean;
  healthz: LoadRun[];
  target: LoadRun[];
  /** Rounds measured again because other processes took CPU during them (the machine is shared). */
  repeatedRounds: number;
}

const disturbed = (run: LoadRun) => (run.otherCpuPercent ?? 0) > QUIET_MACHINE_PERCENT;
const percent = (value: number | null) => (value === null ? '?' : value.toFixed(0));
function report(label: string, run: LoadRun): void {
  console.error(
    `  ${label.padEnd(27)} ${Math.round(run.requestsPerSecond).toString().padStart(6)} req/s  ` +
      `p99 ${run.p99Ms} ms  CPU % of a core: server ${percent(run.serverCpuPercent)}, ` +
      `load generator ${percent(run.loadGeneratorCpuPercent)}, other processes ${percent(run.otherCpuPercent)}`,
  );
}

/**
 * Measures GET /healthz and `target` on `server` with 50 connections: a 2 s warm-up of each, then eight
 * rounds of (healthz, target), 3 s each. This machine's speed drifts by half within a minute (the same
 * code answered /healthz at 7,600 and at 14,000 requests per second in one session), so one long run of
 * each compares two different machines; short alternating rounds compare neighbours, and the median of
 * the rounds' shares is not moved by the odd round that a speed change cut through. A round during which
 * other processes used more than 10 % of a core is measured again (up to 6 times, then the benchmark
 * fails rather than report a figure the machine's other work decided).
 */
export async function measureShareOfHealthz(
  server: RunningServer,
  target: LoadTarget,
): Promise<ShareOfHealthz> {
  const healthz: LoadTarget = { label: 'GET /healthz', url: `${server.url}/healthz`, headers: {} };
  console.error(
    `  server ${server.pinned ? 'pinned to core 1, load generator to core 0 (taskset)' : 'not pinned'}; ` +
      `${CONNECTIONS} connections, ${WARM_UP_SECONDS} s warm-up, ${ROUNDS} x ${RUN_SECONDS} s each`,
  );
  await applyLoad(healthz, WARM_UP_SECONDS, server);
  await applyLoad(target, WARM_UP_SECONDS, server);
  const result: ShareOfHealthz = { pinned: server.pinned, healthz: [], target: [], repeatedRounds: 0 };
  while (result.healthz.length < ROUNDS) {
    const health = await applyLoad(healthz, RUN_SECONDS, server);
    report(healthz.label, health);
    const measured = await applyLoad(target, RUN_SECONDS, server);
    report(target.label, measured);
    if (disturbed(health) || disturbed(measured)) {
      // A figure taken while others used the cores would pass or miss its target by chance.
      if (result.repeatedRounds === MAX_REPEATED_ROUNDS) {
        throw new Error(
          `other processes took more than ${QUIET_MACHINE_PERCENT} % of a core in ` +
            `${MAX_REPEATED_ROUNDS + 1} rounds; the machine is too busy for a reliable figure`,
        );
      }
      result.repeatedRounds += 1;
      console.error('  other processes took CPU during this round: measuring it again');
      continue;
    }
    result.healthz.push(health);
    result.target.push(measured);
  }
  return result;
}

const mean = (values: number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const measured = (values: Array<number | null>): values is number[] =>
  values.every((value) => value !== null);

/** Mean of one measure over runs, or NaN (reported as n/a) when a run could not measure it. */
export function meanOf(runs: LoadRun[], measure: (run: LoadRun) => number | null): number {
  const values = runs.map(measure);
  return measured(values) ? mean(values) : Number.NaN;
}

/** Highest value of one measure over runs, or NaN when a run could not measure it. */
export function worstOf(runs: LoadRun[], measure: (run: LoadRun) => number | null): number {
  const values = runs.map(measure);
  return measured(values) ? Math.max(...values) : Number.NaN;
}

/** Each round's target rate as a percentage of the same round's /healthz rate. */
export function sharesByRound(result: ShareOfHealthz): number[] {
  return result.target.map(
    (run, index) => (100 * run.requestsPerSecond) / result.healthz[index]!.requestsPerSecond,
  );
}

/** The target's rate as a percentage of /healthz's: the median of the rounds' shares. */
export function shareOfHealthz(result: ShareOfHealthz): number {
  return median(sharesByRound(result));
}

/** Server CPU per request in µs, or null where /proc cannot tell. */
function serverMicrosPerRequest(run: LoadRun): number | null {
  return run.serverCpuPercent === null ? null : (run.serverCpuPercent / 100) * (1e6 / run.requestsPerSecond);
}

/**
 * The same share by server CPU per request: /healthz's µs per request as a percentage of the target's,
 * median of the rounds; NaN where /proc cannot tell. It is what the rate share means when the server is
 * the bottleneck, and it stays true when it is not: when the machine runs fast, the load generator can
 * use its whole core before the server does on /healthz, which holds /healthz's rate down and flatters
 * the rate share.
 */
export function shareByServerCpu(result: ShareOfHealthz): number {
  const shares: number[] = [];
  for (const [index, run] of result.target.entries()) {
    const target = serverMicrosPerRequest(run);
    const healthz = serverMicrosPerRequest(result.healthz[index]!);
    if (target === null || healthz === null) return Number.NaN;
    shares.push((100 * healthz) / target);
  }
  return median(shares);
}

/** Rounds in which /healthz was held down by the load generator (its core busy, the server's not). */
export function roundsLimitedByLoadGenerator(result: ShareOfHealthz): number {
  return result.healthz.filter(
    (run) => run.loadGeneratorCpuPercent > 90 && run.serverCpuPercent !== null && run.serverCpuPercent < 90,
  ).length;
}

/** The lowest and highest of the rounds' shares, to print beside the median. */
export function shareRange(result: ShareOfHealthz): string {
  const shares = sharesByRound(result);
  return `${Math.min(...shares).toFixed(1)}–${Math.max(...shares).toFixed(1)} %`;
}
