import autocannon from 'autocannon';
import { machineBusySeconds } from './cpu.js';
import type { RunningServer } from './server.js';

/** Concurrent connections for every HTTP figure, as the foundation issue states its target. */
export const CONNECTIONS = 50;

/** One request to put under load. */
export interface LoadTarget {
  label: string;
  url: string;
  headers: Record<string, string>;
  /** GET unless given; a body is sent as is with every request. */
  method?: 'GET' | 'POST';
  body?: string;
}

/** What one autocannon run measured. CPU shares are of one core: 100 means a core fully busy. */
export interface LoadRun {
  requestsPerSecond: number;
  p99Ms: number;
  serverCpuPercent: number | null;
  loadGeneratorCpuPercent: number;
  /** CPU that neither the server nor this process used: on a shared machine, other people's work. */
  otherCpuPercent: number | null;
}

/**
 * Puts `target` under load for `seconds` with autocannon in this process and reports requests per second
 * (autocannon's mean of per-second counts) and p99 latency. Throws when a single response was not 2xx or a
 * request failed: a rate of 401s or of errors measures nothing.
 */
export async function applyLoad(
  target: LoadTarget,
  seconds: number,
  server: Pick<RunningServer, 'cpuSeconds' | 'describeExit'>,
): Promise<LoadRun> {
  const serverCpuBefore = server.cpuSeconds();
  const machineBefore = machineBusySeconds();
  const loadCpuBefore = process.cpuUsage();
  const startedAt = performance.now();
  const errorKinds = new Map<string, number>();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.url,
        headers: target.headers,
        method: target.method ?? 'GET',
        ...(target.body === undefined ? {} : { body: target.body }),
        connections: CONNECTIONS,
        duration: seconds,
      },
      (error: unknown, finished: autocannon.Result) => (error ? reject(error) : resolve(finished)),
    );
    instance.on('reqError', (error: Error & { code?: string }) => {
      const kind = error.code ?? error.message;
      errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + 1);
    });
  });
  const elapsedSeconds = (performance.now() - startedAt) / 1000;
  const serverCpuAfter = server.cpuSeconds();
  const machineAfter = machineBusySeconds();
  const loadCpu = process.cpuUsage(loadCpuBefore);
  const share = (cpuSeconds: number) => (100 * cpuSeconds) / elapsedSeconds;
  const serverCpu =
    serverCpuBefore === null || serverCpuAfter === null ? null : serverCpuAfter - serverCpuBefore;
  const loadGeneratorCpu = (loadCpu.user + loadCpu.system) / 1e6;

  const failed = result.non2xx + result.errors + result.timeouts;
  if (failed > 0 || result['2xx'] === 0) {
    const statuses = Object.entries(result.statusCodeStats ?? {})
      .map(([status, stats]) => `${status}: ${stats.count ?? 0}`)
      .join(', ');
    throw new Error(
      `${target.label}: ${result.non2xx} non-2xx responses (${statuses || 'none answered'}), ` +
        `${result.errors} errors (${[...errorKinds].map(([kind, count]) => `${kind}: ${count}`).join(', ')}), ` +
        `${result.timeouts} timeouts out of ${result.requests.sent} requests` +
        `${server.describeExit() ? `; the server ${server.describeExit()}` : ''}; ` +
        'a figure of failed requests measures nothing',
    );
  }
  return {
    requestsPerSecond: result.requests.average,
    p99Ms: result.latency.p99,
    serverCpuPercent: serverCpu === null ? null : share(serverCpu),
    loadGeneratorCpuPercent: share(loadGeneratorCpu),
    otherCpuPercent:
      serverCpu === null || machineBefore === null || machineAfter === null
        ? null
        : Math.max(0, share(machineAfter - machineBefore - serverCpu - loadGeneratorCpu)),
  };
}
