import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { registerRequestStage } from '../../src/http/request-stage.js';

describe('request stage (ADR 0013): requests are handled after the poll phase that read them', () => {
  const apps: Array<ReturnType<typeof Fastify>> = [];
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
  });

  /** A server whose first hook queues an immediate as each request is read, then the stage. */
  async function stagedServer(order: string[]) {
    const app = Fastify();
    apps.push(app);
    app.addHook('onRequest', (request, _reply, done) => {
      setImmediate(() => order.push(`immediate queued when ${request.url} was read`));
      done();
    });
    registerRequestStage(app);
    app.addHook('onRequest', async (request, reply) => {
      if (request.headers.authorization !== 'Bearer ok')
        await reply.code(401).send({ code: 'UNAUTHENTICATED' });
    });
    app.get('/answer', async () => {
      order.push('handled /answer');
      return { answer: 42 };
    });
    return app.listen({ host: '127.0.0.1', port: 0 });
  }

  it('runs the hooks after it and the handler once the immediates queued while reading have run', async () => {
    const order: string[] = [];
    const url = await stagedServer(order);
    const response = await fetch(`${url}/answer`, { headers: { authorization: 'Bearer ok' } });
    expect(response.status).toBe(200);
    await expect(response.json()).resolves.toEqual({ answer: 42 });
    // Unstaged, the handler would run in the same phase as the reading, before the immediate.
    expect(order).toEqual(['immediate queued when /answer was read', 'handled /answer']);
  });

  it('still answers a request that a later hook refuses, and runs no handler for it', async () => {
    const order: string[] = [];
    const url = await stagedServer(order);
    const response = await fetch(`${url}/answer`);
    expect(response.status).toBe(401);
    await expect(response.json()).resolves.toEqual({ code: 'UNAUTHENTICATED' });
    expect(order).toEqual(['immediate queued when /answer was read']);
  });
});
