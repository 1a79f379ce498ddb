// `npm run bench [-- filter ...]`: runs every bench/*.bench.ts (only those whose name contains one of the
// filters, when given), prints one JSON line per figure on stdout and then a table on stderr.
// Exit code: 0 all targets met; 1 a figure missed its target; 2 a benchmark failed or none matched.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import type { BenchmarkModule, Figure } from './support/figures.js';
import { meetsTarget } from './support/figures.js';

const benchmarkExports = z.object({
  name: z.string().min(1),
  run: z.custom<BenchmarkModule['run']>((value) => typeof value === 'function'),
});

/** Every `*.bench.ts` beside this file, in name order: adding a benchmark is adding a file. */
async function discoverBenchmarks(): Promise<BenchmarkModule[]> {
  const files = fs
    .readdirSync(import.meta.dirname)
    .filter((file) => file.endsWith('.bench.ts'))
    .sort();
  const benchmarks: BenchmarkModule[] = [];
  for (const file of files) {
    const exported: unknown = await import(pathToFileURL(path.join(import.meta.dirname, file)).href);
    const parsed = benchmarkExports.safeParse(exported);
    if (!parsed.success) throw new Error(`bench/${file} must export a name (string) and an async run()`);
    if (benchmarks.some((benchmark) => benchmark.name === parsed.data.name)) {
      throw new Error(`bench/${file}: a benchmark named ${parsed.data.name} exists already`);
    }
    benchmarks.push(parsed.data);
  }
  return benchmarks;
}

const filters = process.argv.slice(2).map((filter) => filter.toLowerCase());
const benchmarks = await discoverBenchmarks().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  return process.exit(2);
});
const selected = benchmarks.filter(
  (benchmark) =>
    filters.length === 0 || filters.some((filter) => benchmark.name.toLowerCase().includes(filter)),
);
if (selected.length === 0) {
  console.error(
    `No benchmark name contains ${filters.map((filter) => `"${filter}"`).join(' or ')}. ` +
      `Known: ${benchmarks.map((benchmark) => benchmark.name).join(', ')}`,
  );
  process.exit(2);
}

/** Which code was measured: the commit, and whether the working tree differed from it. */
function describeCode(): string {
  const git = (...args: string[]) =>
    spawnSync('git', args, { cwd: import.meta.dirname, encoding: 'utf8' }).stdout?.trim() ?? '';
  const commit = git('rev-parse', '--short', 'HEAD');
  if (!commit) return 'not a git checkout';
  return git('status', '--porcelain', '--untracked-files=no') ? `${commit} with uncommitted changes` : commit;
}
console.error(
  `${new Date().toISOString()}  code ${describeCode()}  node ${process.version}  ` +
    `${os.availableParallelism()} cores  ${os.cpus()[0]?.model ?? ''}`,
);

const measured: Array<{ benchmark: string; figure: Figure }> = [];
const failed: string[] = [];
for (const benchmark of selected) {
  console.error(`running ${benchmark.name}`);
  try {
    for (const figure of await benchmark.run()) {
      measured.push({ benchmark: benchmark.name, figure });
      const { name, value, unit, target } = figure;
      console.log(JSON.stringify({ name, value, unit, target }));
    }
  } catch (error) {
    failed.push(benchmark.name);
    console.error(`\nFAILED ${benchmark.name}: ${error instanceof Error ? error.message : String(error)}\n`);
  }
}

const formatValue = (figure: Figure) =>
  `${Number.isFinite(figure.value) ? figure.value.toLocaleString('en-US') : 'n/a'} ${figure.unit}`;
const header = ['benchmark', 'figure', 'value', 'target', 'result'];
const rows = [
  ...measured.map(({ benchmark, figure }) => [
    benchmark,
    figure.name,
    formatValue(figure),
    figure.target ?? '',
    figure.check ? (meetsTarget(figure) ? 'met' : 'MISSED') : '',
  ]),
  ...failed.map((benchmark) => [benchmark, '(no figures)', '', '', 'FAILED']),
];
const widths = header.map((_, column) =>
  Math.max(...[header, ...rows].map((row) => (row[column] ?? '').length)),
);
const line = (row: string[]) =>
  row
    .map((cell, column) => cell.padEnd(widths[column] ?? 0))
    .join('  ')
    .trimEnd();
console.error(
  ['', '== benchmark summary ==', line(header), line(widths.map((width) => '-'.repeat(width)))]
    .concat(rows.map(line))
    .join('\n'),
);

const missed = measured.filter(({ figure }) => !meetsTarget(figure)).length;
if (failed.length > 0) process.exit(2);
process.exit(missed > 0 ? 1 : 0);
