import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController } from 'fastify';
import type { FastifyServerOptions } from 'fastify';
import type { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { Deps } from '../app/ports.js';
import type { Config } from '../config.js';
import { registerAuthentication } from './auth.js';
import { applicationRoutes } from './routes/applications.js';
import { reviewRoutes } from './routes/review.js';
import { receiptRoutes } from './routes/receipts.js';
import { originRoutes } from './routes/origin.js';
import { evidenceRoutes } from './routes/evidence.js';
import { preReviewRoutes } from './routes/pre-reviews.js';
import { verificationCaseRoutes } from './routes/verification-cases.js';
import { notificationRoutes } from './routes/notifications.js';
import { signatureRoutes } from './routes/signatures.js';
import { printingRoutes } from './routes/printing.js';
import type { PublicRateLimits } from './routes/verification.js';
import { defaultPublicRateLimits, verificationRoutes } from './routes/verification.js';
import { registerErrorHandling } from './error-handler.js';
import { registerRequestStage } from './request-stage.js';
import { compileResponseSerializer } from './response-serializer.js';
import { registerSecurityHeaders } from './security-headers.js';
import { accountRoutes } from './routes/account.js';
import { adminRoutes } from './routes/admin.js';
import { agentRoutes } from './routes/agents.js';
import { sealRoutes } from './routes/seals.js';
import { officeSealRoutes } from './routes/office-seals.js';
import { apiKeyRoutes } from './routes/api-keys.js';
import { enterpriseRoutes } from './routes/enterprises.js';
import { healthRoutes } from './routes/health.js';
import { organisationRoutes } from './routes/organisations.js';
import { sessionRoutes } from './routes/session.js';
import type { Api, RouteContext } from './routes/types.js';
import { userRoutes } from './routes/users.js';

export type HttpConfig = Pick<
  Config,
  | 'cookieSecure'
  | 'sealUploadLimitBytes'
  | 'documentUploadLimitBytes'
  | 'importLimitBytes'
  | 'sessionMaxHours'
  | 'bodyLimitBytes'
  | 'trustProxy'
  | 'logLevel'
  | 'webDistDir'
  | 'publicUrl'
> &
  Partial<Pick<Config, 'captchaSecret' | 'verifyApiRatePerMinute'>>;

export interface BuildAppOptions {
  deps: Deps;
  config: HttpConfig;
  readiness?: () => Promise<string | undefined>;
  /** A pino logger or logger options; tests pass `false`. */
  logger?: FastifyServerOptions['logger'];
  /** Public verification's rate limits, where tests want others than the defaults (ADR 0010). */
  publicRateLimits?: Partial<PublicRateLimits>;
}

/** Builds the HTTP application: API, OpenAPI document and reference page, and the web portal. */
export async function buildApp(options: BuildAppOptions): Promise<Api> {
  const { deps, config } = options;
  const app = Fastify({
    logger: options.logger ?? { level: config.logLevel },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    // Probes would drown the access log; everything else is logged with its request id.
    logController: new LogController({
      requestIdLogLabel: 'requestId',
      disableRequestLogging: (request) => request.url === '/healthz' || request.url === '/readyz',
    }),
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  // zod's checks on every answer, compiled where the schema allows (src/http/response-serializer.ts).
  app.setSerializerCompiler<z.ZodType>((route) =>
    compileResponseSerializer(route.schema, serializerCompiler(route)),
  );
  registerRequestStage(app); // first: every later hook runs in the stage
  app.addHook('onSend', (request, reply, _payload, done) => {
    void reply.header('x-request-id', request.id);
    done();
  });

  registerErrorHandling(app);
  registerSecurityHeaders(app, { https: config.cookieSecure });
  await app.register(fastifyCookie);
  // Uploads are streamed; the use case enforces the size limit itself while storing.
  await app.register(fastifyMultipart, {
    limits: {
      files: 1,
      fields: 10,
      fieldSize: 1000,
      fileSize: Math.max(config.sealUploadLimitBytes, config.documentUploadLimitBytes) + 1,
    },
  });
  registerAuthentication(app, deps);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Origo API',
        version: '0.1.0',
        description:
          'Certificates of origin: application, review, printing, verification. Errors always have the shape ' +
          '`{ code, message, fields }`; codes are frozen (docs/API.md). Authenticate with the session cookie ' +
          '(and the `x-csrf-token` header on writes) or with `Authorization: Bearer <API key>`.',
      },
      servers: [{ url: config.publicUrl }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'origo_session' },
          apiKey: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { apiKey: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    staticCSP:
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:",
    theme: { title: 'Origo API reference' },
  });

  const context: RouteContext = {
    deps,
    config,
    readiness: options.readiness ?? (async () => undefined),
  };
  healthRoutes(app, context);
  sessionRoutes(app, context);
  accountRoutes(app, context);
  organisationRoutes(app, context);
  userRoutes(app, context);
  apiKeyRoutes(app, context);
  adminRoutes(app, context);
  enterpriseRoutes(app, context);
  agentRoutes(app, context);
  sealRoutes(app, context);
  officeSealRoutes(app, context);
  applicationRoutes(app, context);
  reviewRoutes(app, context);
  receiptRoutes(app, context);
  originRoutes(app, context);
  evidenceRoutes(app, context);
  preReviewRoutes(app, context);
  verificationCaseRoutes(app, context);
  notificationRoutes(app, context);
  signatureRoutes(app, context);
  printingRoutes(app, context);
  verificationRoutes(app, context, {
    captchaSecret: config.captchaSecret,
    rateLimits: { ...defaultPublicRateLimits(config.verifyApiRatePerMinute), ...options.publicRateLimits },
  });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  if (fs.existsSync(config.webDistDir)) {
    await app.register(fastifyStatic, {
      root: config.webDistDir,
      prefix: '/',
      index: ['index.html'],
      // The build writes NAME.br and NAME.gz beside each text file (web/precompress.ts): sent as they are to
      // a browser that accepts them, the file itself to one that does not.
      preCompressed: true,
      cacheControl: false,
      setHeaders: (response, filePath) => {
        response.setHeader('vary', 'Accept-Encoding');
        // Files under assets/ carry a hash of their content in their name: kept a year, never asked again.
        // The pages (index.html, verify.html) name the current assets, so they are checked on every visit.
        const hashed = path.relative(config.webDistDir, filePath).startsWith(`assets${path.sep}`);
        response.setHeader('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    // The public verification page (the QR code's link): its own small bundle, no login (ADR 0010).
    app.get('/verify', { schema: { hide: true } }, async (_request, reply) => reply.sendFile('verify.html'));
  } else {
    app.get('/', { schema: { hide: true } }, async (_request, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .send(
          'The web portal is not built. Run `npm start` (or `npm run build:web`). The API is at /api/docs.',
        ),
    );
  }
  return app;
}
