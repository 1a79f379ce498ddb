// `npx tsx bench/perf-diff.ts A.txt REQUESTS_A B.txt REQUESTS_B [--leaf] [--under TEXT]`
//
// Where one route's time goes compared with another's, kernel included: the server's samples from `perf
// record -F 2000 -g -p PID` (node started with `--perf-basic-prof`, so JavaScript frames have names),
// printed with `perf script`, each loaded with one route only; REQUESTS is the number answered while perf
// recorded. Prints µs per request by function, B minus A, largest first.
//
// By default a sample counts for its innermost JavaScript function, so time in native code and in the
// kernel (a system call, a wake-up) counts for the JavaScript that asked for it; `--leaf` counts it for
// the innermost frame instead. `--under TEXT` keeps only samples with a frame containing TEXT (for
// example `__GI___writev`: what the socket writes cost, by kernel function). V8 CPU profiles
// (bench/profile-diff.ts) cannot see inside a system call; this can.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { printPerRequestDifference } from './support/per-request-difference.js';

const SAMPLE_MICROS = 500; // perf record -F 2000

/** A `perf script` frame line ("\t    7f04631e0cc5 JS:*all file:///…:30:12+0x85 (/tmp/perf-1.map)"): its symbol. */
function symbolOf(line: string): string {
  return line
    .trim()
    .replace(/^[0-9a-f]+ /, '')
    .replace(/\+0x[0-9a-f]+/, '')
    .replace(/ \([^)]*\)$/, '')
    .replace(/file:\/\/\S*?\/(src|bench)\//, '$1/')
    .replace(/\S*node_modules\//, '');
}

interface Options {
  leaf: boolean;
  under: string | undefined;
}

/** µs per request by function over the samples `options` keep. */
function microsPerRequest(file: string, requests: number, options: Options): Map<string, number> {
  const micros = new Map<string, number>();
  for (const sample of fs.readFileSync(file, 'utf8').split('\n\n')) {
    const lines = sample.split('\n').filter((line) => line.trim() !== '');
    if (lines.length < 2) continue; // the first line names the process and the event; frames follow
    const frames = lines.slice(1).map(symbolOf);
    if (options.under !== undefined && !frames.some((frame) => frame.includes(options.under!))) continue;
    const name = options.leaf
      ? frames[0]!
      : (frames.find((frame) => frame.startsWith('JS:')) ?? `(native) ${frames[0]}`);
    micros.set(name, (micros.get(name) ?? 0) + SAMPLE_MICROS / requests);
  }
  return micros;
}

const usage = 'usage: npx tsx bench/perf-diff.ts A.txt REQUESTS_A B.txt REQUESTS_B [--leaf] [--under TEXT]';
let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: { leaf: { type: 'boolean', default: false }, under: { type: 'string' } },
  });
} catch {
  parsed = undefined;
}
const args = z
  .tuple([z.string(), z.coerce.number().positive(), z.string(), z.coerce.number().positive()])
  .safeParse(parsed?.positionals);
if (!parsed || !args.success) {
  console.error(usage);
  process.exit(2);
}
const options: Options = { leaf: parsed.values.leaf, under: parsed.values.under };
const [fileA, requestsA, fileB, requestsB] = args.data;
const a = microsPerRequest(fileA, requestsA, options);
const b = microsPerRequest(fileB, requestsB, options);
printPerRequestDifference(a, b, options.under ? ` under ${options.under}` : '');
