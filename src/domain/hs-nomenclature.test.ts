import { describe, expect, it } from 'vitest';
import { hs } from '../../test/support/applications.js';
import { parseHsCsv } from './hs-nomenclature.js';

describe('HS 2022 nomenclature (data/hs2022)', () => {
  it('holds the chapters, headings and subheadings, without the statistical 99 codes', () => {
    expect(hs.get('61')?.level).toBe(2);
    expect(hs.get('6109')?.level).toBe(4);
    expect(hs.get('610910')?.description).toMatch(/cotton/i);
    expect(hs.get('99')).toBeUndefined();
    expect(hs.size).toBeGreaterThan(6000);
  });

  it('accepts a declared 8- or 10-digit code that rests on a subheading, and nothing else', () => {
    expect(hs.hasSubheadingOf('6109100021')).toBe(true);
    expect(hs.hasSubheadingOf('610910')).toBe(true);
    expect(hs.hasSubheadingOf('6109')).toBe(false);
    expect(hs.hasSubheadingOf('610980')).toBe(false);
    expect(hs.hasSubheadingOf('61091O')).toBe(false);
  });

  it('searches by code prefix and by description words', () => {
    expect(hs.search('6109').map((entry) => entry.code)).toEqual(['6109', '610910', '610990']);
    const found = hs.search('cotton t-shirts');
    expect(found[0]?.code).toBe('610910');
    expect(hs.search('   ')).toEqual([]);
  });

  it('refuses a malformed file, naming the line', () => {
    expect(() => parseHsCsv('section,hscode,description,parent,level\nI,0101,Horses,01,6\n')).toThrow(
      /line 2/,
    );
    expect(() => parseHsCsv('code,text\n')).toThrow(/header/);
  });
});
