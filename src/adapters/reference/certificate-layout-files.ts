import fs from 'node:fs';
import path from 'node:path';
import type { CertificateLayoutCatalogue, CertificateTypeCatalogue } from '../../app/ports.js';
import type { CertificateLayout } from '../../domain/certificate-layouts.js';
import { certificateLayoutSchema, checkLayoutAgainstType } from '../../domain/certificate-layouts.js';

const DEFAULT_DIR = path.resolve(import.meta.dirname, '..', '..', '..', 'data', 'certificate-layouts');

/** A layout file that does not hold: which file, which key, what is wrong. The server refuses to start. */
export class CertificateLayoutFileError extends Error {}

export type { CertificateLayoutCatalogue };

/**
 * Reads every `*.json` in the directory (data/certificate-layouts by default), checks each against the
 * schema and against its certificate type, and requires one layout for every type: a certificate that
 * cannot be printed is found at start, not at the counter.
 */
export function loadCertificateLayouts(
  types: CertificateTypeCatalogue,
  dir = DEFAULT_DIR,
): CertificateLayoutCatalogue {
  const files = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  const problems: string[] = [];
  const layouts = new Map<string, CertificateLayout>();
  for (const file of files) {
    let content: unknown;
    try {
      content = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    } catch (error) {
      problems.push(`${file}: not valid JSON (${(error as Error).message})`);
      continue;
    }
    const parsed = certificateLayoutSchema.safeParse(content);
    if (!parsed.success) {
      for (const issue of parsed.error.issues.slice(0, 10))
        problems.push(`${file}: ${issue.path.join('.') || '(file)'}: ${issue.message}`);
      continue;
    }
    if (`${parsed.data.code}.json` !== file)
      problems.push(`${file}: code "${parsed.data.code}" must match the file name`);
    const type = types.get(parsed.data.code);
    if (!type) {
      problems.push(`${file}: there is no certificate type ${parsed.data.code}`);
      continue;
    }
    for (const problem of checkLayoutAgainstType(parsed.data, type)) problems.push(`${file}: ${problem}`);
    layouts.set(parsed.data.code, parsed.data);
  }
  for (const type of types.list())
    if (!layouts.has(type.code))
      problems.push(`${type.code}.json: missing (type ${type.code} has no layout)`);
  if (problems.length)
    throw new CertificateLayoutFileError(
      `Certificate layout files in ${dir} do not hold:\n  ${problems.join('\n  ')}`,
    );
  return { get: (code) => layouts.get(code) };
}
