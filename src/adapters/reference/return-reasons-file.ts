import fs from 'node:fs';
import path from 'node:path';
import type { ReturnReason } from '../../domain/review.js';
import { returnReasonCatalogueSchema } from '../../domain/review.js';

const DEFAULT_FILE = path.resolve(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'data',
  'review',
  'return-reasons.json',
);

/** The return-reason catalogue (data/review/return-reasons.json), checked once at start. */
export function loadReturnReasons(file = DEFAULT_FILE): readonly ReturnReason[] {
  const parsed = returnReasonCatalogueSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(
      `${file} does not hold: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    );
  const codes = parsed.data.reasons.map((reason) => reason.code);
  const repeated = codes.filter((code, index) => codes.indexOf(code) !== index);
  if (repeated.length) throw new Error(`${file}: reason ${repeated.join(', ')} appears twice`);
  return parsed.data.reasons;
}
