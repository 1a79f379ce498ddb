import type { Actor } from '../../domain/actor.js';
import { DomainError } from '../../domain/errors.js';
import { loadOrganisationFor } from '../organisations/access.js';
import type { Deps, WebhookDeliveryRecord, WebhookRecord } from '../ports.js';
import { newId, newSecret } from '../tokens.js';

export type WebhookView = Omit<WebhookRecord, 'secret'>;
const view = ({ secret: _secret, ...rest }: WebhookRecord): WebhookView => rest;

/**
 * Registers a URL that receives every receipt of the organisation, signed with a secret shown once
 * (HMAC-SHA256 over "timestamp.body", header x-origo-signature).
 */
export async function createWebhook(
  deps: Pick<Deps, 'store' | 'clock'>,
  actor: Actor,
  input: { orgId: string; url: string },
): Promise<{ webhook: WebhookView; secret: string }> {
  const organisation = await loadOrganisationFor(
    deps.store.organisations,
    actor,
    'webhook.manage',
    input.orgId,
  );
  let url: URL;
  try {
    url = new URL(input.url);
  } catch {
    throw new DomainError('VALIDATION_FAILED', 'The webhook URL is not a URL.', [
      { path: 'url', code: 'invalid_url', message: 'Give an https:// address.' },
    ]);
  }
  if (!['https:', 'http:'].includes(url.protocol) || url.username || url.password)
    throw new DomainError('VALIDATION_FAILED', 'The webhook URL must be http(s) without credentials.', [
      {
        path: 'url',
        code: 'invalid_url',
        message: 'Give an https:// address; put no user or password in it.',
      },
    ]);
  const existing = await deps.store.receipts.listWebhooks(organisation.id);
  if (existing.filter((webhook) => !webhook.revokedAt).length >= 5)
    throw new DomainError(
      'CONFLICT',
      'An organisation keeps at most five active webhooks; revoke one first.',
    );
  const webhook: WebhookRecord = {
    id: newId(),
    orgId: organisation.id,
    url: url.toString(),
    secret: newSecret(),
    createdAt: deps.clock.now().toISOString(),
    revokedAt: null,
  };
  await deps.store.transaction(async (tx) => {
    await tx.receipts.insertWebhook(webhook);
    await tx.audit.append(actor, webhook.createdAt, {
      type: 'webhook.created',
      subjectType: 'webhook',
      subjectId: webhook.id,
      data: { url: webhook.url, orgId: organisation.id },
    });
  });
  return { webhook: view(webhook), secret: webhook.secret };
}

export async function listWebhooks(
  deps: Pick<Deps, 'store'>,
  actor: Actor,
  orgId: string,
): Promise<WebhookView[]> {
  const organisation = await loadOrganisationFor(deps.store.organisations, actor, 'webhook.manage', orgId);
  return (await deps.store.receipts.listWebhooks(organisation.id)).map(view);
}

/** Stops deliveries to a webhook at once (queued attempts are skipped). */
export async function revokeWebhook(
  deps: Pick<Deps, 'store' | 'clock'>,
  actor: Actor,
  id: string,
): Promise<WebhookView> {
  const webhook = await loadWebhookFor(deps, actor, id);
  const at = deps.clock.now().toISOString();
  await deps.store.transaction(async (tx) => {
    await tx.receipts.revokeWebhook(webhook.id, at);
    await tx.audit.append(actor, at, {
      type: 'webhook.revoked',
      subjectType: 'webhook',
      subjectId: webhook.id,
      data: { url: webhook.url },
    });
  });
  return view({ ...webhook, revokedAt: webhook.revokedAt ?? at });
}

/** The delivery log of a webhook, newest first: every attempt with its answer or error. */
export async function listWebhookDeliveries(
  deps: Pick<Deps, 'store'>,
  actor: Actor,
  id: string,
): Promise<WebhookDeliveryRecord[]> {
  const webhook = await loadWebhookFor(deps, actor, id);
  return deps.store.receipts.listDeliveries(webhook.id, 200);
}

async function loadWebhookFor(deps: Pick<Deps, 'store'>, actor: Actor, id: string): Promise<WebhookRecord> {
  const webhook = await deps.store.receipts.findWebhook(id);
  await loadOrganisationFor(deps.store.organisations, actor, 'webhook.manage', webhook?.orgId ?? id);
  if (!webhook) throw new DomainError('NOT_FOUND', 'No such webhook.');
  return webhook;
}
