import { randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  STATUS_LIST_LIMIT,
  getCertificateStatusList,
} from '../../app/verification/get-certificate-status-list.js';
import { getCertificateStatus } from '../../app/verification/get-certificate-status.js';
import { verifyCertificateDocument } from '../../app/verification/verify-certificate-document.js';
import { verifyCertificate } from '../../app/verification/verify-certificate.js';
import { Captcha } from '../../domain/captcha.js';
import { DomainError } from '../../domain/errors.js';
import { PUBLIC_VERDICTS } from '../../domain/public-verification.js';
import type { RateLimitRule } from '../../domain/rate-limit.js';
import { SlidingWindowLimiter } from '../../domain/rate-limit.js';
import { OFFLINE_REASONS } from '../../domain/signed-certificate.js';
import { uploadedFile } from '../multipart.js';
import { errorResponses } from '../schemas.js';
import type { Api, RouteContext } from './types.js';

/** Largest upload the document check reads: an issued PDF is far smaller (fonts are subset). */
export const VERIFY_UPLOAD_LIMIT_BYTES = 8 * 1024 * 1024;

/** Requests per client address and minute, per public operation (ADR 0010). */
export interface PublicRateLimits {
  captcha: RateLimitRule;
  verify: RateLimitRule;
  document: RateLimitRule;
  statusList: RateLimitRule;
  status: RateLimitRule;
}

export function defaultPublicRateLimits(apiPerMinute = 300): PublicRateLimits {
  const perMinute = (limit: number): RateLimitRule => ({ limit, windowMs: 60_000 });
  return {
    captcha: perMinute(30),
    verify: perMinute(20),
    document: perMinute(10),
    statusList: perMinute(10),
    status: perMinute(apiPerMinute),
  };
}

export interface VerificationOptions {
  /** HMAC key of the captcha; random per process when absent. */
  captchaSecret?: string | undefined;
  rateLimits: PublicRateLimits;
}

const Bilingual = z.object({ en: z.string(), zh: z.string() });
const Standing = z
  .object({
    certificateNumber: z.string(),
    verdict: z.enum(PUBLIC_VERDICTS),
    replacedBy: z.string().nullable(),
    cancelledAt: z.string().nullable(),
    cancellationCategory: z.string().nullable(),
  })
  .meta({ id: 'CertificateStanding' });
const PublicCertificate = z
  .object({
    certificateNumber: z.string(),
    certificateType: z.string(),
    kind: z.enum(['original', 'amendment', 'reissue']),
    replaces: z.string().nullable(),
    issueDate: z.string(),
    issuingOffice: z.object({ nameEn: z.string(), nameZh: z.string() }),
    exporterName: z.string(),
    importingCountry: z.string(),
    items: z.array(
      z.object({
        itemNumber: z.number().int(),
        description: z.string(),
        hsCode: z.string(),
        quantity: z.number().nullable(),
        quantityUnit: z.string(),
      }),
    ),
  })
  .meta({ id: 'PublicCertificate' });
const Verification = Standing.extend({
  explanation: Bilingual,
  certificate: PublicCertificate.nullable(),
  didYouMean: z.string().nullable(),
  checkedAt: z.string(),
}).meta({ id: 'CertificateVerification' });
const Reference = z.string().max(200);

