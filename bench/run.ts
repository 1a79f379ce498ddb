// `npm run bench [-- filter]`: runs the benchmarks, prints one JSON line per figure on stdout, then a
// table on stderr. Exits 1 when a figure misses its target.
import { httpAuthVsHealthz } from './http-auth-vs-healthz.bench.js';
import type { Benchmark, Figure } from './support.js';

const BENCHMARKS: Benchmark[] = [httpAuthVsHealthz];

const filter = process.argv[2]?.toLowerCase();
const selected = BENCHMARKS.filter((benchmark) => !filter || benchmark.name.toLowerCase().includes(filter));
if (selected.length === 0) {
  console.error(
    `No benchmark matches "${filter}". Known: ${BENCHMARKS.map((benchmark) => benchmark.name).join('; ')}`,
  );
  process.exit(2);
}

const meets = (figure: Figure): boolean =>
  !figure.check ||
  (figure.check.op === '>=' ? figure.value >= figure.check.value : figure.value <= figure.check.value);

const figures: Figure[] = [];
for (const benchmark of selected) {
  console.error(`running: ${benchmark.name}`);
  for (const figure of await benchmark.run()) {
    figures.push(figure);
    console.log(
      JSON.stringify({ name: figure.name, value: figure.value, unit: figure.unit, target: figure.target }),
    );
  }
}

const rows = figures.map((figure) => [
  figure.name,
  `${figure.value} ${figure.unit}`,
  figure.target ?? '',
  figure.check ? (meets(figure) ? 'ok' : 'MISSED') : '',
]);
const widths = [0, 1, 2, 3].map((column) =>
  Math.max(...[['figure', 'value', 'target', ''], ...rows].map((row) => row[column]!.length)),
);
const line = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ');
console.error(
  `\n${line(['figure', 'value', 'target', ''])}\n${widths.map((width) => '-'.repeat(width)).join('  ')}`,
);
for (const row of rows) console.error(line(row));
process.exit(figures.every(meets) ? 0 : 1);
