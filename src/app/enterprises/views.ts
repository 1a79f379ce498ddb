import type { EnterpriseProfileData, SyncStatus } from '../../domain/enterprise-profile.js';
import { applicationReadiness } from '../../domain/enterprise-profile.js';
import type { EnterpriseProfileState } from '../ports.js';

/** What the portal and the API show of an enterprise's basic information. */
export interface EnterpriseProfileView {
  orgId: string;
  maintained: boolean;
  version: number;
  data: EnterpriseProfileData | null;
  sync: {
    status: SyncStatus;
    syncedVersion: number | null;
    error: string | null;
    receipt: string | null;
    updatedAt: string | null;
  };
  /** Whether the enterprise may apply for certificates now, and why not. */
  mayApply: boolean;
  mayApplyReason: string | null;
}

export function toEnterpriseProfileView(
  orgId: string,
  state: EnterpriseProfileState | undefined,
): EnterpriseProfileView {
  const readiness = applicationReadiness(state);
  return {
    orgId,
    maintained: state !== undefined,
    version: state?.version ?? 0,
    data: state?.data ?? null,
    sync: {
      status: state?.syncStatus ?? 'not_synchronised',
      syncedVersion: state?.syncedVersion ?? null,
      error: state?.syncError ?? null,
      receipt: state?.syncReceipt ?? null,
      updatedAt: state?.syncUpdatedAt ?? null,
    },
    mayApply: readiness.ready,
    mayApplyReason: readiness.ready ? null : readiness.reason,
  };
}
