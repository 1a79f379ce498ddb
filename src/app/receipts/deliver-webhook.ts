import { createHmac } from 'node:crypto';
import { z } from 'zod';
import type { Deps, JobRecord } from '../ports.js';
import { newId } from '../tokens.js';

const payloadSchema = z.object({ webhookId: z.string(), receiptId: z.string() });

/** The signature a client checks: HMAC-SHA256 over "timestamp.body" with the webhook's secret. */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/**
 * Delivers one receipt to one webhook (a background job). Every attempt is logged; an answer other than
 * 2xx, or none, throws so the job runner retries with backoff. A revoked webhook is skipped.
 */
export async function deliverWebhook(
  deps: Pick<Deps, 'store' | 'clock' | 'webhooks'>,
  job: Pick<JobRecord, 'payload' | 'attempts'>,
): Promise<void> {
  const { webhookId, receiptId } = payloadSchema.parse(job.payload);
  const [webhook, receipt] = await Promise.all([
    deps.store.receipts.findWebhook(webhookId),
    deps.store.receipts.findById(receiptId),
  ]);
  if (!webhook || webhook.revokedAt || !receipt) return;
  const body = JSON.stringify({
    id: receipt.id,
    type: 'application.status_changed',
    applicationId: receipt.applicationId,
    status: receipt.status,
    certificateNumber: receipt.certificateNumber,
    message: receipt.message,
    occurredAt: receipt.createdAt,
  });
  const timestamp = String(Math.floor(deps.clock.now().getTime() / 1000));
  const started = performance.now();
  let statusCode: number | null = null;
  let error: string | null = null;
  try {
    statusCode = (
      await deps.webhooks.post(webhook.url, body, {
        'x-origo-event-id': receipt.id,
        'x-origo-timestamp': timestamp,
        'x-origo-signature': `sha256=${webhookSignature(webhook.secret, timestamp, body)}`,
      })
    ).status;
    if (statusCode < 200 || statusCode > 299) error = `answered ${statusCode}`;
  } catch (failure) {
    error = failure instanceof Error ? failure.message : String(failure);
  }
  await deps.store.receipts.insertDelivery({
    id: newId(),
    webhookId,
    receiptId,
    attempt: job.attempts,
    statusCode,
    error,
    durationMs: Math.round(performance.now() - started),
    deliveredAt: deps.clock.now().toISOString(),
  });
  if (error) throw new Error(`webhook ${webhook.url}: ${error}`);
}
