import { describe, expect, it } from 'vitest';
import { applicationDataSchema, numberInWords, packagesStatement, routeStatement } from './application.js';

describe('quantities in words (box 7: "TWO THOUSAND (2000) CARTONS")', () => {
  it.each([
    [1, 'ONE'],
    [13, 'THIRTEEN'],
    [40, 'FORTY'],
    [95, 'NINETY-FIVE'],
    [100, 'ONE HUNDRED'],
    [305, 'THREE HUNDRED FIVE'],
    [2000, 'TWO THOUSAND'],
    [2024, 'TWO THOUSAND TWENTY-FOUR'],
    [1_000_001, 'ONE MILLION ONE'],
    [12_345_678, 'TWELVE MILLION THREE HUNDRED FORTY-FIVE THOUSAND SIX HUNDRED SEVENTY-EIGHT'],
  ])('%i is %s', (value, words) => {
    expect(numberInWords(value)).toBe(words);
  });

  it('refuses what is not a whole number', () => {
    expect(() => numberInWords(1.5)).toThrow(RangeError);
    expect(() => numberInWords(-1)).toThrow(RangeError);
  });

  it('states packages in words and digits, and unpacked goods as such', () => {
    expect(packagesStatement({ packageCount: 2000, packageKind: 'CARTONS' })).toBe(
      'TWO THOUSAND (2000) CARTONS',
    );
    expect(packagesStatement({ packageCount: null, packageKind: 'IN BULK' })).toBe('IN BULK');
    expect(packagesStatement({ packageCount: null, packageKind: 'CARTONS' })).toBe('');
  });
});

describe('the route of box 3', () => {
  it('reads FROM ... TO ... BY ... VIA ...', () => {
    expect(
      routeStatement({
        departureDate: '',
        mode: 'SEA',
        vesselOrFlight: '',
        portOfLoading: 'SHANGHAI',
        portOfDischarge: 'ROTTERDAM',
        via: 'HONG KONG',
      }),
    ).toBe('FROM SHANGHAI TO ROTTERDAM BY VESSEL VIA HONG KONG');
  });
});

describe('application data shape', () => {
  it('fills a partial draft with empty boxes', () => {
    const data = applicationDataSchema.parse({ destinationCountry: 'KR' });
    expect(data.items).toEqual([]);
    expect(data.commitment).toBe(false);
    expect(data.exporter).toEqual({ name: '', address: '', country: '' });
  });

  it('refuses unknown keys and wrong kinds of value, naming the path', () => {
    const result = applicationDataSchema.safeParse({ items: [{ packageCount: 'many' }], colour: 'red' });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['items.0.packageCount', '']));
  });
});
