import {
  ENTERPRISE_SYNC_JOB,
  synchroniseEnterpriseProfile,
} from '../enterprises/synchronise-enterprise-profile.js';
import type { Deps } from '../ports.js';
import { deliverWebhook } from '../receipts/deliver-webhook.js';
import { WEBHOOK_DELIVERY_JOB } from '../receipts/issue-receipt.js';
import type { JobHandler } from './job-queue.js';
import {
  EVIDENCE_ESCALATE_JOB,
  EVIDENCE_REMIND_JOB,
  escalateOverdue,
  remindOfDeadline,
} from '../evidence/deadlines.js';

/** The handler of every kind of background job. */
export function jobHandlers(deps: Deps): Record<string, JobHandler> {
  return {
    [ENTERPRISE_SYNC_JOB]: (job) => synchroniseEnterpriseProfile(deps, job.payload),
    [WEBHOOK_DELIVERY_JOB]: (job) => deliverWebhook(deps, job),
    [EVIDENCE_REMIND_JOB]: (job) => remindOfDeadline(deps, job),
    [EVIDENCE_ESCALATE_JOB]: (job) => escalateOverdue(deps, job),
  };
}
