import type { Actor } from '../../domain/actor.js';
import { authorize } from '../../domain/policy.js';
import type { Deps, StoredAuditEvent } from '../ports.js';

/** A page of the audit trail, newest first; `nextBefore` continues it. */
export async function listAuditEvents(
  deps: Pick<Deps, 'store'>,
  actor: Actor,
  input: { beforeSeq?: number | undefined; limit: number },
): Promise<{ items: StoredAuditEvent[]; nextBefore: number | null }> {
  authorize(actor, 'audit.read');
  const items = await deps.store.audit.listNewestFirst(input);
  const last = items.at(-1);
  return { items, nextBefore: items.length === input.limit && last && last.seq > 1 ? last.seq : null };
}
