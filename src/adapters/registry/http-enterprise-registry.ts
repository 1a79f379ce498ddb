import { z } from 'zod';
import type { EnterpriseRegistry, RegisteredEnterprise } from '../../app/ports.js';
import { RegistryRejectedError, RegistryUnavailableError } from '../../app/ports.js';

export interface HttpRegistryOptions {
  baseUrl: string;
  /** Per attempt. */
  timeoutMs: number;
  /** Further attempts after the first, for network errors, timeouts and 5xx answers. */
  retries: number;
  /** Delay before retry n is backoffMs x 2^(n-1). */
  backoffMs: number;
  sleep?: (milliseconds: number) => Promise<void>;
}

// The registry's answer is checked like any other input crossing into Origo.
const registeredEnterprise = z.object({
  uscc: z.string(),
  customsCode: z.string(),
  nameZh: z.string(),
  nameEn: z.string().nullable(),
  addressZh: z.string(),
  addressEn: z.string().nullable(),
  divisionCode: z.string().regex(/^\d{6}$/),
  customsDistrict: z.string(),
  legalRepresentative: z.string(),
  telephone: z.string(),
  email: z.string(),
  status: z.enum(['active', 'suspended']),
});

class RetryableError extends Error {}

/** The registry over HTTP, with a timeout per attempt and retries with exponential backoff. */
export function createHttpEnterpriseRegistry(options: HttpRegistryOptions): EnterpriseRegistry {
  const sleep =
    options.sleep ?? ((milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds)));

  async function attempt(url: string, init: RequestInit): Promise<Response> {
    try {
      const response = await fetch(url, { ...init, signal: AbortSignal.timeout(options.timeoutMs) });
      if (response.status >= 500) throw new RetryableError(`HTTP ${response.status}`);
      return response;
    } catch (error) {
      if (error instanceof RetryableError) throw error;
      const name = (error as Error).name;
      throw new RetryableError(
        name === 'TimeoutError' ? `no answer within ${options.timeoutMs} ms` : (error as Error).message,
      );
    }
  }

  async function send(url: string, init: RequestInit = {}): Promise<Response> {
    let lastReason = '';
    for (let attemptNumber = 0; attemptNumber <= options.retries; attemptNumber += 1) {
      if (attemptNumber > 0) await sleep(options.backoffMs * 2 ** (attemptNumber - 1));
      try {
        return await attempt(url, init);
      } catch (error) {
        lastReason = (error as Error).message;
      }
    }
    throw new RegistryUnavailableError(`${lastReason} (after ${options.retries + 1} attempts)`);
  }

  const base = options.baseUrl.replace(/\/$/, '');
  return {
    async submitOriginProfile(uscc, profile) {
      const response = await send(`${base}/enterprises/${encodeURIComponent(uscc)}/origin-profile`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(profile),
      });
      const body = (await response.json().catch(() => ({}))) as {
        receipt?: string;
        code?: string;
        message?: string;
      };
      if (response.ok && typeof body.receipt === 'string') return { receipt: body.receipt };
      throw new RegistryRejectedError(
        body.code ?? `HTTP_${response.status}`,
        body.message ?? `HTTP ${response.status}`,
      );
    },
    async findEnterprise(uscc): Promise<RegisteredEnterprise | undefined> {
      const response = await send(`${base}/enterprises/${encodeURIComponent(uscc)}`);
      if (response.status === 404) return undefined;
      if (!response.ok) throw new RegistryUnavailableError(`unexpected HTTP ${response.status}`);
      const parsed = registeredEnterprise.safeParse(await response.json());
      if (!parsed.success)
        throw new RegistryUnavailableError(`malformed answer: ${parsed.error.issues[0]?.message}`);
      return parsed.data;
    },
  };
}
