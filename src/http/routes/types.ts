import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../app/ports.js';
import type { Config } from '../../config.js';

/** The Fastify instance routes register on, typed by the zod schemas. */
export type Api = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface RouteContext {
  deps: Deps;
  config: Pick<
    Config,
    | 'cookieSecure'
    | 'sessionMaxHours'
    | 'sealUploadLimitBytes'
    | 'documentUploadLimitBytes'
    | 'importLimitBytes'
  >;
  /** Extra readiness checks (pending migrations). */
  readiness: () => Promise<string | undefined>;
}
