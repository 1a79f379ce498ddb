import type { Deps, VerificationCaseRecord } from '../ports.js';

/** A case as it is shown: with its owner's name, so nobody reads user ids. */
export interface VerificationCaseView extends VerificationCaseRecord {
  /** The owning officer's display name; null when nobody owns the case. */
  ownerName: string | null;
}

/** Adds the owners' display names to cases, in one look-up. */
export async function withOwnerNames(
  deps: Pick<Deps, 'store'>,
  cases: readonly VerificationCaseRecord[],
): Promise<VerificationCaseView[]> {
  const ids = [...new Set(cases.flatMap((entry) => (entry.ownerId ? [entry.ownerId] : [])))];
  const owners = ids.length ? await deps.store.users.findByIds(ids) : [];
  const names = new Map(owners.map((user) => [user.id, user.displayName]));
  return cases.map((entry) => ({
    ...entry,
    ownerName: entry.ownerId ? (names.get(entry.ownerId) ?? entry.ownerId) : null,
  }));
}
