import type { Actor } from '../../domain/actor.js';
import type { PrinterOffset } from '../../domain/printing.js';
import { certificateTypeOf } from '../applications/access.js';
import type { Deps } from '../ports.js';
import { getPrinterOffset } from './printer-offsets.js';

/**
 * The calibration page of an office's printer: the template-print places of a certificate type's form,
 * with crosshairs at the boxes' corners, moved by the office's offset (or by an offset being tried).
 */
export async function renderPrinterTestPage(
  deps: Pick<Deps, 'store' | 'certificateTypes' | 'certificateLayouts' | 'renderer'>,
  actor: Actor,
  input: { officeId: string; typeCode: string; tryOffset?: PrinterOffset | undefined },
): Promise<Buffer> {
  const current = await getPrinterOffset(deps, actor, input.officeId);
  const office = (await deps.store.organisations.findById(input.officeId))!;
  const type = certificateTypeOf(deps, input.typeCode);
  const layout = deps.certificateLayouts.get(type.code);
  if (!layout) throw new Error(`certificate type ${type.code} has no layout (checked at start)`);
  return deps.renderer.renderPrinterTestPage({
    type,
    layout,
    officeName: office.nameEn,
    printerOffset: input.tryOffset ?? { dx: current.dx, dy: current.dy },
  });
}
