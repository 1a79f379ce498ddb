import fs from 'node:fs';
import path from 'node:path';
import { HsNomenclature, parseHsCsv } from '../../domain/hs-nomenclature.js';

const DEFAULT_FILE = path.resolve(import.meta.dirname, '..', '..', '..', 'data', 'hs2022', 'hs2022.csv');

/** The HS 2022 data package shipped in data/hs2022 (see its README), read once. */
export function loadHsNomenclature(file = DEFAULT_FILE): HsNomenclature {
  return new HsNomenclature(parseHsCsv(fs.readFileSync(file, 'utf8')));
}
