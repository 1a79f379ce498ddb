import type { Actor } from '../../domain/actor.js';
import { DomainError } from '../../domain/errors.js';
import { enqueueJob } from '../jobs/job-queue.js';
import { loadOrganisationFor } from '../organisations/access.js';
import type { Deps } from '../ports.js';
import { ENTERPRISE_SYNC_JOB } from './synchronise-enterprise-profile.js';
import type { EnterpriseProfileView } from './views.js';
import { toEnterpriseProfileView } from './views.js';

/** Queues the synchronisation of the current version again, now (the portal's retry button). */
export async function retryEnterpriseSync(
  deps: Pick<Deps, 'store' | 'clock'>,
  actor: Actor,
  orgId: string,
): Promise<EnterpriseProfileView> {
  await loadOrganisationFor(deps.store.organisations, actor, 'enterpriseProfile.maintain', orgId);
  const now = deps.clock.now();
  const at = now.toISOString();
  const state = await deps.store.transaction(async (tx) => {
    const current = await tx.enterpriseProfiles.find(orgId);
    if (!current)
      throw new DomainError('CONFLICT', 'Maintain the enterprise information before synchronising it.');
    if (current.syncStatus === 'synchronised' && current.syncedVersion === current.version) {
      throw new DomainError('CONFLICT', 'The information is already synchronised.');
    }
    await tx.enterpriseProfiles.setSync(orgId, { status: 'not_synchronised', error: null, at });
    await enqueueJob(tx, now, { kind: ENTERPRISE_SYNC_JOB, payload: { orgId, version: current.version } });
    await tx.audit.append(actor, at, {
      type: 'enterprise_profile.sync_retried',
      subjectType: 'organisation',
      subjectId: orgId,
      data: { version: current.version },
    });
    return { ...current, syncStatus: 'not_synchronised' as const, syncError: null, syncUpdatedAt: at };
  });
  return toEnterpriseProfileView(orgId, state);
}
