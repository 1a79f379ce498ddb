import fs from 'node:fs';
import path from 'node:path';
import type { CertificateTypeCatalogue } from '../../app/ports.js';
import type { CertificateType } from '../../domain/certificate-types.js';
import { certificateTypeSchema, checkCertificateTypeConsistency } from '../../domain/certificate-types.js';

const DEFAULT_DIR = path.resolve(import.meta.dirname, '..', '..', '..', 'data', 'certificate-types');

/** A type file that does not hold: which file, which key, what is wrong. The server refuses to start. */
export class CertificateTypeFileError extends Error {}

/**
 * Reads every `*.json` in the directory (data/certificate-types by default), checks each against the
 * schema and for consistency, and refuses the lot when any file is wrong: a half-loaded catalogue would
 * accept applications the authority did not mean to.
 */
export function loadCertificateTypes(dir = DEFAULT_DIR): CertificateTypeCatalogue {
  const files = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  if (files.length === 0) throw new CertificateTypeFileError(`${dir}: no certificate type files (*.json)`);
  const problems: string[] = [];
  const types: CertificateType[] = [];
  for (const file of files) {
    let content: unknown;
    try {
      content = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    } catch (error) {
      problems.push(`${file}: not valid JSON (${(error as Error).message})`);
      continue;
    }
    const parsed = certificateTypeSchema.safeParse(content);
    if (!parsed.success) {
      for (const issue of parsed.error.issues.slice(0, 10))
        problems.push(`${file}: ${issue.path.join('.') || '(file)'}: ${issue.message}`);
      continue;
    }
    if (`${parsed.data.code}.json` !== file)
      problems.push(`${file}: code "${parsed.data.code}" must match the file name`);
    for (const problem of checkCertificateTypeConsistency(parsed.data)) problems.push(`${file}: ${problem}`);
    types.push(parsed.data);
  }
  if (problems.length)
    throw new CertificateTypeFileError(
      `Certificate type files in ${dir} do not hold:\n  ${problems.join('\n  ')}`,
    );
  const byCode = new Map(types.map((type) => [type.code, type]));
  return { list: () => types, get: (code) => byCode.get(code) };
}
