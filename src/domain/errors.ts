/**
 * Error codes are part of the public contract (API responses, CLI output, client code).
 * Once published a code is never renamed or reused; add new ones at the end of the list.
 */
export const ERROR_CODES = [
  /** The request body, query or path did not match the operation's schema; `fields` says where. */
  'VALIDATION_FAILED',
  /** The body could not be parsed at all (malformed JSON, wrong content type). */
  'MALFORMED_REQUEST',
  /** The body is larger than the server accepts. */
  'PAYLOAD_TOO_LARGE',
  /** The body's media type is not accepted by this operation. */
  'UNSUPPORTED_MEDIA_TYPE',
  /** No valid session or API key was presented. */
  'UNAUTHENTICATED',
  /** The caller is known but may not do this; never says whether the object exists. */
  'FORBIDDEN',
  /** The object does not exist (or the route does not). */
  'NOT_FOUND',
  /** The change conflicts with the current state (a concurrent change, a duplicate). */
  'CONFLICT',
  /** A cookie-authenticated write came without the session's CSRF token. */
  'CSRF_TOKEN_INVALID',
  /** Username or password is wrong (the message never says which). */
  'INVALID_CREDENTIALS',
  /** Too many failed logins for this user or address; retry after the time given. */
  'LOGIN_THROTTLED',
  /** The new password does not meet the password rules. */
  'PASSWORD_POLICY',
  /** The username is already taken. */
  'USERNAME_TAKEN',
  /** The user account is disabled. */
  'ACCOUNT_DISABLED',
  /** A service the server depends on (the database) is not ready. */
  'NOT_READY',
  /** Too many requests from this client; retry later. */
  'RATE_LIMITED',
  /** An unexpected failure on the server; the request id identifies it in the logs. */
  'INTERNAL_ERROR',
  /** A system Origo depends on (the enterprise qualification registry) does not answer; try again later. */
  'DEPENDENCY_UNAVAILABLE',
  /** Applying needs the enterprise's basic information synchronised (Synchronization Successful) for its latest version. */
  'ENTERPRISE_NOT_SYNCHRONISED',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** A problem with one field of the input. `path` is a dotted path into the request (`items.0.hsCode`). */
export interface FieldProblem {
  path: string;
  code: string;
  message: string;
}

/** The one error type the core throws; adapters map `code` to HTTP status and CLI exit code. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields: FieldProblem[] = [],
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
