const SHOWN = 40;

const sum = (micros: Map<string, number>) => [...micros.values()].reduce((total, value) => total + value, 0);

/**
 * Prints two routes' µs per request, in all and by function (B minus A), the 40 functions that differ
 * most first: the table bench/profile-diff.ts and bench/perf-diff.ts share.
 */
export function printPerRequestDifference(a: Map<string, number>, b: Map<string, number>, scope = ''): void {
  console.log(`µs per request${scope}: A ${sum(a).toFixed(1)}, B ${sum(b).toFixed(1)}`);
  console.log('  B - A       A       B  function');
  const rows = [...new Set([...a.keys(), ...b.keys()])]
    .map((name) => ({ name, a: a.get(name) ?? 0, b: b.get(name) ?? 0 }))
    .sort((left, right) => Math.abs(right.b - right.a) - Math.abs(left.b - left.a))
    .slice(0, SHOWN);
  const cell = (value: number) => value.toFixed(2).padStart(7);
  for (const row of rows) console.log(`${cell(row.b - row.a)} ${cell(row.a)} ${cell(row.b)}  ${row.name}`);
}
