import v8 from 'node:v8';

/**
 * V8 allocates the objects of an allocation site straight in the old generation ("pretenuring") once it
 * sees most of them survive a young-generation collection. In the server that guess misfires: after a few
 * certificates had been issued (the demo's seeding is enough), a site that every request also uses was
 * pretenured, so each request's short-lived objects went to the old generation and kept young ones alive;
 * young-generation collections then took 7–10 ms instead of 0.7 ms and `GET /healthz` used about 72 µs of
 * CPU instead of 48 (docs/BENCHMARKS.md, 2026-11-27). Requests make short-lived objects, so the guess is
 * turned off for the whole process. Imported first by the CLI's entry point, before anything allocates.
 */
v8.setFlagsFromString('--no-allocation-site-pretenuring');
