import type { FastifyInstance } from 'fastify';

/**
 * Handles each request in the check phase of the event loop turn that read it, after the poll phase has
 * read every request that arrived together (ADR 0013).
 *
 * Without this, Node runs a request's whole handling (authentication, the use case, its database reads,
 * the answer) inside the callback that parsed it, so parsing and handling alternate request by request and
 * each evicts the other's code and data from the processor's caches; and every answer is written while the
 * next request is still being handled, so a client or proxy on the same machine is woken once per answer.
 * Staged, a turn parses its requests one after another, then handles them one after another (sharing the
 * turn's database read transaction, ADR 0012), and the answers leave together.
 *
 * Registered before every other hook, so that all of a request's handling is staged. A request alone in its
 * turn waits for nothing: the check phase follows the poll phase that read it at once.
 */
export function registerRequestStage(app: FastifyInstance): void {
  app.addHook('onRequest', (_request, _reply, done) => {
    setImmediate(done);
  });
}
