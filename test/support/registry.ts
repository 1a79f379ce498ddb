import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './net.js';

const root = path.resolve(import.meta.dirname, '..', '..');

/** `origo registry serve` in its own process, which a test can stop and start again to see an outage. */
export class RegistryProcess {
  private child: ChildProcess | undefined;
  private constructor(
    readonly port: number,
    private readonly dataDir: string,
  ) {}

  static async start(): Promise<RegistryProcess> {
    const registry = new RegistryProcess(
      await freePort(),
      fs.mkdtempSync(path.join(os.tmpdir(), 'origo-registry-')),
    );
    await registry.restart();
    return registry;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async restart(): Promise<void> {
    const child = spawn(
      path.join(root, 'node_modules', '.bin', 'tsx'),
      ['src/cli/main.ts', 'registry', 'serve', '--port', String(this.port), '--data-dir', this.dataDir],
      { cwd: root, stdio: 'ignore' },
    );
    this.child = child;
    const deadline = Date.now() + 30_000;
    while (
      !(await fetch(`${this.url}/healthz`).then(
        (response) => response.ok,
        () => false,
      ))
    ) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error('the registry did not start');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }

  async close(): Promise<void> {
    await this.stop();
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }
}
