import type { Actor } from '../../domain/actor.js';
import type { FieldProblem } from '../../domain/errors.js';
import { DomainError } from '../../domain/errors.js';
import { checkPasswordPolicy } from '../../domain/passwords.js';
import type { Role } from '../../domain/roles.js';
import { ROLES_BY_ORGANISATION_KIND } from '../../domain/roles.js';
import { loadOrganisationFor } from '../organisations/access.js';
import type { Deps } from '../ports.js';
import { newId } from '../tokens.js';
import type { UserView } from './views.js';
import { toUserView } from './views.js';

export interface CreateUserInput {
  orgId: string;
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
  /** Offices a customs officer belongs to. */
  officeIds?: string[] | undefined;
  /** Ask the user to choose their own password at first login (default for accounts made by others). */
  mustChangePassword?: boolean | undefined;
}

/** Creates a user in an organisation, with roles that organisation's kind allows. */
export async function createUser(
  deps: Pick<Deps, 'store' | 'clock' | 'passwords'>,
  actor: Actor,
  input: CreateUserInput,
): Promise<UserView> {
  const { store } = deps;
  const organisation = await loadOrganisationFor(store.organisations, actor, 'user.manage', input.orgId);
  const username = input.username.trim().toLowerCase();
  const officeIds = [...new Set(input.officeIds ?? [])].sort();

  const problems: FieldProblem[] = [];
  const allowed = ROLES_BY_ORGANISATION_KIND[organisation.kind];
  input.roles.forEach((role, index) => {
    if (!allowed.includes(role)) {
      problems.push({
        path: `roles.${index}`,
        code: 'role_not_allowed',
        message: `A member of ${organisation.kind === 'office' ? 'an office' : `an ${organisation.kind}`} cannot hold the role ${role}; allowed: ${allowed.join(', ')}.`,
      });
    }
  });
  if (input.roles.length === 0)
    problems.push({ path: 'roles', code: 'required', message: 'Give the user at least one role.' });
  if (officeIds.length && !input.roles.includes('customs_officer')) {
    problems.push({
      path: 'officeIds',
      code: 'not_an_officer',
      message: 'Only customs officers belong to offices.',
    });
  }
  if (input.roles.includes('customs_officer') && officeIds.length === 0) {
    problems.push({
      path: 'officeIds',
      code: 'required',
      message: 'A customs officer belongs to at least one office.',
    });
  }
  if (officeIds.length) {
    const offices = await store.organisations.list({ kind: 'office', ids: officeIds });
    officeIds.forEach((officeId, index) => {
      if (!offices.some((office) => office.id === officeId)) {
        problems.push({
          path: `officeIds.${index}`,
          code: 'unknown_office',
          message: `No office ${officeId}.`,
        });
      }
    });
  }
  problems.push(...checkPasswordPolicy(input.password, username));
  if (problems.length)
    throw new DomainError('VALIDATION_FAILED', 'The user cannot be created as given.', problems);
  if (await store.users.findByUsername(username)) {
    throw new DomainError('USERNAME_TAKEN', `The username ${username} is taken.`, [
      { path: 'username', code: 'taken', message: 'Choose another username.' },
    ]);
  }

  const at = deps.clock.now().toISOString();
  const user = {
    id: newId(),
    orgId: organisation.id,
    username,
    displayName: input.displayName.trim(),
    passwordHash: await deps.passwords.hash(input.password),
    roles: [...new Set(input.roles)],
    status: 'active' as const,
    mustChangePassword: input.mustChangePassword ?? actor.kind !== 'system',
    createdAt: at,
    updatedAt: at,
    passwordChangedAt: at,
  };
  await store.transaction(async (tx) => {
    await tx.users.insert(user, officeIds);
    await tx.audit.append(actor, at, {
      type: 'user.created',
      subjectType: 'user',
      subjectId: user.id,
      data: { username, orgId: organisation.id, roles: user.roles, officeIds },
    });
  });
  return toUserView(user, officeIds);
}
