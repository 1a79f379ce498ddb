import type { Actor } from '../../domain/actor.js';
import type { Deps } from '../ports.js';
import { loadApplicationFor } from './access.js';
import type { ApplicationView } from './assessment.js';
import { toApplicationView } from './assessment.js';

/** One application with its findings, what blocks its submission, and its documents. */
export async function getApplication(
  deps: Pick<Deps, 'store' | 'clock' | 'certificateTypes' | 'hs'>,
  actor: Actor,
  id: string,
): Promise<ApplicationView> {
  const application = await loadApplicationFor(deps, actor, 'application.read', id);
  return toApplicationView(deps, deps.store, application);
}
