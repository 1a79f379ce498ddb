import net from 'node:net';
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { registerRequestStage } from '../../src/http/request-stage.js';

describe('request stage (ADR 0013, 0014): requests handled after the poll phase, answers sent together', () => {
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

  it('sends the answers of one turn after every request of that turn was handled', async () => {
    const order: string[] = [];
    const app = Fastify();
    apps.push(app);
    registerRequestStage(app);
    app.addHook('onResponse', async (request) => {
      order.push(`sent ${request.url}`);
    });
    app.get('/:name', async (request) => {
      order.push(`handled ${request.url}`);
      return { ok: true };
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as net.AddressInfo;
    // Two requests in one write on one connection (pipelined): the server reads them in one poll phase.
    const socket = net.connect(port, '127.0.0.1');
    let received = '';
    await new Promise<void>((resolve, reject) => {
      socket.on('error', reject);
      socket.on('data', (chunk) => {
        received += chunk.toString('latin1');
        if (received.split('HTTP/1.1 200 OK').length === 3) resolve();
      });
      socket.write('GET /first HTTP/1.1\r\nHost: x\r\n\r\nGET /second HTTP/1.1\r\nHost: x\r\n\r\n');
    });
    socket.destroy();
    // Sent as each was made, /first would leave before /second was handled.
    expect(order).toEqual(['handled /first', 'handled /second', 'sent /first', 'sent /second']);
  });
});
