import type { Actor } from '../../domain/actor.js';
import { DomainError } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import type { BillOfMaterials } from '../../origin/bill-of-materials.js';
import type { BillFileFormat } from '../../origin/bom-file.js';
import { billFromFile } from '../../origin/bom-file.js';

/**
 * Reads a bill of materials from an uploaded file (XLSX, CSV in sections, or JSON; docs/origin.md) and
 * returns it checked, ready for evaluateOrigin; a wrong file is refused with every problem at its sheet,
 * row and column (`Materials!C7`). Nothing is stored; any user may ask.
 */
export function importBillOfMaterials(
  actor: Actor,
  input: { content: Uint8Array; fileName?: string | undefined },
): { format: BillFileFormat; bill: BillOfMaterials; request: { agreements?: unknown; date?: unknown } } {
  authorize(actor, 'origin.evaluate');
  const read = billFromFile(input.content, { fileName: input.fileName ?? '' });
  if (!read.ok)
    throw new DomainError(
      'VALIDATION_FAILED',
      `The bill of materials (${read.format.toUpperCase()}) cannot be read; see fields for each place to correct.`,
      read.problems,
    );
  return { format: read.format, bill: read.bill, request: read.request };
}
