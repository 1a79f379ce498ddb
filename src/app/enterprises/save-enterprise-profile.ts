import type { Actor } from '../../domain/actor.js';
import { actorLabel } from '../../domain/actor.js';
import type { EnterpriseProfileData } from '../../domain/enterprise-profile.js';
import { checkEnterpriseProfile, diffEnterpriseProfiles } from '../../domain/enterprise-profile.js';
import type { FieldProblem } from '../../domain/errors.js';
import { DomainError } from '../../domain/errors.js';
import { enqueueJob } from '../jobs/job-queue.js';
import { loadOrganisationFor } from '../organisations/access.js';
import type { Deps, RegisteredEnterprise } from '../ports.js';
import { RegistryUnavailableError } from '../ports.js';
import { ENTERPRISE_SYNC_JOB } from './synchronise-enterprise-profile.js';
import type { EnterpriseProfileView } from './views.js';
import { toEnterpriseProfileView } from './views.js';

/**
 * Saves the enterprise's basic information as a new version and queues its synchronisation with the
 * registry, all in one transaction. `expectedVersion` is the version the form was opened on (0 the first
 * time), so two people cannot overwrite each other unknowingly.
 */
export async function saveEnterpriseProfile(
  deps: Pick<Deps, 'store' | 'clock' | 'registry' | 'divisions'>,
  actor: Actor,
  input: { orgId: string; expectedVersion: number; data: EnterpriseProfileData },
): Promise<EnterpriseProfileView> {
  const { store } = deps;
  const organisation = await loadOrganisationFor(
    store.organisations,
    actor,
    'enterpriseProfile.maintain',
    input.orgId,
  );
  if (organisation.kind !== 'enterprise') {
    throw new DomainError('VALIDATION_FAILED', 'Only enterprises maintain basic information.');
  }
  const current = await store.enterpriseProfiles.find(input.orgId);
  if ((current?.version ?? 0) !== input.expectedVersion) {
    throw new DomainError(
      'CONFLICT',
      `The information was changed (version ${current?.version ?? 0}) since you opened it (version ${input.expectedVersion}). Reload, then make your change again.`,
    );
  }
  const { data } = input;
  const problems: FieldProblem[] = [];
  if (organisation.code && organisation.code !== data.uscc) {
    problems.push({
      path: 'uscc',
      code: 'not_this_enterprise',
      message: `This enterprise's unified social credit code is ${organisation.code}; it cannot change.`,
    });
  } else if (!organisation.code) {
    const holder = await store.organisations.findByCode(data.uscc);
    if (holder && holder.id !== organisation.id) {
      problems.push({
        path: 'uscc',
        code: 'taken',
        message: 'Another enterprise already maintains this code.',
      });
    }
  }

  // The registry's English name is the reference; when the registry is down the record is still kept,
  // and the synchronisation checks it once the registry answers.
  let registered: RegisteredEnterprise | undefined;
  let registryAnswered = true;
  try {
    registered = await deps.registry.findEnterprise(data.uscc);
  } catch (error) {
    if (!(error instanceof RegistryUnavailableError)) throw error;
    registryAnswered = false;
  }
  if (registryAnswered && !registered && !problems.some((problem) => problem.path === 'uscc')) {
    problems.push({
      path: 'uscc',
      code: 'not_registered',
      message: 'The enterprise qualification registry does not know this code.',
    });
  }
  const offices = await store.organisations.list({ kind: 'office' });
  problems.push(
    ...checkEnterpriseProfile(data, {
      registeredNameEn: registered?.nameEn,
      divisionExists: deps.divisions.exists,
      officeExists: (id) => offices.some((office) => office.id === id),
    }),
  );
  if (problems.length) {
    throw new DomainError(
      'VALIDATION_FAILED',
      'The enterprise information cannot be saved as it is; see the fields.',
      problems,
    );
  }

  const changes = diffEnterpriseProfiles(current?.data, data);
  if (current && changes.length === 0) return toEnterpriseProfileView(input.orgId, current);

  const now = deps.clock.now();
  const at = now.toISOString();
  const version = (current?.version ?? 0) + 1;
  const state = {
    orgId: input.orgId,
    version,
    data,
    syncStatus: 'not_synchronised' as const,
    syncedVersion: current?.syncedVersion ?? null,
    syncError: null,
    syncReceipt: current?.syncReceipt ?? null,
    syncUpdatedAt: at,
    updatedAt: at,
  };
  await store.transaction(async (tx) => {
    await tx.enterpriseProfiles.saveVersion(state, {
      orgId: input.orgId,
      version,
      data,
      changes,
      changedByUserId: actor.kind === 'user' ? actor.userId : null,
      changedByLabel: actorLabel(actor),
      changedAt: at,
    });
    await tx.organisations.updateIdentity(input.orgId, {
      code: data.uscc,
      nameEn: data.nameEn,
      nameZh: data.nameZh,
      parentId: data.affiliatedOfficeId,
    });
    await enqueueJob(tx, now, { kind: ENTERPRISE_SYNC_JOB, payload: { orgId: input.orgId, version } });
    await tx.audit.append(actor, at, {
      type: 'enterprise_profile.saved',
      subjectType: 'organisation',
      subjectId: input.orgId,
      data: { version, changedFields: changes.map((change) => change.field) },
    });
  });
  return toEnterpriseProfileView(input.orgId, state);
}
