import type { Actor } from '../../domain/actor.js';
import { DomainError } from '../../domain/errors.js';
import { usccFieldProblem } from '../../domain/uscc.js';
import { loadOrganisationFor } from '../organisations/access.js';
import type { Deps, RegisteredEnterprise } from '../ports.js';
import { RegistryUnavailableError } from '../ports.js';

export interface RegistryPrefill {
  registered: RegisteredEnterprise;
  /** The issuing office of the enterprise's customs district, when Origo has it. */
  affiliatedOfficeId: string | null;
}

/** Validates a USCC and asks the registry what it knows, to pre-fill first-time maintenance. */
export async function lookupRegisteredEnterprise(
  deps: Pick<Deps, 'store' | 'registry'>,
  actor: Actor,
  uscc: string,
): Promise<RegistryPrefill> {
  if (actor.kind === 'system') throw new DomainError('FORBIDDEN', 'Only an enterprise looks itself up.');
  const own = await loadOrganisationFor(
    deps.store.organisations,
    actor,
    'enterpriseProfile.maintain',
    actor.orgId,
  );
  const problem = usccFieldProblem(uscc);
  if (problem)
    throw new DomainError('VALIDATION_FAILED', 'The unified social credit code is not valid.', [problem]);
  // An enterprise looks up its own code only: not another enterprise's registration.
  const holder = await deps.store.organisations.findByCode(uscc);
  if ((own.code && own.code !== uscc) || (holder && holder.id !== actor.orgId)) {
    throw new DomainError('FORBIDDEN', 'This unified social credit code belongs to another enterprise.');
  }

  let registered: RegisteredEnterprise | undefined;
  try {
    registered = await deps.registry.findEnterprise(uscc);
  } catch (error) {
    if (error instanceof RegistryUnavailableError) {
      throw new DomainError(
        'DEPENDENCY_UNAVAILABLE',
        'The enterprise qualification registry does not answer; fill in the form yourself or try again later.',
      );
    }
    throw error;
  }
  if (!registered) {
    throw new DomainError('NOT_FOUND', 'The enterprise qualification registry does not know this code.', [
      {
        path: 'uscc',
        code: 'not_registered',
        message: 'Check the code, or register the enterprise with customs first.',
      },
    ]);
  }
  const office = await deps.store.organisations.findByCode(registered.customsDistrict);
  return { registered, affiliatedOfficeId: office?.kind === 'office' ? office.id : null };
}
