import type { FieldProblem } from './errors.js';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

/** The password rules (NIST SP 800-63B style: length over composition, no obvious choices). */
export function checkPasswordPolicy(password: string, username: string, path = 'password'): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) {
    problems.push({
      path,
      code: 'too_short',
      message: `Use at least ${PASSWORD_MIN_LENGTH} characters.`,
    });
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    problems.push({ path, code: 'too_long', message: `Use at most ${PASSWORD_MAX_LENGTH} characters.` });
  }
  const lowered = password.toLowerCase();
  if (username.length > 0 && lowered.includes(username.toLowerCase())) {
    problems.push({
      path,
      code: 'contains_username',
      message: 'The password must not contain the username.',
    });
  }
  if (new Set(password).size < 4) {
    problems.push({ path, code: 'too_simple', message: 'Use a less repetitive password.' });
  }
  return problems;
}
