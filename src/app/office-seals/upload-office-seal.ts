import type { Actor } from '../../domain/actor.js';
import { actorLabel } from '../../domain/actor.js';
import { DomainError } from '../../domain/errors.js';
import { loadOrganisationFor } from '../organisations/access.js';
import type { Deps, OfficeSealRecord } from '../ports.js';
import { newId } from '../tokens.js';
import { receiveCustomsImage } from './receive-customs-image.js';

export interface UploadOfficeSealInput {
  officeId: string;
  /** When the new version takes over (ISO instant); now when absent. Never in the past. */
  validFrom?: string | undefined;
  content: NodeJS.ReadableStream;
  limitBytes: number;
}

/**
 * A customs administrator uploads a new version of an issuing office's electronic seal. Earlier versions
 * stay: a certificate is self-printed with the version in force at its approval. A version may start later
 * (a seal change announced ahead) but not earlier, so what certified an approved certificate never changes.
 */
export async function uploadOfficeSeal(
  deps: Pick<Deps, 'store' | 'clock' | 'files'>,
  actor: Actor,
  input: UploadOfficeSealInput,
): Promise<OfficeSealRecord> {
  const office = await loadOrganisationFor(
    deps.store.organisations,
    actor,
    'officeSeal.manage',
    input.officeId,
  );
  if (office.kind !== 'office')
    throw new DomainError('VALIDATION_FAILED', 'Only issuing offices have office seals.');
  const at = deps.clock.now().toISOString();
  const validFrom = input.validFrom ? new Date(input.validFrom).toISOString() : at;
  if (validFrom < at)
    throw new DomainError('VALIDATION_FAILED', 'A seal version cannot start in the past.', [
      { path: 'validFrom', code: 'in_the_past', message: 'Choose now or a later time.' },
    ]);
  const { received, info } = await receiveCustomsImage(deps, 'officeSeal', input.content, input.limitBytes);
  const seal: OfficeSealRecord = {
    id: newId(),
    officeId: office.id,
    fileSha256: received.sha256,
    widthPx: info.width,
    heightPx: info.height,
    dpi: info.dpi ?? 0,
    validFrom,
    uploadedBy: actorLabel(actor),
    uploadedAt: at,
  };
  try {
    await deps.store.transaction(async (tx) => {
      await tx.seals.recordFile({
        sha256: received.sha256,
        size: received.size,
        contentType: 'image/png',
        createdAt: at,
      });
      await tx.officeSeals.insertOfficeSeal(seal);
      await tx.audit.append(actor, at, {
        type: 'office_seal.uploaded',
        subjectType: 'organisation',
        subjectId: office.id,
        data: { sealId: seal.id, sha256: seal.fileSha256, validFrom, dpi: seal.dpi },
      });
    });
  } catch (error) {
    await received.discard();
    throw error;
  }
  await received.keep();
  return seal;
}
