import type { FastifyInstance } from 'fastify';

/**
 * Handles each request in the check phase of the event loop turn that read it, after the poll phase has
 * read every request that arrived together (ADR 0013), and sends the answers a turn made together, at
 * the start of the next check phase (ADR 0014).
 *
 * Without the first, Node runs a request's whole handling (authentication, the use case, its database
 * reads, the answer) inside the callback that parsed it, so parsing and handling alternate request by
 * request and each evicts the other's code and data from the processor's caches. Staged, a turn parses its
 * requests one after another, then handles them one after another (sharing the turn's database read
 * transaction, ADR 0012).
 *
 * Without the second, each answer is written as soon as it is made, while the next request is handled: a
 * client or proxy on the same machine that has read the previous answer is asleep again, and each write
 * wakes it (several µs of the server's time on a virtual machine). Held until the turn's handling is done,
 * the answers are written one right after another and the first write's wake-up serves them all.
 *
 * Registered before every other hook, so that all of a request's handling is staged. A request alone in its
 * turn waits for nothing: the check phase follows the poll phase that read it at once, and its answer
 * leaves after one more poll phase that does not wait (an immediate is pending).
 */
export function registerRequestStage(app: FastifyInstance): void {
  app.addHook('onRequest', (_request, _reply, done) => {
    setImmediate(done);
  });

  /** The `onSend` continuations of the answers made since the last send. */
  let held: Array<() => void> = [];
  const sendHeld = () => {
    const answers = held;
    held = [];
    for (const send of answers) {
      try {
        send();
      } catch (error) {
        // Fastify reports its own failures on the reply; this keeps one answer's fault from holding others.
        app.log.error({ err: error }, 'sending a held answer failed');
      }
    }
  };
  app.addHook('onSend', (_request, _reply, _payload, done) => {
    // Queued while the check phase runs, the immediate runs at the start of the next one.
    if (held.length === 0) setImmediate(sendHeld);
    held.push(done);
  });
}
