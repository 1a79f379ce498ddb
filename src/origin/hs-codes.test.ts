import { describe, expect, it } from 'vitest';
import { chapterIn, formatHsCode, formatHsItem, hsItemContains, hsListContains } from './hs-codes.js';

describe('HS items in rules and table scopes', () => {
  it('contains codes by prefix, and says "maybe" when a code has fewer digits than the item', () => {
    const range = { from: '8501', to: '8504' };
    expect(hsItemContains(range, '8503000000')).toBe('yes');
    expect(hsItemContains(range, '850940')).toBe('no');
    expect(hsItemContains(range, '85')).toBe('maybe');
    expect(hsItemContains({ from: '850940', to: '850940' }, '8509')).toBe('maybe');
    expect(hsItemContains({ from: '85', to: '85' }, '8509')).toBe('yes');
    // 8509.00-8509.99 covers every subheading of heading 8509.
    expect(hsItemContains({ from: '850900', to: '850999' }, '8509')).toBe('yes');
    expect(hsListContains([{ from: '2901', to: '2901' }, range], '29')).toBe('maybe');
  });

  it('writes codes and ranges as people read them', () => {
    expect(formatHsCode('850940')).toBe('8509.40');
    expect(formatHsCode('8509400000')).toBe('8509.40.00.00');
    expect(formatHsItem({ from: '850910', to: '850940' })).toBe('8509.10-8509.40');
    expect(chapterIn('61', ['50-63'])).toBe(true);
    expect(chapterIn('64', ['50-63', '01'])).toBe(false);
  });
});
