import { createHash } from 'node:crypto';
import type { Actor } from '../../domain/actor.js';
import { actorLabel, hasRole } from '../../domain/actor.js';
import type { ApplicationData } from '../../domain/application.js';
import { canonicalJson } from '../../domain/canonical-json.js';
import { DomainError } from '../../domain/errors.js';
import type {
  ApplicationChannel,
  ApplicationRecord,
  Deps,
  EnterpriseProfileState,
  OrganisationRecord,
  Repositories,
} from '../ports.js';
import { newId } from '../tokens.js';
import { certificateTypeOf, loadApplicationFor, loadEnterpriseToApply } from './access.js';
import type { ApplicationView } from './assessment.js';
import { toApplicationView } from './assessment.js';
import { parseApplicationData } from './parse-application-data.js';

export interface CreateApplicationInput {
  enterpriseId: string;
  typeCode: string;
  /** The boxes as far as they are known; unknown keys and wrong kinds of value are refused. */
  data?: unknown;
  channel: ApplicationChannel;
  /** A client's key for this request: the same key again returns the application it created. */
  idempotencyKey?: string | undefined;
  /** Start from an earlier application's boxes (new invoices, dates and commitment left to fill). */
  copyFrom?: string | undefined;
}

/**
 * Starts an application (a draft) for an enterprise: its own staff, its API key, or an agency it authorised
 * for the type. The exporter box is pre-filled from the enterprise's basic information.
 */
export async function createApplication(
  deps: Pick<Deps, 'store' | 'clock' | 'certificateTypes' | 'hs'>,
  actor: Actor,
  input: CreateApplicationInput,
): Promise<{ application: ApplicationView; created: boolean }> {
  certificateTypeOf(deps, input.typeCode);
  const enterprise = await loadEnterpriseToApply(deps, actor, input.enterpriseId, input.typeCode);
  const requestHash = input.idempotencyKey
    ? requestHashOf({
        enterpriseId: input.enterpriseId,
        typeCode: input.typeCode,
        data: input.data ?? null,
        copyFrom: input.copyFrom ?? null,
      })
    : null;
  if (input.idempotencyKey) {
    const earlier = await deps.store.applications.findByIdempotencyKey(enterprise.id, input.idempotencyKey);
    if (earlier) return { application: await replay(deps, earlier, requestHash), created: false };
  }

  if (input.copyFrom && input.data !== undefined)
    throw new DomainError(
      'VALIDATION_FAILED',
      'Either copy an earlier application or send the data, not both.',
      [
        {
          path: 'copyFrom',
          code: 'copy_with_data',
          message: 'Leave out data when copying; edit the copy afterwards.',
        },
      ],
    );
  let data = parseApplicationData(input.data ?? {});
  if (input.copyFrom) {
    const source = await loadApplicationFor(deps, actor, 'application.read', input.copyFrom);
    if (source.enterpriseId !== enterprise.id)
      throw new DomainError(
        'VALIDATION_FAILED',
        'An application can be copied within the same enterprise only.',
        [
          {
            path: 'copyFrom',
            code: 'other_enterprise',
            message: 'Copy one of this enterprise’s own applications.',
          },
        ],
      );
    data = copyForNewShipment(source.data);
  }
  const profile = await deps.store.enterpriseProfiles.find(enterprise.id);
  const application = newApplicationRecord(deps, actor, {
    enterprise,
    profile,
    typeCode: input.typeCode,
    data,
    channel: input.channel,
    idempotencyKey: input.idempotencyKey ?? null,
    requestHash,
    copiedFrom: input.copyFrom ?? null,
  });
  try {
    await deps.store.transaction((tx) => recordNewApplication(tx, actor, application));
  } catch (error) {
    // Two requests with the same key at once: the unique index let one through; answer as it did.
    if (input.idempotencyKey) {
      const winner = await deps.store.applications.findByIdempotencyKey(enterprise.id, input.idempotencyKey);
      if (winner) return { application: await replay(deps, winner, requestHash), created: false };
    }
    throw error;
  }
  return {
    application: await toApplicationView(deps, deps.store, application, {
      profile,
      documents: [],
      decisions: [],
    }),
    created: true,
  };
}

