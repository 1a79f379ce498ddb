import type { ChildProcess } from 'node:child_process';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { processGroupCpuSeconds } from './cpu.js';

export const repositoryRoot = path.resolve(import.meta.dirname, '..', '..');

/** The server gets core 1 to itself; the load generator (this process) stays on core 0. */
const SERVER_CORE = 1;
const LOAD_GENERATOR_CORE = 0;
const READY_WITHIN_MS = 60_000;
const STOP_WITHIN_MS = 10_000;

/** Read before anything is pinned: once this process is on one core, Node would report 1. */
const coresAtStart = os.availableParallelism();

export interface RunningServer {
  url: string;
  /** Whether the server runs on its own core (taskset) with the load generator on another. */
  pinned: boolean;
  /** CPU seconds the server's processes have used so far, or null where /proc cannot tell. */
  cpuSeconds(): number | null;
  /** How the server process ended ("exited with code 1", "was killed by SIGKILL"), or null while it runs. */
  describeExit(): string | null;
  /** Stops the server (SIGTERM, then SIGKILL after 10 s) and removes its data directory. */
  stop(): Promise<void>;
}

let tasksetUsable: boolean | undefined;
/** taskset exists and there are at least two cores to separate server and load generator. */
function canPin(): boolean {
  if (tasksetUsable === undefined) {
    const probe = spawnSync('taskset', ['--version'], { stdio: 'ignore' });
    tasksetUsable = coresAtStart > SERVER_CORE && probe.error === undefined && probe.status === 0;
  }
  return tasksetUsable;
}

let loadGeneratorPinned = false;
function pinThisProcess(): void {
  if (loadGeneratorPinned) return;
  const pinned = spawnSync('taskset', ['-a', '-p', '-c', String(LOAD_GENERATOR_CORE), String(process.pid)], {
    stdio: 'ignore',
  });
  if (pinned.status !== 0) throw new Error('taskset could not pin the load generator to core 0');
  loadGeneratorPinned = true;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port')),
      );
    });
  });
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Servers run in their own process group (tsx starts the real node process as a child of its own), so
// that nothing of them outlives the benchmark: a group started here is killed, and its data directory
// removed, when this process exits, however it exits.
const liveGroups = new Map<number, string>();
function signalGroup(group: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-group, signal);
    return true;
  } catch {
    return false; // ESRCH: nothing left in the group
  }
}
let cleanupInstalled = false;
function installCleanup(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  process.on('exit', () => {
    for (const [group, dataDir] of liveGroups) {
      signalGroup(group, 'SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping the benchmark server`);
      process.exit(128 + os.constants.signals[signal]);
    });
  }
}

/** Keeps the last lines the server wrote to stderr, for the error when it fails to start. */
function relayStderr(child: ChildProcess): () => string {
  const tail: string[] = [];
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    for (const line of chunk.split('\n').filter(Boolean)) {
      process.stderr.write(`[server] ${line}\n`);
      tail.push(line);
      if (tail.length > 40) tail.shift();
    }
  });
  return () => tail.join('\n');
}

/**
 * Starts the real server, `origo serve --demo`, as a separate process on a fresh embedded database and
 * waits until /readyz answers 200. Where taskset exists the server is pinned to core 1 and this process
 * (the load generator) to core 0, so the two never share a core.
 */
export async function startServer(
  environment: Record<string, string> = {},
  /** More `serve` options (`--demo-applications`). */
  serveOptions: string[] = [],
): Promise<RunningServer> {
  installCleanup();
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'origo-bench-'));
  const tsx = path.join(repositoryRoot, 'node_modules', '.bin', 'tsx');
  const serve = ['src/cli/main.ts', 'serve', '--demo', ...serveOptions];
  const pinned = canPin();
  if (pinned) pinThisProcess();
  const [command, args] = pinned ? ['taskset', ['-c', String(SERVER_CORE), tsx, ...serve]] : [tsx, serve];
  const child = spawn(command, args, {
    cwd: repositoryRoot,
    detached: true, // own process group; see liveGroups
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      ORIGO_DATA_DIR: dataDir,
      ORIGO_LOG_LEVEL: 'warn',
      DATABASE_URL: '', // always the embedded SQLite database, whatever the caller's shell says
      ...environment,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.once('error', (error) => console.error(`the server process failed: ${error.message}`));
  const group = child.pid;
  if (group === undefined) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw new Error(`could not start ${command}`);
  }
  liveGroups.set(group, dataDir);
  const stderrTail = relayStderr(child);
  let exit: string | null = null;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exit = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      resolve();
    }),
  );

  const stop = async () => {
    // SIGTERM to tsx alone: it relays the signal to the server (a second SIGTERM would kill it mid-close).
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    if (signalGroup(group, 0)) {
      const deadline = Date.now() + STOP_WITHIN_MS;
      while (signalGroup(group, 0) && Date.now() < deadline) await delay(100);
      if (signalGroup(group, 'SIGKILL')) console.error('the server did not stop within 10 s; killed it');
    }
    await exited;
    liveGroups.delete(group);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + READY_WITHIN_MS;
  try {
    for (;;) {
      if (exit) throw new Error(`the server ${exit} before it was ready:\n${stderrTail()}`);
      const status = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2000) }).then(
        (response) => response.status,
        () => 0,
      );
      if (status === 200) break;
      if (Date.now() > deadline) {
        throw new Error(`the server was not ready within 60 s (last /readyz: ${status}):\n${stderrTail()}`);
      }
      await delay(200);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url,
    pinned,
    cpuSeconds: () => processGroupCpuSeconds(group),
    describeExit: () => exit,
    stop,
  };
}
