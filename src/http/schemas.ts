import { RULE_NAMES } from '../domain/certificate-rules.js';
import { z } from 'zod';
import { ERROR_CODES } from '../domain/errors.js';
import { ORGANISATION_KINDS, ROLES } from '../domain/roles.js';

// Response and shared request schemas. Each named schema becomes a component of the OpenAPI document.

const Localised = z.object({ en: z.string(), zh: z.string() });

/** A field rule's finding (src/domain/certificate-rules.ts). */
export const Finding = z
  .object({
    rule: z.enum(RULE_NAMES),
    code: z.string(),
    severity: z.enum(['error', 'warning']),
    path: z.string().describe('Dotted path into the application data, such as items.0.hsCode'),
    box: z.string().nullable().describe('The box on the form'),
    message: Localised,
  })
  .meta({ id: 'Finding' });

/** Something besides a box that stops a submission. */
export const Blocker = z
  .object({
    code: z.enum(['field_errors', 'enterprise_not_synchronised', 'documents_missing']),
    message: Localised,
  })
  .meta({ id: 'Blocker' });

export const ErrorBody = z
  .object({
    code: z.enum(ERROR_CODES).describe('A frozen error code (see docs/API.md)'),
    message: z.string().describe('What went wrong and what to do, for people'),
    fields: z
      .array(z.object({ path: z.string(), code: z.string(), message: z.string() }))
      .describe('Problems with individual fields, by dotted path'),
    requestId: z.string().optional(),
    findings: z
      .array(Finding)
      .optional()
      .describe('A refused submission: every finding of the field rules, errors and warnings'),
    blockers: z.array(Blocker).optional().describe('A refused submission: what stands in its way'),
  })
  .meta({ id: 'Error' });

export const Role = z.enum(ROLES).meta({ id: 'Role' });
export const OrganisationKind = z.enum(ORGANISATION_KINDS).meta({ id: 'OrganisationKind' });
export const Id = z.string().min(1).max(64);

/** A calendar day, YYYY-MM-DD. */
export const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD.');

export const Organisation = z
  .object({
    id: z.string(),
    kind: OrganisationKind,
    parentId: z.string().nullable(),
    code: z.string().nullable(),
    nameEn: z.string(),
    nameZh: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'Organisation' });

export const Session = z
  .object({
    csrfToken: z.string().describe('Send as the x-csrf-token header on every cookie-authenticated write'),
    expiresAt: z.string(),
    user: z.object({
      id: z.string(),
      username: z.string(),
      displayName: z.string(),
      roles: z.array(Role),
      mustChangePassword: z.boolean(),
      organisation: Organisation,
      offices: z.array(Organisation),
    }),
  })
  .meta({ id: 'Session' });

export const User = z
  .object({
    id: z.string(),
    orgId: z.string(),
    username: z.string(),
    displayName: z.string(),
    roles: z.array(Role),
    officeIds: z.array(z.string()),
    status: z.enum(['active', 'disabled']),
    createdAt: z.string(),
  })
  .meta({ id: 'User' });

export const ApiKey = z
  .object({
    id: z.string(),
    orgId: z.string(),
    name: z.string(),
    prefix: z.string(),
    roles: z.array(Role),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiKey' });

export const AuditEvent = z
  .object({
    seq: z.number().int(),
    occurredAt: z.string(),
    type: z.string(),
    actor: z.object({
      kind: z.string(),
      userId: z.string().nullable(),
      username: z.string().nullable().describe('The user’s current username, for people reading the trail'),
      orgId: z.string().nullable(),
      label: z.string().describe('As recorded (and hashed): user:<id>, api-key:<id> or system:<name>'),
    }),
    subjectType: z.string(),
    subjectId: z.string(),
    data: z.unknown(),
    prevHash: z.string(),
    hash: z.string(),
  })
  .meta({ id: 'AuditEvent' });

export const JobStatus = z.enum(['queued', 'running', 'succeeded', 'failed']);

export const Job = z
  .object({
    id: z.string(),
    kind: z.string(),
    status: JobStatus,
    attempts: z.number().int(),
    maxAttempts: z.number().int(),
    runAt: z.string(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Job' });

/** The error responses an operation can give, for its OpenAPI entry. */
export function errorResponses(...statuses: Array<400 | 401 | 403 | 404 | 409 | 413 | 429 | 503>) {
  return Object.fromEntries(statuses.map((status) => [status, ErrorBody])) as Record<
    number,
    typeof ErrorBody
  >;
}
