import type { FieldProblem } from './errors.js';

/**
 * Certificates are filled in English: capital Latin letters, digits, spaces and ordinary punctuation.
 * Anything else (Chinese characters, full-width forms, lower case, curly quotes) is refused with the
 * offending character named, so a clerk can find it.
 */
const ALLOWED = /^[A-Z0-9 .,&'()\-/:;#+@"%*]*$/;

export function checkCertificateEnglish(
  value: string,
  path: string,
  options: { maxLength: number; required?: boolean },
): FieldProblem[] {
  if (value.trim() === '') {
    return options.required === false
      ? []
      : [{ path, code: 'required', message: 'Fill this in, in English.' }];
  }
  const problems: FieldProblem[] = [];
  if (value !== value.trim() || /\s{2,}/.test(value)) {
    problems.push({ path, code: 'untrimmed', message: 'Remove leading, trailing and repeated spaces.' });
  }
  if (!ALLOWED.test(value)) {
    const bad = [...value].find((character) => !ALLOWED.test(character)) ?? '';
    const chinese = /[\u3000-\u9fff\uff00-\uffef]/.test(value);
    problems.push({
      path,
      code: chinese ? 'chinese_characters' : 'invalid_characters',
      message: chinese
        ? `Use English only: "${bad}" is a Chinese or full-width character.`
        : `Use capital letters, digits and ordinary punctuation only: "${bad}" is not allowed.`,
    });
  }
  if (value.length > options.maxLength) {
    problems.push({ path, code: 'too_long', message: `Use at most ${options.maxLength} characters.` });
  }
  return problems;
}
