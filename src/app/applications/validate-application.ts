import type { Actor } from '../../domain/actor.js';
import type { Deps } from '../ports.js';
import { loadApplicationFor } from './access.js';
import type { Assessment } from './assessment.js';
import { assess } from './assessment.js';

/** Runs the field rules and the submission conditions over an application as stored, changing nothing. */
export async function validateApplication(
  deps: Pick<Deps, 'store' | 'clock' | 'certificateTypes' | 'hs'>,
  actor: Actor,
  id: string,
): Promise<Assessment> {
  const application = await loadApplicationFor(deps, actor, 'application.read', id);
  const [profile, documents] = await Promise.all([
    deps.store.enterpriseProfiles.find(application.enterpriseId),
    deps.store.applications.listDocuments(application.id),
  ]);
  return assess(deps, application, profile, documents);
}
