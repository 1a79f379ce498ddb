import os from 'node:os';
import { jobHandlers } from '../app/jobs/handlers.js';
import { JobRunner } from '../app/jobs/job-runner.js';
import { seedDemoData } from '../app/demo/seed-demo-data.js';
import { seedDemoApplications } from '../app/demo/seed-demo-applications.js';
import { ensureSigningKey } from '../app/signing/generate-signing-key.js';
import { purgeExpiredRecords } from '../app/maintenance/purge-expired-records.js';
import { pendingMigrations } from '../adapters/db/connection.js';
import { databaseTargetOf, openRuntime } from '../compose.js';
import type { Config } from '../config.js';
import { buildApp } from '../http/app.js';
import { createPdfCertificateRenderer } from '../pdf/certificate-renderer.js';

/** Starts the whole server: database, background jobs, HTTP. Stops cleanly on SIGINT and SIGTERM. */
export async function startServer(
  config: Config,
  options: { demo: boolean; demoApplications?: boolean; onDemoSeeded?: () => void },
): Promise<void> {
  const runtime = await openRuntime(databaseTargetOf(config), config, {
    renderer: createPdfCertificateRenderer(),
  });
  const { deps } = runtime;
  if (options.demo && (await deps.store.organisations.count()) === 0) {
    await seedDemoData(deps, { kind: 'system', name: 'demo' });
    if (options.demoApplications) await seedDemoApplications(deps);
    options.onDemoSeeded?.();
  }
  // A demo database from before signing existed gets its key too.
  if (options.demo) await ensureSigningKey(deps, { kind: 'system', name: 'demo' });
  let migrationsCurrent = false;
  const app = await buildApp({
    deps,
    config,
    readiness: async () => {
      // Migrations only ever get applied, never unapplied: once current, no need to look again.
      if (migrationsCurrent) return undefined;
      const pending = await pendingMigrations(runtime.handle);
      migrationsCurrent = pending.length === 0;
      return pending.length ? `Migrations pending: ${pending.join(', ')}` : undefined;
    },
  });
  const jobs = new JobRunner(deps, jobHandlers(deps), {
    workerId: `${os.hostname()}:${process.pid}`,
    onError: (job, error) =>
      app.log.warn({ err: error, jobId: job.id, kind: job.kind }, 'job attempt failed'),
  });
  jobs.start(config.jobPollMs);
  const purge = () =>
    purgeExpiredRecords(deps).catch((error: unknown) =>
      app.log.warn({ err: error }, 'purge of expired records failed'),
    );
  const purgeTimer = setInterval(purge, 60 * 60_000);
  purgeTimer.unref();
  void purge();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'stopping');
    clearInterval(purgeTimer);
    await jobs.stop();
    await app.close();
    await runtime.close();
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const where = config.dataDir;
  app.log.info(
    { database: config.databaseUrl ? 'postgresql' : `sqlite (${config.sqliteFile})`, dataDir: where },
    `Origo is serving on http://localhost:${config.port}`,
  );
  console.log(`Origo is serving on http://localhost:${config.port} (API reference: /api/docs)`);
}
