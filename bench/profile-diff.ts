// `npx tsx bench/profile-diff.ts A.cpuprofile REQUESTS_A B.cpuprofile REQUESTS_B [SECONDS]`
//
// Where one route's time goes compared with another's: self time per request of every function in two V8
// CPU profiles of the server (`node --cpu-prof --cpu-prof-dir=DIR --import tsx src/cli/main.ts serve
// --demo`, each under load on one route only), over the last SECONDS of each profile (default 10: the
// measured rounds, after start-up and warm-up), divided by the requests answered in that time. Prints the
// functions whose time per request differs most, B minus A, in µs. Idle time is left out.
import fs from 'node:fs';
import { z } from 'zod';
import { printPerRequestDifference } from './support/per-request-difference.js';

const profileSchema = z.object({
  nodes: z.array(
    z.object({
      id: z.number(),
      callFrame: z.object({ functionName: z.string(), url: z.string(), lineNumber: z.number() }),
    }),
  ),
  samples: z.array(z.number()),
  timeDeltas: z.array(z.number()),
});

/** µs of self time per request, by function, over the last `seconds` of the profile. */
function selfMicrosPerRequest(file: string, requests: number, seconds: number): Map<string, number> {
  const profile = profileSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  let elapsed = 0;
  const sampledAt = profile.timeDeltas.map((delta) => (elapsed += delta));
  const from = elapsed - seconds * 1e6;
  const micros = new Map<string, number>();
  profile.samples.forEach((nodeId, index) => {
    const frame = frames.get(nodeId);
    if (!frame || sampledAt[index]! < from || frame.functionName === '(idle)') return;
    const where = frame.url.replace(/.*node_modules\//, '').replace(/^.*?\/(src|bench)\//, '$1/');
    const name = `${frame.functionName || '(anonymous)'} ${where}:${frame.lineNumber}`;
    micros.set(name, (micros.get(name) ?? 0) + profile.timeDeltas[index]!);
  });
  for (const [name, total] of micros) micros.set(name, total / requests);
  return micros;
}

const args = z
  .tuple([z.string(), z.coerce.number().positive(), z.string(), z.coerce.number().positive()])
  .rest(z.coerce.number().positive())
  .safeParse(process.argv.slice(2));
if (!args.success) {
  console.error(
    'usage: npx tsx bench/profile-diff.ts A.cpuprofile REQUESTS_A B.cpuprofile REQUESTS_B [SECONDS]',
  );
  process.exit(2);
}
const [fileA, requestsA, fileB, requestsB, seconds = 10] = args.data;
const a = selfMicrosPerRequest(fileA, requestsA, seconds);
const b = selfMicrosPerRequest(fileB, requestsB, seconds);
printPerRequestDifference(a, b);
