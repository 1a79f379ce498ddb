import fs from 'node:fs';
import path from 'node:path';
import type { AdministrativeDivisions, Division } from '../../app/ports.js';

const DEFAULT_FILE = path.resolve(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'data',
  'administrative-divisions',
  'pca-code.json',
);

/** The GB/T 2260 data package shipped in data/administrative-divisions (see its README), read once. */
export function loadAdministrativeDivisions(file = DEFAULT_FILE): AdministrativeDivisions {
  const tree = JSON.parse(fs.readFileSync(file, 'utf8')) as Division[];
  const counties = new Set(
    tree.flatMap((province) =>
      (province.children ?? []).flatMap((city) => (city.children ?? []).map((county) => county.code)),
    ),
  );
  return { exists: (code) => counties.has(code), tree: () => tree };
}
