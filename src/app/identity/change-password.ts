import type { Actor } from '../../domain/actor.js';
import { DomainError } from '../../domain/errors.js';
import { checkPasswordPolicy } from '../../domain/passwords.js';
import { authorize } from '../../domain/policy.js';
import type { Deps } from '../ports.js';

/** Changes the caller's own password; every other session of the user is ended. */
export async function changePassword(
  deps: Pick<Deps, 'store' | 'clock' | 'passwords'>,
  actor: Actor,
  input: { currentPassword: string; newPassword: string; currentSessionId?: string | undefined },
): Promise<void> {
  authorize(actor, 'account.changePassword');
  if (actor.kind !== 'user') return;
  const user = await deps.store.users.findById(actor.userId);
  if (!user) throw new DomainError('UNAUTHENTICATED', 'Log in again.');
  if (!(await deps.passwords.verify(user.passwordHash, input.currentPassword))) {
    throw new DomainError('INVALID_CREDENTIALS', 'The current password is wrong.', [
      { path: 'currentPassword', code: 'wrong', message: 'The current password is wrong.' },
    ]);
  }
  const problems = checkPasswordPolicy(input.newPassword, user.username, 'newPassword');
  if (input.newPassword === input.currentPassword) {
    problems.push({
      path: 'newPassword',
      code: 'unchanged',
      message: 'Choose a password you have not just used.',
    });
  }
  if (problems.length)
    throw new DomainError('PASSWORD_POLICY', 'The new password does not meet the rules.', problems);
  const passwordHash = await deps.passwords.hash(input.newPassword);
  const at = deps.clock.now().toISOString();
  await deps.store.transaction(async (tx) => {
    await tx.users.updatePassword(user.id, passwordHash, at);
    await tx.sessions.deleteForUser(user.id, input.currentSessionId);
    await tx.audit.append(actor, at, {
      type: 'user.password_changed',
      subjectType: 'user',
      subjectId: user.id,
      data: {},
    });
  });
}
