import { describe, expect, it } from 'vitest';
import { DEFAULT_NUMBER_PATTERN, checkNumberPattern, formatCertificateNumber } from './certificate-number.js';

describe('certificate numbers from a pattern', () => {
  const parts = { typeCode: 'RC', year: 2026, officeCode: '2200', serial: 42 };

  it('fills type, year, office and the padded serial', () => {
    expect(formatCertificateNumber(DEFAULT_NUMBER_PATTERN, parts)).toBe('RC262200000042');
    expect(formatCertificateNumber('{office}-{yyyy}-{type}-{serial:4}', parts)).toBe('2200-2026-RC-0042');
    expect(formatCertificateNumber('{type}{yy}{office}{serial:2}', { ...parts, serial: 12345 })).toBe(
      'RC26220012345',
    );
  });

  it('accepts the default and refuses patterns that could repeat a number or carry stray text', () => {
    expect(checkNumberPattern(DEFAULT_NUMBER_PATTERN)).toEqual([]);
    expect(checkNumberPattern('{type}{yy}{serial:6}')).toEqual([
      'the pattern needs {office}: serials count per office',
    ]);
    expect(checkNumberPattern('{type}{office}{serial:6}')).toEqual(['the pattern needs {yy} or {yyyy}']);
    expect(checkNumberPattern('{type}{yy}{office}')).toEqual(['the pattern needs {serial:N}']);
    expect(checkNumberPattern('{type}{yy}{office}{serial:6}{month}')).toContain(
      'unknown placeholder in "{type}{yy}{office}{serial:6}{month}"',
    );
    expect(checkNumberPattern('{type} {yy}{office}{serial:6}')).toContain(
      'literal text may hold only capitals, digits, "-" and "/"',
    );
  });
});