/**
 * A new draft's record: the exporter box pre-filled from the enterprise's basic information when empty,
 * the office whose officers will review it, the agency when agent staff apply.
 */
export function newApplicationRecord(
  deps: Pick<Deps, 'clock'>,
  actor: Actor,
  input: {
    enterprise: OrganisationRecord;
    profile: EnterpriseProfileState | undefined;
    typeCode: string;
    data: ApplicationData;
    channel: ApplicationChannel;
    idempotencyKey: string | null;
    requestHash: string | null;
    copiedFrom: string | null;
  },
): ApplicationRecord {
  const { profile, enterprise } = input;
  const data =
    profile && input.data.exporter.name === '' && input.data.exporter.address === ''
      ? {
          ...input.data,
          exporter: { name: profile.data.nameEn, address: profile.data.addressEn, country: 'CN' },
        }
      : input.data;
  const now = deps.clock.now().toISOString();
  return {
    id: newId(),
    enterpriseId: enterprise.id,
    officeId: profile?.data.affiliatedOfficeId ?? enterprise.parentId ?? '',
    typeCode: input.typeCode,
    status: 'draft',
    data,
    version: 1,
    channel: input.channel,
    agencyId: actor.kind !== 'system' && hasRole(actor, 'agent_staff') ? actor.orgId : null,
    createdBy: actorLabel(actor),
    idempotencyKey: input.idempotencyKey,
    requestHash: input.requestHash,
    copiedFrom: input.copiedFrom,
    profileVersion: null,
    findings: null,
    createdAt: now,
    updatedAt: now,
    submittedAt: null,
    reviewerId: null,
    certificateNumber: null,
    approvedAt: null,
    automatic: null,
    kind: 'original',
    replacesId: null,
    replacedById: null,
    voidReason: null,
    checks: null,
    firstSubmittedAt: null,
  };
}

/** Stores a new application and its audit event; the caller's transaction holds both. */
export async function recordNewApplication(
  tx: Repositories,
  actor: Actor,
  application: ApplicationRecord,
): Promise<void> {
  await tx.applications.insert(application);
  await tx.audit.append(actor, application.createdAt, {
    type: 'application.created',
    subjectType: 'application',
    subjectId: application.id,
    data: {
      typeCode: application.typeCode,
      channel: application.channel,
      agencyId: application.agencyId,
      copiedFrom: application.copiedFrom,
      ...(application.kind === 'original'
        ? {}
        : { kind: application.kind, replacesId: application.replacesId }),
    },
  });
}

/** SHA-256 of what an idempotent request asked for, so a reused key with a different request is caught. */
export function requestHashOf(request: Record<string, unknown>): string {
  return createHash('sha256').update(canonicalJson(request)).digest('hex');
}

async function replay(
  deps: Pick<Deps, 'store' | 'clock' | 'certificateTypes' | 'hs'>,
  earlier: ApplicationRecord,
  requestHash: string | null,
): Promise<ApplicationView> {
  if (earlier.requestHash !== requestHash)
    throw new DomainError(
      'CONFLICT',
      'This idempotency key was already used for a different request; use a new key for a new application.',
      [{ path: 'idempotencyKey', code: 'key_reused', message: 'Use a new idempotency key.' }],
      { applicationId: earlier.id },
    );
  return toApplicationView(deps, deps.store, earlier);
}

/** An earlier application's boxes for a new shipment: invoices, dates and the commitment start empty. */
export function copyForNewShipment(data: ApplicationData): ApplicationData {
  return {
    ...data,
    transport: { ...data.transport, departureDate: '' },
    invoices: [],
    backToBack: null,
    declaration: { ...data.declaration, date: '' },
    commitment: false,
  };
}
