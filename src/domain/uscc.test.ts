import { describe, expect, it } from 'vitest';
import { checkUscc, usccCheckCharacter } from './uscc.js';

describe('GB 32100-2015 unified social credit code', () => {
  it('accepts the worked example of the standard', () => {
    expect(checkUscc('91350100M000100Y43')).toBeUndefined();
  });

  it('computes the check character from the first 17 characters', () => {
    expect(usccCheckCharacter('91350100M000100Y4')).toBe('3');
  });

  it('refuses a wrong check character, a forbidden letter and a wrong length', () => {
    expect(checkUscc('91350100M000100Y44')).toBe('check_character');
    expect(checkUscc('91350100M000100I43')).toBe('character');
    expect(checkUscc('91350100M000100Y4')).toBe('length');
  });
});
