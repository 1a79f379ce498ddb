import fs from 'node:fs';
import path from 'node:path';
import type { HsNomenclature } from '../../domain/hs-nomenclature.js';
import type { OriginCatalogue } from '../../origin/origin-catalogue.js';
import { loadOriginCatalogue } from '../../origin/origin-catalogue.js';

const DEFAULT_DIR = path.resolve(import.meta.dirname, '..', '..', '..', 'data', 'origin');

/**
 * Reads data/origin (agreement profiles and shipped product-specific rules) and hands the contents to the
 * engine, which checks them all; any wrong file stops the start, named with its row and column.
 */
export function loadOriginData(nomenclature: HsNomenclature, dir = DEFAULT_DIR): OriginCatalogue {
  const read = (folder: string, extensions: string[]) =>
    fs
      .readdirSync(path.join(dir, folder))
      .filter((name) => extensions.some((extension) => name.endsWith(extension)))
      .sort()
      .map((name) => ({ name, content: fs.readFileSync(path.join(dir, folder, name), 'utf8') }));
  const agreements = read('agreements', ['.json']).map(({ name, content }) => {
    try {
      return { name, content: JSON.parse(content) as unknown };
    } catch (error) {
      throw new Error(`data/origin/agreements/${name}: not valid JSON (${(error as Error).message})`, {
        cause: error,
      });
    }
  });
  const loaded = loadOriginCatalogue({
    agreements,
    productSpecificRules: read('psr', ['.csv', '.json']),
    nomenclature,
  });
  if (!loaded.ok)
    throw new Error(`The origin data in ${dir} does not hold:\n  ${loaded.problems.join('\n  ')}`);
  return loaded.catalogue;
}
