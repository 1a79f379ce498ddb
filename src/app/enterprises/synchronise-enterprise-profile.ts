import { z } from 'zod';
import type { Actor } from '../../domain/actor.js';
import type { Deps } from '../ports.js';
import { RegistryRejectedError, RegistryUnavailableError } from '../ports.js';

export const ENTERPRISE_SYNC_JOB = 'enterprise.sync';
export const enterpriseSyncPayload = z.object({ orgId: z.string(), version: z.number().int().min(1) });

const worker: Actor = { kind: 'system', name: 'registry-sync' };

/**
 * The background job that hands one version of an enterprise's information to the registry. A newer
 * version supersedes it. While the registry is unreachable the status says Synchronization Failed with
 * the reason and the job is retried with backoff (by throwing); a refusal is final until someone retries.
 */
export async function synchroniseEnterpriseProfile(
  deps: Pick<Deps, 'store' | 'clock' | 'registry'>,
  payload: unknown,
): Promise<void> {
  const { orgId, version } = enterpriseSyncPayload.parse(payload);
  const { store } = deps;
  const state = await store.enterpriseProfiles.find(orgId);
  if (!state || state.version !== version) return;
  await store.enterpriseProfiles.setSync(orgId, {
    status: 'synchronising',
    error: null,
    at: deps.clock.now().toISOString(),
  });

  const fail = async (reason: string, willRetry: boolean) => {
    const at = deps.clock.now().toISOString();
    await store.transaction(async (tx) => {
      const latest = await tx.enterpriseProfiles.find(orgId);
      if (latest?.version !== version) return;
      await tx.enterpriseProfiles.setSync(orgId, { status: 'failed', error: reason, at });
      await tx.audit.append(worker, at, {
        type: 'enterprise_profile.sync_failed',
        subjectType: 'organisation',
        subjectId: orgId,
        data: { version, reason, willRetry },
      });
    });
  };

  let receipt: string;
  try {
    ({ receipt } = await deps.registry.submitOriginProfile(state.data.uscc, { version, ...state.data }));
  } catch (error) {
    if (error instanceof RegistryUnavailableError) {
      await fail(error.message, true);
      throw error;
    }
    if (error instanceof RegistryRejectedError) {
      await fail(`The registry refused the information: ${error.message} (${error.code})`, false);
      return;
    }
    throw error;
  }

  const at = deps.clock.now().toISOString();
  await store.transaction(async (tx) => {
    const latest = await tx.enterpriseProfiles.find(orgId);
    if (latest?.version !== version) return;
    await tx.enterpriseProfiles.setSync(orgId, {
      status: 'synchronised',
      syncedVersion: version,
      error: null,
      receipt,
      at,
    });
    await tx.audit.append(worker, at, {
      type: 'enterprise_profile.synchronised',
      subjectType: 'organisation',
      subjectId: orgId,
      data: { version, receipt },
    });
  });
}
