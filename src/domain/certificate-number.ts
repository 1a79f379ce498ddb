/**
 * Certificate numbers, from a configurable pattern (the current customs format is unverified, DOMAIN.md
 * section 6). Placeholders: {type} certificate type code, {yyyy} / {yy} year of approval (China time),
 * {office} issuing office code, {serial:N} the serial zero-padded to N digits. The serial counts per
 * office, type and year without gaps (the store increments it in the approval's transaction).
 */

export const DEFAULT_NUMBER_PATTERN = '{type}{yy}{office}{serial:6}';

const PLACEHOLDER = /\{(type|yyyy|yy|office|serial(?::(\d{1,2}))?)\}/g;

export interface NumberParts {
  typeCode: string;
  /** Four digits. */
  year: number;
  officeCode: string;
  serial: number;
}

/** Problems with a pattern, or none: it must contain the serial and the type, year and office (uniqueness). */
export function checkNumberPattern(pattern: string): string[] {
  const problems: string[] = [];
  const names = [...pattern.matchAll(PLACEHOLDER)].map((match) => match[1]!.split(':')[0]!);
  if (!names.includes('serial')) problems.push('the pattern needs {serial:N}');
  if (!names.includes('type')) problems.push('the pattern needs {type}: serials count per type');
  if (!names.includes('yy') && !names.includes('yyyy')) problems.push('the pattern needs {yy} or {yyyy}');
  if (!names.includes('office')) problems.push('the pattern needs {office}: serials count per office');
  const rest = pattern.replace(PLACEHOLDER, '');
  if (/[{}]/.test(rest)) problems.push(`unknown placeholder in "${pattern}"`);
  if (!/^[A-Z0-9\-/]*$/.test(rest)) problems.push('literal text may hold only capitals, digits, "-" and "/"');
  return problems;
}

/** The certificate number for these parts. A serial longer than its padding is written in full. */
export function formatCertificateNumber(pattern: string, parts: NumberParts): string {
  return pattern.replace(PLACEHOLDER, (_match, name: string, width?: string) => {
    if (name === 'type') return parts.typeCode;
    if (name === 'yyyy') return String(parts.year);
    if (name === 'yy') return String(parts.year % 100).padStart(2, '0');
    if (name === 'office') return parts.officeCode;
    return String(parts.serial).padStart(Number(width ?? 1), '0');
  });
}
