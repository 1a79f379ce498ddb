import type { FieldProblem } from './errors.js';

/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from a 31-character
 * alphabet (digits and capitals without I, O, Z, S, V); the last is a check character computed with
 * weights 3^i mod 31.
 */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters, or undefined when they are not valid. */
export function usccCheckCharacter(first17: string): string | undefined {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let index = 0; index < 17; index += 1) {
    const value = USCC_ALPHABET.indexOf(first17[index] ?? '');
    if (value < 0) return undefined;
    sum += value * (WEIGHTS[index] ?? 0);
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

export type UsccProblem = 'length' | 'character' | 'check_character';

/** Checks a USCC; returns the problem, or undefined when it is valid. */
export function checkUscc(code: string): UsccProblem | undefined {
  if (code.length !== 18) return 'length';
  for (const character of code) if (!USCC_ALPHABET.includes(character)) return 'character';
  return usccCheckCharacter(code.slice(0, 17)) === code[17] ? undefined : 'check_character';
}

/** A USCC problem as a field problem with the message a clerk sees, or undefined when the code is valid. */
export function usccFieldProblem(code: string, path = 'uscc'): FieldProblem | undefined {
  const problem = checkUscc(code);
  if (!problem) return undefined;
  return problem === 'check_character'
    ? {
        path,
        code: 'check_character',
        message: 'The last character does not match the others (GB 32100-2015); check for a typing error.',
      }
    : {
        path,
        code: 'invalid_uscc',
        message:
          'A unified social credit code has 18 characters: digits and capital letters except I, O, S, V, Z.',
      };
}
