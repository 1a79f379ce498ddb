import { describe, expect, it } from 'vitest';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, checkPasswordPolicy } from './passwords.js';

const codes = (password: string, username: string) =>
  checkPasswordPolicy(password, username).map((problem) => problem.code);

describe('password rules (ADR 0003: length over composition, no obvious choices)', () => {
  it('accepts a long, unremarkable passphrase', () => {
    expect(checkPasswordPolicy('plum harbour kettle', 'ent.clerk')).toStrictEqual([]);
  });

  it('needs at least 10 characters', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(10);
    expect(codes('k3ttle!pl', 'ent.clerk')).toStrictEqual(['too_short']);
    expect(codes('k3ttle!plu', 'ent.clerk')).toStrictEqual([]);
  });

  it('allows at most 200 characters', () => {
    expect(PASSWORD_MAX_LENGTH).toBe(200);
    const long = 'plum harbour kettle '.repeat(10);
    expect(codes(long, 'ent.clerk')).toStrictEqual([]);
    expect(codes(`${long}x`, 'ent.clerk')).toStrictEqual(['too_long']);
  });

  it('refuses a password containing the username, whatever the case of either', () => {
    expect(codes('my-ENT.CLERK-password', 'ent.clerk')).toStrictEqual(['contains_username']);
    expect(codes('my-ent.clerk-password', 'Ent.Clerk')).toStrictEqual(['contains_username']);
    expect(codes('ent.clerk', 'ent.clerk')).toStrictEqual(['too_short', 'contains_username']);
    expect(codes('ent clerk kettle', 'ent.clerk')).toStrictEqual([]);
  });

  it('refuses a repetitive password (fewer than 4 different characters)', () => {
    expect(codes('aaaaaaaaaaaa', 'x')).toStrictEqual(['too_simple']);
    expect(codes('abcabcabcabc', 'x')).toStrictEqual(['too_simple']);
    expect(codes('abcdabcdabcd', 'x')).toStrictEqual([]);
  });

  it('reports every broken rule at once, with a message a user can act on', () => {
    expect(checkPasswordPolicy('aaa', 'x')).toStrictEqual([
      { path: 'password', code: 'too_short', message: 'Use at least 10 characters.' },
      { path: 'password', code: 'too_simple', message: 'Use a less repetitive password.' },
    ]);
  });

  it('names the field it checked: "password" unless told otherwise', () => {
    expect(checkPasswordPolicy('short', 'x')[0]?.path).toBe('password');
    const problems = checkPasswordPolicy('aaa-ent.clerk', 'ent.clerk', 'newPassword');
    expect(problems.map((problem) => problem.path)).toStrictEqual(['newPassword']);
    expect(checkPasswordPolicy('aa', 'aa', 'newPassword').map((problem) => problem.path)).toStrictEqual([
      'newPassword',
      'newPassword',
      'newPassword',
    ]);
  });
});
