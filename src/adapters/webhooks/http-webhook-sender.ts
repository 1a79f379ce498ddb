import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { WebhookSender } from '../../app/ports.js';

/** Private, loopback, link-local and unique-local addresses: inside the authority's own network. */
function isPrivateAddress(address: string): boolean {
  if (isIP(address) === 4) {
    const [a, b] = address.split('.').map(Number) as [number, number];
    return (
      a === 10 ||
      a === 127 ||
      a === 0 ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  const lower = address.toLowerCase();
  return (
    lower === '::1' ||
    lower === '::' ||
    lower.startsWith('fc') ||
    lower.startsWith('fd') ||
    lower.startsWith('fe80')
  );
}

/**
 * Posts webhooks with fetch and a timeout. Unless `allowPrivate` (tests, a closed network), a URL whose
 * host resolves to a private or loopback address is refused: an enterprise must not make the server call
 * into the authority's own network.
 */
export function createHttpWebhookSender(options: {
  timeoutMs: number;
  allowPrivate: boolean;
}): WebhookSender {
  return {
    async post(url, body, headers) {
      const target = new URL(url);
      if (!options.allowPrivate) {
        const host = target.hostname.replace(/^\[|\]$/g, '');
        const addresses = isIP(host)
          ? [host]
          : (await lookup(host, { all: true })).map((entry) => entry.address);
        if (addresses.some(isPrivateAddress))
          throw new Error(
            `${target.hostname} resolves to a private address; webhooks go to public addresses only`,
          );
      }
      const response = await fetch(target, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      await response.body?.cancel();
      return { status: response.status };
    },
  };
}
