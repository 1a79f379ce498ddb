import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..');

/** One measured figure. `check` makes the target machine-checkable; `target` says it for people. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  target: string | null;
  check?: { op: '>=' | '<='; value: number };
}

export interface Benchmark {
  name: string;
  run(): Promise<Figure[]>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * The real server (`origo serve --demo`) as a separate process on a fresh SQLite database. When `taskset`
 * exists it is pinned to the last core, so the load generator in this process does not share its core.
 */
export async function startServer(
  environment: Record<string, string> = {},
): Promise<{ url: string; pinned: boolean; stop(): Promise<void> }> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'origo-bench-'));
  const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
  const cores = os.availableParallelism();
  const pinned = cores > 1 && fs.existsSync('/usr/bin/taskset');
  const [command, args] = pinned
    ? ['/usr/bin/taskset', ['-c', String(cores - 1), tsx, 'src/cli/main.ts', 'serve', '--demo']]
    : [tsx, ['src/cli/main.ts', 'serve', '--demo']];
  const child = spawn(command, args, {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      ORIGO_DATA_DIR: dataDir,
      ORIGO_LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      ...environment,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (
    !(await fetch(`${url}/readyz`).then(
      (response) => response.ok,
      () => false,
    ))
  ) {
    if (child.exitCode !== null) throw new Error('the server exited before it was ready');
    if (Date.now() > deadline) throw new Error('the server was not ready within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    pinned,
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
