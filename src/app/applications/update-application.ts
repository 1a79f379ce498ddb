import type { Actor } from '../../domain/actor.js';
import { EDITABLE_STATUSES } from '../../domain/application-lifecycle.js';
import { DomainError } from '../../domain/errors.js';
import type { Deps } from '../ports.js';
import { loadApplicationFor } from './access.js';
import type { ApplicationView } from './assessment.js';
import { toApplicationView } from './assessment.js';
import { parseApplicationData } from './parse-application-data.js';

/**
 * Saves a draft's boxes (the whole data; the portal's automatic save calls this). The caller names the
 * version it edited: when someone saved in between, nothing is overwritten and CONFLICT says so.
 */
export async function updateApplication(
  deps: Pick<Deps, 'store' | 'clock' | 'certificateTypes' | 'hs'>,
  actor: Actor,
  input: { id: string; expectedVersion: number; data: unknown },
): Promise<ApplicationView> {
  const application = await loadApplicationFor(deps, actor, 'application.apply', input.id);
  const data = parseApplicationData(input.data);
  if (!EDITABLE_STATUSES.includes(application.status))
    throw new DomainError(
      'CONFLICT',
      `The application is ${application.status}; only a draft or a returned application can be edited.`,
      [],
      {
        status: application.status,
      },
    );
  const saved = {
    ...application,
    data,
    version: application.version + 1,
    updatedAt: deps.clock.now().toISOString(),
  };
  // Draft saves are not audited: a draft is the applicant's working copy; creation and submission are.
  if (
    application.version !== input.expectedVersion ||
    !(await deps.store.applications.update(saved, input.expectedVersion))
  )
    throw staleVersion(input.expectedVersion);
  return toApplicationView(deps, deps.store, saved);
}

export function staleVersion(expected: number): DomainError {
  return new DomainError(
    'CONFLICT',
    `The application changed since you opened it (you had version ${expected}). Reload it and make your change again.`,
    [{ path: 'expectedVersion', code: 'stale_version', message: 'Reload the application.' }],
  );
}
