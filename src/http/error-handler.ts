import type { FastifyError, FastifyInstance } from 'fastify';
import type { FieldProblem } from '../domain/errors.js';
import { DomainError, isDomainError } from '../domain/errors.js';
import { ERROR_MAPPING } from '../error-mapping.js';

interface ValidationIssue {
  instancePath: string;
  keyword: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** Turns a schema failure into field problems with dotted paths (`query.limit`, `roles.0`). */
function fieldProblems(issues: ValidationIssue[], context: string | undefined): FieldProblem[] {
  const prefix = context && context !== 'body' ? `${context === 'querystring' ? 'query' : context}.` : '';
  return issues.flatMap((issue) => {
    const base = issue.instancePath.split('/').filter(Boolean).join('.');
    const join = (key: string) => `${prefix}${base ? `${base}.` : ''}${key}`;
    if (issue.keyword === 'unrecognized_keys' && Array.isArray(issue.params?.keys)) {
      return (issue.params.keys as string[]).map((key) => ({
        path: join(key),
        code: 'unknown_field',
        message: `Unknown field "${key}"; remove it.`,
      }));
    }
    return [
      {
        path: `${prefix}${base}` || '(body)',
        code: issue.keyword,
        message: issue.message ?? 'Invalid value.',
      },
    ];
  });
}

/** Maps Fastify's own errors (parsing, limits) to domain errors, so every response has one shape. */
function toDomainError(error: FastifyError): DomainError | undefined {
  if (error.validation) {
    return new DomainError(
      'VALIDATION_FAILED',
      'The request does not match the operation schema; see fields.',
      fieldProblems(error.validation as ValidationIssue[], error.validationContext),
    );
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new DomainError('PAYLOAD_TOO_LARGE', 'The request body is too large.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new DomainError('MALFORMED_REQUEST', 'The JSON body is empty.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new DomainError('MALFORMED_REQUEST', `The body is not valid JSON: ${error.message}`);
  }
  if (error instanceof SyntaxError || (error.statusCode === 400 && /JSON/i.test(error.message))) {
    return new DomainError('MALFORMED_REQUEST', `The body is not valid JSON: ${error.message}`);
  }
  if (error.statusCode === 415) return new DomainError('UNSUPPORTED_MEDIA_TYPE', error.message);
  if (error.statusCode === 413) return new DomainError('PAYLOAD_TOO_LARGE', error.message);
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return new DomainError('MALFORMED_REQUEST', error.message);
  }
  return undefined;
}

/** The one error shape: `{ code, message, fields, requestId }`, with the status from ERROR_MAPPING. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const domainError = isDomainError(error) ? error : toDomainError(error);
    if (!domainError) {
      request.log.error({ err: error }, 'unexpected error');
      return reply.status(500).send({
        code: 'INTERNAL_ERROR',
        message: 'Something went wrong on the server. Quote the request id when you report it.',
        fields: [],
        requestId: request.id,
      });
    }
    const { httpStatus } = ERROR_MAPPING[domainError.code];
    if (domainError.code === 'LOGIN_THROTTLED' || domainError.code === 'RATE_LIMITED') {
      const seconds = domainError.details.retryAfterSeconds;
      if (typeof seconds === 'number') void reply.header('retry-after', String(seconds));
    }
    return reply.status(httpStatus).send({
      code: domainError.code,
      message: domainError.message,
      fields: domainError.fields,
      requestId: request.id,
      ...(domainError.details.findings ? { findings: domainError.details.findings } : {}),
      ...(domainError.details.blockers ? { blockers: domainError.details.blockers } : {}),
    });
  });

  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({
      code: 'NOT_FOUND',
      message: `No operation ${request.method} ${request.url.split('?')[0]}.`,
      fields: [],
      requestId: request.id,
    }),
  );
}
