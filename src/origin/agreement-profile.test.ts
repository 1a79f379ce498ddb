import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { certificateTypeSchema } from '../domain/certificate-types.js';
import { HsNomenclature, parseHsCsv } from '../domain/hs-nomenclature.js';
import { criterionCodeFor, loadAgreementProfile } from './agreement-profile.js';
import { loadOriginCatalogue } from './origin-catalogue.js';

const DATA_DIR = path.resolve(import.meta.dirname, '..', '..', 'data');
const read = (...parts: string[]) => fs.readFileSync(path.join(DATA_DIR, ...parts), 'utf8');
const agreementFiles = fs
  .readdirSync(path.join(DATA_DIR, 'origin', 'agreements'))
  .filter((name) => name.endsWith('.json'))
  .map((name) => ({ name, content: JSON.parse(read('origin', 'agreements', name)) as unknown }));
const tableFiles = fs
  .readdirSync(path.join(DATA_DIR, 'origin', 'psr'))
  .map((name) => ({ name, content: read('origin', 'psr', name) }));
const hs = new HsNomenclature(parseHsCsv(read('hs2022', 'hs2022.csv')));

describe('agreement profiles (data/origin/agreements)', () => {
  const loaded = loadOriginCatalogue({
    agreements: agreementFiles,
    productSpecificRules: tableFiles,
    nomenclature: hs,
  });

  it('every shipped profile and rule table passes its schema and checks', () => {
    expect(loaded).toMatchObject({ ok: true });
    if (!loaded.ok) return;
    expect([...loaded.catalogue.agreements.keys()].sort()).toEqual([
      'ACFTA',
      'CKFTA',
      'NONPREFERENTIAL',
      'RCEP',
    ]);
    expect(loaded.catalogue.agreements.get('RCEP')!.table!.rows).toHaveLength(3);
    expect(loaded.catalogue.agreements.get('NONPREFERENTIAL')!.table!.rows).toHaveLength(0);
  });

  it('produces exactly the origin criterion codes its certificate types accept (RC, BR, E, K; C has none)', () => {
    if (!loaded.ok) throw new Error('catalogue');
    for (const { profile } of loaded.catalogue.agreements.values()) {
      for (const typeCode of profile.certificateTypes) {
        const type = certificateTypeSchema.parse(JSON.parse(read('certificate-types', `${typeCode}.json`)));
        const accepted = new Map(type.originCriteria.map((criterion) => [criterion.code, criterion]));
        if (!profile.criteria) {
          expect(accepted.size, `${typeCode} has no criterion box`).toBe(0);
          continue;
        }
        const main = [
          profile.criteria.whollyObtained,
          profile.criteria.producedEntirely,
          ...Object.values(profile.criteria.productSpecificRule),
          ...Object.values(profile.criteria.generalRule),
        ];
        for (const code of main)
          expect(accepted.get(code)?.supplementary, `${profile.id} ${code} on ${typeCode}`).toBe(false);
        for (const code of [profile.criteria.accumulation, profile.criteria.deMinimis])
          if (code)
            expect(accepted.get(code)?.supplementary, `${profile.id} ${code} on ${typeCode}`).toBe(true);
        // The certificate states the FOB value exactly for the codes the type marks as value content.
        const valueContent = type.originCriteria
          .filter((criterion) => criterion.valueContent)
          .map((c) => c.code);
        expect(
          [...new Set(main)].filter((code) => profile.criteria!.valueContent.includes(code)).sort(),
          `${profile.id} value content on ${typeCode}`,
        ).toEqual(valueContent.filter((code) => main.includes(code)).sort());
      }
    }
  });

  it('maps passes to codes: RCEP CTC and RVC, Form E general rule CTH and RVC but PSR under a row, China-Korea WP', () => {
    if (!loaded.ok) throw new Error('catalogue');
    const profile = (id: string) => loaded.catalogue.agreements.get(id)!.profile;
    expect(criterionCodeFor(profile('RCEP'), 'product_specific', 'CTSH')).toBe('CTC');
    expect(criterionCodeFor(profile('RCEP'), 'product_specific', 'RVC')).toBe('RVC');
    expect(criterionCodeFor(profile('ACFTA'), 'general', 'CTH')).toBe('CTH');
    expect(criterionCodeFor(profile('ACFTA'), 'general', 'RVC')).toBe('RVC');
    expect(criterionCodeFor(profile('ACFTA'), 'product_specific', 'CTSH')).toBe('PSR');
    expect(criterionCodeFor(profile('CKFTA'), 'product_specific', 'PE')).toBe('WP');
    expect(criterionCodeFor(profile('NONPREFERENTIAL'), 'general', 'CTH')).toBeNull();
  });

  it('refuses a profile with a wrong key or a general rule that does not parse, naming the key', () => {
    const rcep = agreementFiles.find((file) => file.name === 'RCEP.json')!.content as Record<string, unknown>;
    expect(loadAgreementProfile({ ...rcep, generalRule: 'CTH |' })).toStrictEqual({
      ok: false,
      problems: [
        'generalRule: at character 6: expected a rule: WO, PE, CC, CTH, CTSH, RVC, MAXNOM, WEIGHT, PROCESS or (',
      ],
    });
    expect(loadAgreementProfile({ ...rcep, valueBasis: 'CIF' })).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/^valueBasis: /)],
    });
    expect(loadAgreementProfile({ ...rcep, exportingParty: 'US' })).toStrictEqual({
      ok: false,
      problems: ['parties: the exporting Party US is not listed'],
    });
    expect(
      loadOriginCatalogue({
        agreements: [{ name: 'ACFTA.json', content: rcep }],
        productSpecificRules: tableFiles,
      }),
    ).toStrictEqual({ ok: false, problems: ['ACFTA.json: id "RCEP" differs from the file name'] });
  });
});
