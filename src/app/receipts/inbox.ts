import type { Actor } from '../../domain/actor.js';
import { DomainError } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import type { Deps, ReceiptRecord } from '../ports.js';

/** The portal inbox: receipts of the caller's enterprise (or of the applications its agency made). */
export async function listReceipts(
  deps: Pick<Deps, 'store'>,
  actor: Actor,
  query: { unreadOnly: boolean; limit: number },
): Promise<{ items: ReceiptRecord[]; unread: number }> {
  if (actor.kind === 'system') return { items: [], unread: 0 };
  authorize(actor, 'receipt.read', { orgId: actor.orgId, orgKind: actor.orgKind });
  const [items, unread] = await Promise.all([
    deps.store.receipts.listFor(actor.orgId, query),
    deps.store.receipts.countUnread(actor.orgId),
  ]);
  return { items, unread };
}

/** Marks a receipt as read for the caller's organisation. */
export async function markReceiptRead(
  deps: Pick<Deps, 'store' | 'clock'>,
  actor: Actor,
  id: string,
): Promise<void> {
  const receipt = await deps.store.receipts.findById(id);
  const orgId = actor.kind === 'system' ? undefined : actor.orgId;
  const own = receipt && (receipt.enterpriseId === orgId || receipt.agencyId === orgId);
  authorize(
    actor,
    'receipt.read',
    own ? { orgId, orgKind: actor.kind === 'system' ? undefined : actor.orgKind } : {},
  );
  if (!receipt) throw new DomainError('NOT_FOUND', 'No such receipt.');
  await deps.store.receipts.markRead(receipt.id, deps.clock.now().toISOString());
}
