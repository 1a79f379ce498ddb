#!/usr/bin/env node
// `npm test`: every check and every test. Type-check (tests included), lint, layer rules, then the whole
// Vitest suite (unit, persistence on SQLite and PostgreSQL, HTTP, CLI, browser). Ends with one summary line
// "Tests: N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const only = process.argv.slice(2);

function step(title, command, args) {
  console.log(`\n=== ${title} ===`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  return result.status === 0;
}

let ok = true;
if (only.length === 0) {
  ok = step('Type-check (server, tests, web)', 'npm', ['run', '--silent', 'typecheck']) && ok;
  ok = step('Lint (zero warnings)', 'npm', ['run', '--silent', 'lint']) && ok;
  ok = step('Layer rules (dependency-cruiser)', 'npm', ['run', '--silent', 'depcruise']) && ok;
  ok =
    step('Build the web portal (for the browser tests)', 'npm', [
      'run',
      '--silent',
      'build:web',
      '--',
      '--logLevel',
      'warn',
    ]) && ok;
}

const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'origo-vitest-')), 'report.json');
ok =
  step('Tests (Vitest)', bin('vitest'), [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...only,
  ]) && ok;

if (fs.existsSync(report)) {
  const summary = JSON.parse(fs.readFileSync(report, 'utf8'));
  const skipped = summary.numPendingTests + summary.numTodoTests;
  console.log(
    `\nTests: ${summary.numPassedTests} passed, ${summary.numFailedTests} failed, ${skipped} skipped`,
  );
} else {
  console.log('\nTests: 0 passed, 1 failed (the test runner did not report)');
  ok = false;
}
process.exit(ok ? 0 : 1);
