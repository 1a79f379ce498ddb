import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy } from './passwords.js';

describe('password rules', () => {
  it('accepts a long, unremarkable passphrase', () => {
    expect(checkPasswordPolicy('plum harbour kettle', 'ent.clerk')).toEqual([]);
  });

  it('refuses a short password, one containing the username (any case), and a repetitive one', () => {
    expect(checkPasswordPolicy('short', 'x').map((problem) => problem.code)).toContain('too_short');
    expect(checkPasswordPolicy('my-ENT.CLERK-password', 'ent.clerk').map((problem) => problem.code)).toEqual([
      'contains_username',
    ]);
    expect(checkPasswordPolicy('aaaaaaaaaaaa', 'x').map((problem) => problem.code)).toEqual(['too_simple']);
  });

  it('names the field it checked', () => {
    expect(checkPasswordPolicy('short', 'x', 'newPassword')[0]?.path).toBe('newPassword');
  });
});
