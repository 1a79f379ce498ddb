import type { ErrorCode } from './domain/errors.js';

/** The one place that maps error codes to HTTP statuses and CLI exit codes. */
export const ERROR_MAPPING: Record<ErrorCode, { httpStatus: number; exitCode: number }> = {
  VALIDATION_FAILED: { httpStatus: 400, exitCode: 2 },
  MALFORMED_REQUEST: { httpStatus: 400, exitCode: 2 },
  PAYLOAD_TOO_LARGE: { httpStatus: 413, exitCode: 2 },
  UNSUPPORTED_MEDIA_TYPE: { httpStatus: 415, exitCode: 2 },
  UNAUTHENTICATED: { httpStatus: 401, exitCode: 3 },
  FORBIDDEN: { httpStatus: 403, exitCode: 3 },
  NOT_FOUND: { httpStatus: 404, exitCode: 4 },
  CONFLICT: { httpStatus: 409, exitCode: 5 },
  CSRF_TOKEN_INVALID: { httpStatus: 403, exitCode: 3 },
  INVALID_CREDENTIALS: { httpStatus: 401, exitCode: 3 },
  LOGIN_THROTTLED: { httpStatus: 429, exitCode: 3 },
  PASSWORD_POLICY: { httpStatus: 400, exitCode: 2 },
  USERNAME_TAKEN: { httpStatus: 409, exitCode: 5 },
  ACCOUNT_DISABLED: { httpStatus: 403, exitCode: 3 },
  NOT_READY: { httpStatus: 503, exitCode: 6 },
  RATE_LIMITED: { httpStatus: 429, exitCode: 6 },
  INTERNAL_ERROR: { httpStatus: 500, exitCode: 1 },
  DEPENDENCY_UNAVAILABLE: { httpStatus: 503, exitCode: 6 },
  ENTERPRISE_NOT_SYNCHRONISED: { httpStatus: 409, exitCode: 5 },
};
