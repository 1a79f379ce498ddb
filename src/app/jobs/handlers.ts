import {
  ENTERPRISE_SYNC_JOB,
  synchroniseEnterpriseProfile,
} from '../enterprises/synchronise-enterprise-profile.js';
import type { Deps } from '../ports.js';
import { deliverWebhook } from '../receipts/deliver-webhook.js';
import { WEBHOOK_DELIVERY_JOB } from '../receipts/issue-receipt.js';
import type { JobHandler } from './job-queue.js';

/** The handler of every kind of background job. */
export function jobHandlers(deps: Deps): Record<string, JobHandler> {
  return {
    [ENTERPRISE_SYNC_JOB]: (job) => synchroniseEnterpriseProfile(deps, job.payload),
    [WEBHOOK_DELIVERY_JOB]: (job) => deliverWebhook(deps, job),
  };
}