/** Public verification, no login: by number and invoice number, by upload, status address, status list. */
export function verificationRoutes(app: Api, { deps }: RouteContext, options: VerificationOptions): void {
  const captcha = new Captcha({
    secret: options.captchaSecret ? Buffer.from(options.captchaSecret, 'utf8') : randomBytes(32),
  });
  const limiters = Object.fromEntries(
    Object.entries(options.rateLimits).map(([name, rule]) => [name, new SlidingWindowLimiter(rule)]),
  ) as Record<keyof PublicRateLimits, SlidingWindowLimiter>;
  const limit = (request: FastifyRequest, name: keyof PublicRateLimits) => {
    const decision = limiters[name].take(request.ip, deps.clock.now().getTime());
    if (!decision.allowed)
      throw new DomainError(
        'RATE_LIMITED',
        `Too many requests; try again in ${decision.retryAfterSeconds} s.`,
        [],
        {
          retryAfterSeconds: decision.retryAfterSeconds,
        },
      );
  };

  app.get(
    '/api/public/captcha',
    {
      config: { auth: 'public' },
      schema: {
        operationId: 'getVerificationCaptcha',
        summary: 'A captcha question for the public verification page (an SVG and its signed token)',
        tags: ['verification'],
        security: [],
        response: {
          200: z.object({ token: z.string(), svg: z.string(), expiresAt: z.string() }),
          ...errorResponses(429),
        },
      },
    },
    async (request, reply) => {
      limit(request, 'captcha');
      reply.header('cache-control', 'no-store');
      return captcha.issue(deps.clock.now());
    },
  );

  app.post(
    '/api/public/verifications',
    {
      config: { auth: 'public' },
      schema: {
        operationId: 'verifyCertificate',
        summary:
          'Verify a certificate by its number and an invoice number (the page’s captcha answer required)',
        tags: ['verification'],
        security: [],
        body: z.strictObject({
          certificateNumber: Reference,
          invoiceNumber: Reference,
          captchaToken: z.string().max(200).optional(),
          captchaAnswer: z.string().max(20).optional(),
        }),
        response: { 200: Verification, ...errorResponses(400, 429) },
      },
    },
    async (request, reply) => {
      limit(request, 'verify');
      const { captchaToken, captchaAnswer, ...asked } = request.body;
      if (!captchaToken || !captchaAnswer)
        throw new DomainError('VALIDATION_FAILED', 'Answer the captcha question.', [
          { path: 'captchaAnswer', code: 'captcha_required', message: 'Type the result of the sum shown.' },
        ]);
      const answered = captcha.check(captchaToken, captchaAnswer, deps.clock.now());
      if (!answered.ok)
        throw new DomainError('VALIDATION_FAILED', 'The captcha answer is wrong or the question expired.', [
          { path: 'captchaAnswer', code: answered.refusal, message: 'Ask for a new question and answer it.' },
        ]);
      reply.header('cache-control', 'no-store');
      return verifyCertificate(deps, asked);
    },
  );

  app.post(
    '/api/public/certificate-documents',
    {
      config: { auth: 'public' },
      schema: {
        operationId: 'verifyCertificateDocument',
        summary: `Verify an uploaded PDF certificate or signed payload (multipart field "file", at most ${VERIFY_UPLOAD_LIMIT_BYTES / 1024 / 1024} MB)`,
        tags: ['verification'],
        security: [],
        consumes: ['multipart/form-data'],
        response: {
          200: Verification.extend({
            source: z.enum(['pdf', 'payload']),
            reason: z.enum(Object.keys(OFFLINE_REASONS) as [keyof typeof OFFLINE_REASONS]).nullable(),
          }),
          ...errorResponses(400, 413, 429),
        },
      },
    },
    async (request, reply) => {
      limit(request, 'document');
      const content = await readUpload(request);
      reply.header('cache-control', 'no-store');
      return verifyCertificateDocument(deps, content);
    },
  );

  app.post(
    '/api/public/certificate-status-list',
    {
      config: { auth: 'public' },
      schema: {
        operationId: 'getCertificateStatusList',
        summary: `The status of up to ${STATUS_LIST_LIMIT} certificates at once (importing authorities’ systems)`,
        tags: ['verification'],
        security: [],
        body: z.strictObject({ certificateNumbers: z.array(Reference).min(1).max(STATUS_LIST_LIMIT) }),
        response: {
          200: z.object({ checkedAt: z.string(), certificates: z.array(Standing) }),
          ...errorResponses(400, 429),
        },
      },
    },
    async (request, reply) => {
      limit(request, 'statusList');
      reply.header('cache-control', 'no-store');
      reply.header('access-control-allow-origin', '*');
      return getCertificateStatusList(deps, request.body.certificateNumbers);
    },
  );

  app.get(
    '/api/public/certificates/:number/status',
    {
      config: { auth: 'public' },
      schema: {
        operationId: 'getCertificateStatus',
        summary: 'The status address named in every signed payload: one certificate’s status, nothing else',
        tags: ['verification'],
        security: [],
        params: z.strictObject({ number: Reference }),
        response: { 200: Standing.extend({ checkedAt: z.string() }), ...errorResponses(400, 429) },
      },
    },
    async (request, reply) => {
      limit(request, 'status');
      reply.header('cache-control', 'no-cache');
      reply.header('access-control-allow-origin', '*');
      return getCertificateStatus(deps, request.params.number);
    },
  );
}

/** The uploaded file's bytes, read up to the limit (a larger file is drained and refused). */
async function readUpload(request: FastifyRequest): Promise<Uint8Array> {
  const file = await uploadedFile(request, {
    sendAs: 'Send the file as multipart/form-data (field "file").',
    choose: 'Choose the PDF certificate or the signed payload.',
  });
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of file.file as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > VERIFY_UPLOAD_LIMIT_BYTES) {
      file.file.resume();
      throw new DomainError(
        'PAYLOAD_TOO_LARGE',
        `The file is larger than ${VERIFY_UPLOAD_LIMIT_BYTES / 1024 / 1024} MB; no certificate is.`,
      );
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
