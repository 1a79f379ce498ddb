import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_NUMBER_PATTERN, checkNumberPattern } from './domain/certificate-number.js';

/**
 * The one place that reads the environment. Every setting is documented in README.md ("Configuration");
 * anything invalid stops the process at start with the variable's name and the rule it broke.
 */
const booleanFlag = z
  .enum(['0', '1', 'true', 'false'])
  .transform((value) => value === '1' || value === 'true');

/** An empty variable (`DATABASE_URL= npm start`) means unset, as shells and .env files intend. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

/** A whole number within bounds, written in decimal; empty or unset gives the default. */
const integer = (min: number, max: number, fallback: number) =>
  z.preprocess(
    (value) => (value === '' ? undefined : value),
    z
      .string()
      .regex(/^\d+$/, 'must be a whole number')
      .transform(Number)
      .pipe(z.number().int().min(min).max(max))
      .default(fallback),
  );

const environmentSchema = z.object({
  PORT: integer(0, 65535, 8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  ORIGO_DATA_DIR: z.string().min(1).default('.origo'),
  DATABASE_URL: optional(
    z
      .string()
      .regex(
        /^postgres(ql)?:\/\//,
        'must be a postgres:// URL; leave unset for the embedded SQLite database',
      ),
  ),
  ORIGO_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ORIGO_COOKIE_SECURE: booleanFlag.default(false),
  ORIGO_SESSION_CACHE_MS: integer(0, 60_000, 2000),
  ORIGO_SESSION_IDLE_MINUTES: integer(5, 24 * 60, 60),
  ORIGO_SESSION_MAX_HOURS: integer(1, 24 * 30, 12),
  ORIGO_BODY_LIMIT_BYTES: integer(1024, 64 * 1024 * 1024, 1024 * 1024),
  ORIGO_PUBLIC_URL: optional(z.url()),
  ORIGO_SIGNING_SECRET: optional(
    z.string().min(32, 'must be at least 32 characters (for example: openssl rand -base64 32)'),
  ),
  ORIGO_TRUST_PROXY: booleanFlag.default(false),
  ORIGO_CAPTCHA_SECRET: optional(z.string().min(32, 'must be at least 32 characters')),
  ORIGO_VERIFY_API_RATE_PER_MINUTE: integer(1, 10_000_000, 300),
  ORIGO_REGISTRY_URL: z.url().default('http://127.0.0.1:8081'),
  ORIGO_REGISTRY_PORT: integer(0, 65535, 8081),
  ORIGO_REGISTRY_TIMEOUT_MS: integer(100, 60_000, 3000),
  ORIGO_REGISTRY_RETRIES: integer(0, 10, 2),
  ORIGO_SEAL_UPLOAD_LIMIT_BYTES: integer(64 * 1024, 50 * 1024 * 1024, 10 * 1024 * 1024),
  ORIGO_JOB_POLL_MS: integer(50, 60_000, 1000),
  ORIGO_DOCUMENT_UPLOAD_LIMIT_BYTES: integer(64 * 1024, 200 * 1024 * 1024, 20 * 1024 * 1024),
  ORIGO_IMPORT_LIMIT_BYTES: integer(64 * 1024, 512 * 1024 * 1024, 64 * 1024 * 1024),
  ORIGO_WEBHOOK_TIMEOUT_MS: integer(100, 60_000, 5000),
  ORIGO_WEBHOOK_ALLOW_PRIVATE: booleanFlag.default(false),
  ORIGO_CERTIFICATE_NUMBER_PATTERN: z
    .string()
    .default(DEFAULT_NUMBER_PATTERN)
    .superRefine((pattern, context) => {
      for (const problem of checkNumberPattern(pattern))
        context.addIssue({ code: 'custom', message: problem });
    }),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** PostgreSQL connection string, or undefined for the embedded SQLite database in dataDir. */
  databaseUrl: string | undefined;
  sqliteFile: string;
  /** Where uploaded files live (content-addressed). */
  filesDir: string;
  /** Largest accepted upload of a seal or signature image. */
  sealUploadLimitBytes: number;
  /** Largest accepted supporting document (invoice, packing list, ...). */
  documentUploadLimitBytes: number;
  /** Largest accepted message file for bulk import (the HTTP body of importApplicationMessages). */
  importLimitBytes: number;
  webhooks: { timeoutMs: number; allowPrivate: boolean };
  /** How certificate numbers are written (src/domain/certificate-number.ts). */
  certificateNumberPattern: string;
  logLevel: z.infer<typeof environmentSchema>['ORIGO_LOG_LEVEL'];
  cookieSecure: boolean;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  /** How long a process reuses a session it read (0: read every time). */
  sessionCacheMs: number;
  bodyLimitBytes: number;
  /** Public base URL: links, certificates' status addresses, the credential issuer. */
  publicUrl: string;
  /** Key-encryption secret of the signing keys; unset on the embedded database: signingSecretFile. */
  signingSecret: string | undefined;
  /** Where the embedded installation keeps a generated key-encryption secret (mode 0600). */
  signingSecretFile: string;
  trustProxy: boolean;
  /** HMAC key of the public page's captcha, shared by every server; unset: random per process. */
  captchaSecret: string | undefined;
  /** Public verification: requests per minute per client address on the API routes (status address). */
  verifyApiRatePerMinute: number;
  jobPollMs: number;
  registry: { url: string; port: number; timeoutMs: number; retries: number };
  webDistDir: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the configuration from an environment (process.env by default). */
export function loadConfig(environment: Record<string, string | undefined> = process.env): Config {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const env = parsed.data;
  const dataDir = path.resolve(env.ORIGO_DATA_DIR);
  return {
    port: env.PORT,
    host: env.HOST,
    dataDir,
    databaseUrl: env.DATABASE_URL,
    sqliteFile: path.join(dataDir, 'origo.sqlite'),
    filesDir: path.join(dataDir, 'files'),
    sealUploadLimitBytes: env.ORIGO_SEAL_UPLOAD_LIMIT_BYTES,
    documentUploadLimitBytes: env.ORIGO_DOCUMENT_UPLOAD_LIMIT_BYTES,
    importLimitBytes: env.ORIGO_IMPORT_LIMIT_BYTES,
    certificateNumberPattern: env.ORIGO_CERTIFICATE_NUMBER_PATTERN,
    webhooks: { timeoutMs: env.ORIGO_WEBHOOK_TIMEOUT_MS, allowPrivate: env.ORIGO_WEBHOOK_ALLOW_PRIVATE },
    logLevel: env.ORIGO_LOG_LEVEL,
    cookieSecure: env.ORIGO_COOKIE_SECURE,
    sessionIdleMinutes: env.ORIGO_SESSION_IDLE_MINUTES,
    sessionMaxHours: env.ORIGO_SESSION_MAX_HOURS,
    sessionCacheMs: env.ORIGO_SESSION_CACHE_MS,
    bodyLimitBytes: env.ORIGO_BODY_LIMIT_BYTES,
    publicUrl: env.ORIGO_PUBLIC_URL ?? `http://localhost:${env.PORT}`,
    signingSecret: env.ORIGO_SIGNING_SECRET,
    signingSecretFile: path.join(dataDir, 'signing-secret'),
    trustProxy: env.ORIGO_TRUST_PROXY,
    captchaSecret: env.ORIGO_CAPTCHA_SECRET,
    verifyApiRatePerMinute: env.ORIGO_VERIFY_API_RATE_PER_MINUTE,
    jobPollMs: env.ORIGO_JOB_POLL_MS,
    registry: {
      url: env.ORIGO_REGISTRY_URL,
      port: env.ORIGO_REGISTRY_PORT,
      timeoutMs: env.ORIGO_REGISTRY_TIMEOUT_MS,
      retries: env.ORIGO_REGISTRY_RETRIES,
    },
    webDistDir: path.resolve(import.meta.dirname, '..', 'web', 'dist'),
  };
}
