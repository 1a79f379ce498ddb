#!/usr/bin/env node
// `npm start`: installs what is missing, builds the web portal when its sources changed, then serves the
// whole system on the embedded database with demo data (the database is created and migrated on start).
// Plain Node with no dependencies, because it runs before they are installed.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const say = (message) => console.log(`[origo] ${message}`);

function run(command, args) {
  say(`${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`[origo] "${command} ${args.join(' ')}" failed (exit ${result.status}).`);
    process.exit(result.status ?? 1);
  }
}

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`[origo] Node ${process.versions.node} is too old: use Node 20.19 or newer.`);
  process.exit(1);
}

const newestMtime = (entry) => {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
};

// 1. Dependencies: install when missing or when package-lock.json changed since the last install.
const installedMarker = path.join(root, 'node_modules', '.package-lock.json');
const lockFile = path.join(root, 'package-lock.json');
if (!fs.existsSync(installedMarker) || fs.statSync(lockFile).mtimeMs > fs.statSync(installedMarker).mtimeMs) {
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

// 2. The web portal: build when web/dist is missing or older than its sources.
const dist = path.join(root, 'web', 'dist', 'index.html');
const sources = Math.max(
  newestMtime(path.join(root, 'web', 'src')),
  newestMtime(path.join(root, 'web', 'index.html')),
  newestMtime(path.join(root, 'web', 'verify.html')),
  newestMtime(path.join(root, 'web', 'vite.config.ts')),
  newestMtime(path.join(root, 'web', 'precompress.ts')),
);
if (!fs.existsSync(dist) || fs.statSync(dist).mtimeMs < sources) {
  run(process.execPath, [
    path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
    'build',
    '--config',
    'web/vite.config.ts',
    '--logLevel',
    'warn',
  ]);
}

// 3. The stand-in enterprise qualification registry, in its own process, unless ORIGO_REGISTRY_URL
//    points at another one.
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const children = [];
if (!process.env.ORIGO_REGISTRY_URL) {
  const registryPort = process.env.ORIGO_REGISTRY_PORT ?? '8081';
  const dataDir = path.resolve(process.env.ORIGO_DATA_DIR ?? '.origo');
  say(`starting the enterprise registry stand-in on port ${registryPort}`);
  children.push(
    spawn(
      tsx,
      [
        'src/cli/main.ts',
        'registry',
        'serve',
        '--port',
        registryPort,
        '--data-dir',
        path.join(dataDir, 'registry'),
      ],
      {
        cwd: root,
        stdio: 'inherit',
      },
    ),
  );
  process.env.ORIGO_REGISTRY_URL = `http://127.0.0.1:${registryPort}`;
}

// 4. Serve, with demo data when the database is new. Signals go to both processes so they stop cleanly.
const server = spawn(
  tsx,
  ['src/cli/main.ts', 'serve', '--demo', '--demo-applications', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
children.push(server);
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => children.forEach((child) => child.kill(signal)));
server.on('exit', (code, signal) => {
  children.forEach((child) => child.kill('SIGTERM'));
  process.exit(code ?? (signal ? 1 : 0));
});
