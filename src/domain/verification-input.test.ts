import { describe, expect, it } from 'vitest';
import { lookAlikeVariants, normaliseReference } from './verification-input.js';

describe('what people type into verification, made comparable', () => {
  it('turns full-width characters, dash variants and stray spaces into the printed form', () => {
    expect(normaliseReference(' ＥＢ－２０２６－０１１７ ')).toBe('EB-2026-0117');
    expect(normaliseReference('eb\u20132026\u20140117')).toBe('EB-2026-0117');
    expect(normaliseReference('RC26 2200\u00a0000001\u200b')).toBe('RC262200000001');
    expect(normaliseReference('INV‐7ー8')).toBe('INV-7-8');
  });

  it('answers a number already in its printed form as it is, which the full normalisation also would', () => {
    // The short cut takes capitals, digits and "-" as they are: each is its own NFKC form and capital.
    for (const character of '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-')
      expect(character.normalize('NFKC').toUpperCase()).toBe(character);
    expect(normaliseReference('RC262200000001')).toBe('RC262200000001');
    expect(normaliseReference('')).toBe('');
    // One character outside it takes the whole way.
    expect(normaliseReference('RC2622-00000１')).toBe('RC2622-000001');
    expect(normaliseReference('rc2622')).toBe('RC2622');
  });

  it('offers the numbers a reader may have meant: one look-alike swapped at a time', () => {
    // A number read with two letters O where the certificate prints zeros: each swap is one variant.
    const variants = lookAlikeVariants('RC2622OO0001');
    expect(variants).toContain('RC26220O0001');
    expect(variants).toContain('RC2622O00001');
    expect(variants).not.toContain('RC2622OO0001');
    expect(lookAlikeVariants('XYZ')).toEqual(['XY2']);
  });
});
