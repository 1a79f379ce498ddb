import type { Actor } from '../../domain/actor.js';
import { actorLabel } from '../../domain/actor.js';
import { DomainError } from '../../domain/errors.js';
import type { FieldProblem } from '../../domain/errors.js';
import type { PrinterOffset } from '../../domain/printing.js';
import { PRINTER_OFFSET_LIMIT_MM, roundOffset } from '../../domain/printing.js';
import { loadOrganisationFor } from '../organisations/access.js';
import type { Deps, OrganisationRecord } from '../ports.js';

/** An office's printer offset as shown: never set reads as zero. */
export interface PrinterOffsetView extends PrinterOffset {
  officeId: string;
  updatedBy: string | null;
  updatedAt: string | null;
}

/** The office, for someone who configures its printer: its officers and the customs administration. */
export async function loadOfficeForPrinter(
  deps: Pick<Deps, 'store'>,
  actor: Actor,
  officeId: string,
): Promise<OrganisationRecord> {
  const office = await loadOrganisationFor(
    deps.store.organisations,
    actor,
    'office.configurePrinter',
    officeId,
  );
  if (office.kind !== 'office')
    throw new DomainError('VALIDATION_FAILED', 'Printer offsets belong to issuing offices.', [
      { path: 'id', code: 'not_an_office', message: 'Choose an issuing office.' },
    ]);
  return office;
}

/** The office's printer offset for template print (zero until someone calibrates it). */
export async function getPrinterOffset(
  deps: Pick<Deps, 'store'>,
  actor: Actor,
  officeId: string,
): Promise<PrinterOffsetView> {
  await loadOfficeForPrinter(deps, actor, officeId);
  const stored = await deps.store.printing.printerOffset(officeId);
  return stored ?? { officeId, dx: 0, dy: 0, updatedBy: null, updatedAt: null };
}

/**
 * An officer of the office (or the customs administration) sets how far template print moves the data
 * on this office's printer, in millimetres right and down, within ±20 mm, to a tenth of a millimetre.
 */
export async function setPrinterOffset(
  deps: Pick<Deps, 'store' | 'clock'>,
  actor: Actor,
  input: { officeId: string } & PrinterOffset,
): Promise<PrinterOffsetView> {
  await loadOfficeForPrinter(deps, actor, input.officeId);
  const problems: FieldProblem[] = [];
  for (const axis of ['dx', 'dy'] as const)
    if (!Number.isFinite(input[axis]) || Math.abs(input[axis]) > PRINTER_OFFSET_LIMIT_MM)
      problems.push({
        path: axis,
        code: 'out_of_range',
        message: `Between -${PRINTER_OFFSET_LIMIT_MM} and ${PRINTER_OFFSET_LIMIT_MM} mm; a printer further off needs servicing.`,
      });
  if (problems.length)
    throw new DomainError('VALIDATION_FAILED', 'The printer offset is out of range.', problems);
  const offset = roundOffset(input);
  const at = deps.clock.now().toISOString();
  const record = { officeId: input.officeId, ...offset, updatedBy: actorLabel(actor), updatedAt: at };
  await deps.store.transaction(async (tx) => {
    const previous = await tx.printing.printerOffset(input.officeId);
    await tx.printing.setPrinterOffset(record);
    await tx.audit.append(actor, at, {
      type: 'office.printer_offset_set',
      subjectType: 'organisation',
      subjectId: input.officeId,
      data: { ...offset, previous: previous ? { dx: previous.dx, dy: previous.dy } : null },
    });
  });
  return record;
}
