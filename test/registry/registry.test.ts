import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpEnterpriseRegistry } from '../../src/adapters/registry/http-enterprise-registry.js';
import { RegistryUnavailableError } from '../../src/app/ports.js';
import { checkUscc } from '../../src/domain/uscc.js';
import { DEMO_PROFILES } from '../../src/app/demo/demo-data.js';
import { generateRegistryEnterprises } from '../../src/registry/enterprises.js';
import { RegistryProcess } from '../support/registry.js';

const root = path.resolve(import.meta.dirname, '..', '..');

describe('registry demo data', () => {
  const enterprises = generateRegistryEnterprises();

  it('has at least 200 enterprises with valid, unique USCCs and customs codes', () => {
    expect(enterprises.length).toBeGreaterThanOrEqual(200);
    expect(enterprises.every((enterprise) => checkUscc(enterprise.uscc) === undefined)).toBe(true);
    expect(new Set(enterprises.map((enterprise) => enterprise.uscc)).size).toBe(enterprises.length);
    expect(new Set(enterprises.map((enterprise) => enterprise.customsCode)).size).toBe(enterprises.length);
    for (const enterprise of enterprises) {
      expect(enterprise.customsCode).toMatch(new RegExp(`^${enterprise.customsDistrict}\\d{6}$`));
      // Characters 3 to 8 name the registering authority's division: the same province at least.
      expect(enterprise.uscc.slice(2, 4)).toBe(enterprise.divisionCode.slice(0, 2));
    }
  });

  it('uses county codes that exist in the administrative-division data package', () => {
    const tree = JSON.parse(
      fs.readFileSync(path.join(root, 'data', 'administrative-divisions', 'pca-code.json'), 'utf8'),
    ) as Array<{ children: Array<{ children: Array<{ code: string }> }> }>;
    const counties = new Set(
      tree.flatMap((province) =>
        province.children.flatMap((city) => city.children.map((county) => county.code)),
      ),
    );
    for (const enterprise of enterprises)
      expect(counties.has(enterprise.divisionCode), enterprise.divisionCode).toBe(true);
  });

  it('agrees with the demo enterprises Origo has already maintained (the two systems are seeded apart)', () => {
    for (const profile of Object.values(DEMO_PROFILES)) {
      const registered = enterprises.find((enterprise) => enterprise.uscc === profile.uscc);
      expect(registered, profile.uscc).toMatchObject({
        customsCode: profile.customsCode,
        nameZh: profile.nameZh,
        nameEn: profile.nameEn,
        divisionCode: profile.divisionCode,
      });
    }
  });

  it('is the same on every run (tests and demos can name enterprises)', () => {
    expect(generateRegistryEnterprises()[0]).toEqual(enterprises[0]);
  });
});

describe('HTTP adapter against the registry process', () => {
  let registryProcess: RegistryProcess;
  const known = generateRegistryEnterprises()[0]!;
  const noWait = async () => undefined;

  beforeAll(async () => {
    registryProcess = await RegistryProcess.start();
  });
  afterAll(async () => {
    await registryProcess.close();
  });

  it('finds a registered enterprise and answers undefined for an unknown USCC', async () => {
    const registry = createHttpEnterpriseRegistry({
      baseUrl: registryProcess.url,
      timeoutMs: 2000,
      retries: 2,
      backoffMs: 10,
    });
    expect(await registry.findEnterprise(known.uscc)).toEqual(known);
    expect(await registry.findEnterprise('91350100M000100Y43')).toBeUndefined();
  });

  it('retries with growing delays and then reports the registry unavailable when it is stopped', async () => {
    await registryProcess.stop();
    const delays: number[] = [];
    const registry = createHttpEnterpriseRegistry({
      baseUrl: registryProcess.url,
      timeoutMs: 500,
      retries: 3,
      backoffMs: 100,
      sleep: async (milliseconds) => {
        delays.push(milliseconds);
        await noWait();
      },
    });
    await expect(registry.findEnterprise(known.uscc)).rejects.toThrow(RegistryUnavailableError);
    expect(delays).toEqual([100, 200, 400]);

    await registryProcess.restart();
    expect((await registry.findEnterprise(known.uscc))?.nameZh).toBe(known.nameZh);
  });
});
