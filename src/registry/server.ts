import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { checkUscc } from '../domain/uscc.js';
import type { RegistryEnterprise } from './enterprises.js';
import { generateRegistryEnterprises } from './enterprises.js';

/**
 * A stand-in for the customs enterprise qualification registry, an external system Origo reaches over
 * HTTP. It has its own database and runs as its own process (`origo registry serve`), so tests cross a
 * real network hop and can stop it to see an outage.
 *
 * GET  /enterprises/:uscc                 the registered enterprise, or 404
 * PUT  /enterprises/:uscc/origin-profile  receive Origo's maintained record; 202 with a receipt id
 * GET  /healthz
 */
export function openRegistryDatabase(dataDir: string): BetterSqlite3.Database {
  fs.mkdirSync(dataDir, { recursive: true });
  const database = new BetterSqlite3(path.join(dataDir, 'registry.sqlite'));
  database.pragma('journal_mode = WAL');
  database.exec(`
    create table if not exists enterprises (uscc text primary key, record text not null);
    create table if not exists origin_profiles (
      receipt text primary key, uscc text not null, received_at text not null, profile text not null
    );
  `);
  const count = (database.prepare('select count(*) as n from enterprises').get() as { n: number }).n;
  if (count === 0) {
    const insert = database.prepare('insert into enterprises (uscc, record) values (?, ?)');
    database.transaction((enterprises: RegistryEnterprise[]) => {
      for (const enterprise of enterprises) insert.run(enterprise.uscc, JSON.stringify(enterprise));
    })(generateRegistryEnterprises());
  }
  return database;
}

export function buildRegistryApp(database: BetterSqlite3.Database): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: 256 * 1024 });
  const find = database.prepare('select record from enterprises where uscc = ?');
  const store = database.prepare(
    'insert into origin_profiles (receipt, uscc, received_at, profile) values (?, ?, ?, ?)',
  );

  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get<{ Params: { uscc: string } }>('/enterprises/:uscc', async (request, reply) => {
    const row = find.get(request.params.uscc) as { record: string } | undefined;
    if (!row)
      return reply.status(404).send({ code: 'NOT_REGISTERED', message: 'No enterprise with this USCC.' });
    return reply.type('application/json').send(row.record);
  });

  app.put<{ Params: { uscc: string }; Body: Record<string, unknown> }>(
    '/enterprises/:uscc/origin-profile',
    async (request, reply) => {
      const { uscc } = request.params;
      if (checkUscc(uscc))
        return reply.status(400).send({ code: 'INVALID_USCC', message: 'The USCC is malformed.' });
      const row = find.get(uscc) as { record: string } | undefined;
      if (!row)
        return reply.status(404).send({ code: 'NOT_REGISTERED', message: 'No enterprise with this USCC.' });
      const enterprise = JSON.parse(row.record) as RegistryEnterprise;
      if (enterprise.status !== 'active') {
        return reply
          .status(409)
          .send({ code: 'QUALIFICATION_SUSPENDED', message: 'The enterprise qualification is suspended.' });
      }
      const receipt = `R${Date.now().toString(36).toUpperCase()}${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
      store.run(receipt, uscc, new Date().toISOString(), JSON.stringify(request.body ?? {}));
      return reply.status(202).send({ receipt });
    },
  );
  return app;
}
