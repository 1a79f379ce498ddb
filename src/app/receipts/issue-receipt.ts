import type { ApplicationStatus } from '../../domain/application-lifecycle.js';
import { enqueueJob } from '../jobs/job-queue.js';
import type { ApplicationRecord, Deps, ReceiptRecord, Repositories } from '../ports.js';
import { newId } from '../tokens.js';

export const WEBHOOK_DELIVERY_JOB = 'webhook.deliver';

const STATUS_WORDS: Record<ApplicationStatus, { en: string; zh: string }> = {
  draft: { en: 'is a draft', zh: '为草稿' },
  submitted: { en: 'was received by customs', zh: '已提交海关' },
  under_review: { en: 'is being reviewed by an officer', zh: '海关正在审核' },
  returned: { en: 'was returned for correction', zh: '已退回修改' },
  resubmitted: { en: 'was received again after correction', zh: '修改后已重新提交' },
  approved: { en: 'was approved', zh: '已审核通过' },
  printed: { en: 'was printed', zh: '已打印' },
  archived: { en: 'is archived and publicly verifiable', zh: '已归档，可公开查验' },
  rejected: { en: 'was rejected', zh: '未获通过' },
  withdrawn: { en: 'was withdrawn', zh: '已撤回' },
  amended: { en: 'was replaced by an amended certificate', zh: '已被更改证书替代' },
  reissued: { en: 'was replaced by a certified true copy', zh: '已被重发证书替代' },
  cancelled: { en: 'was cancelled by customs', zh: '已被海关注销' },
};

/**
 * A receipt for the application's new status, inside the transaction that changed it: in the portal
 * inbox of the enterprise (and of the agency that applied), and one webhook delivery job per active
 * webhook of theirs, so a receipt exists exactly when the change does.
 */
export async function issueReceipt(
  deps: Pick<Deps, 'clock'>,
  tx: Pick<Repositories, 'receipts' | 'jobs'>,
  application: ApplicationRecord,
  /** A notice other than the status change itself (customs asks for more material, ...). */
  notice?: { en: string; zh: string },
): Promise<ReceiptRecord> {
  const now = deps.clock.now();
  const words = STATUS_WORDS[application.status];
  const subject = subjectOf(application);
  const receipt: ReceiptRecord = {
    id: newId(),
    enterpriseId: application.enterpriseId,
    agencyId: application.agencyId,
    applicationId: application.id,
    status: application.status,
    certificateNumber: application.certificateNumber,
    message: notice ?? { en: `${subject.en} ${words.en}.`, zh: `${subject.zh}${words.zh}。` },
    createdAt: now.toISOString(),
    readAt: null,
  };
  await tx.receipts.insert(receipt);
  const owners = application.agencyId
    ? [application.enterpriseId, application.agencyId]
    : [application.enterpriseId];
  for (const webhook of await tx.receipts.activeWebhooks(owners))
    await enqueueJob(tx, now, {
      kind: WEBHOOK_DELIVERY_JOB,
      payload: { webhookId: webhook.id, receiptId: receipt.id },
      maxAttempts: 10,
    });
  return receipt;
}

/** How a receipt names the application: by its certificate number once it has one. */
export function subjectOf(application: Pick<ApplicationRecord, 'certificateNumber' | 'typeCode'>): {
  en: string;
  zh: string;
} {
  return application.certificateNumber
    ? { en: `Certificate ${application.certificateNumber}`, zh: `证书${application.certificateNumber}` }
    : { en: `Your ${application.typeCode} application`, zh: `您的${application.typeCode}申请` };
}
