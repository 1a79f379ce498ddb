import { describe, expect, it } from 'vitest';
import { parseBillOfMaterials } from './bill-of-materials.js';

const product = {
  hsCode: '8509.40.00.00',
  names: { zh: '食品研磨机', en: 'Food grinder' },
  unit: 'PCS',
  exWorksPrice: 90,
  fobPrice: 100,
  netWeightKg: 3.2,
};

describe('bill of materials (advance origin verification, DOMAIN.md 7)', () => {
  it('fills defaults and drops the dots people write in HS codes', () => {
    const parsed = parseBillOfMaterials({
      product,
      materials: [{ name: 'Motor', hsCode: '8501.10', originCountry: 'DE', value: 62.5 }],
    });
    expect(parsed).toMatchObject({
      ok: true,
      bill: {
        product: { hsCode: '8509400000', model: '' },
        currency: 'USD',
        processes: [],
        valueAdded: null,
        whollyObtained: null,
        materials: [
          {
            hsCode: '850110',
            role: 'material',
            proofOfOrigin: null,
            weightKg: null,
            deductions: [],
            subAssembly: null,
          },
        ],
      },
    });
  });

  it('names the field of every problem: amounts with more than two decimals, unknown countries, short codes', () => {
    const parsed = parseBillOfMaterials({
      product: { ...product, hsCode: '850940', fobPrice: 0 },
      materials: [
        { name: 'Motor', hsCode: '8501.10', originCountry: 'XX', value: 62.555 },
        { name: 'Unit', hsCode: '85', originCountry: 'CN', value: 1, subAssembly: { materials: [] } },
        { name: 'Jar', hsCode: '8509.40', originCountry: 'VN', value: 1, colour: 'red' },
      ],
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((problem) => problem.path)).toEqual([
      'product.hsCode',
      'product.fobPrice',
      'materials.0.originCountry',
      'materials.0.value',
      'materials.1.hsCode',
      'materials.2',
    ]);
    expect(parsed.problems[3]!.message).toBe('a value has at most two decimals');
    expect(parsed.problems[4]!.message).toMatch(/sub-assembly needs at least a 6-digit HS code/);
  });

  it('refuses sub-assemblies nested more than five levels deep', () => {
    let assembly: Record<string, unknown> = { materials: [] };
    for (let level = 0; level < 6; level++)
      assembly = {
        materials: [
          { name: `Level ${level}`, hsCode: '850110', originCountry: 'CN', value: 1, subAssembly: assembly },
        ],
      };
    const parsed = parseBillOfMaterials({ product, ...assembly });
    expect(parsed).toMatchObject({
      ok: false,
      problems: [{ path: 'materials', message: 'sub-assemblies nest at most 5 levels deep' }],
    });
  });
});
