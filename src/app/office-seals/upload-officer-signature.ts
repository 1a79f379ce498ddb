import type { Actor } from '../../domain/actor.js';
import { actorLabel } from '../../domain/actor.js';
import type { Deps, OfficerSignatureRecord } from '../ports.js';
import { newId } from '../tokens.js';
import { loadOfficerFor } from './officer-access.js';
import { receiveCustomsImage } from './receive-customs-image.js';

/**
 * Uploads a new version of an officer's signature (by the officer or a customs administrator). It is in
 * force from now: certificates the officer approved earlier keep the signature they were approved under.
 */
export async function uploadOfficerSignature(
  deps: Pick<Deps, 'store' | 'clock' | 'files'>,
  actor: Actor,
  input: { userId: string; content: NodeJS.ReadableStream; limitBytes: number },
): Promise<OfficerSignatureRecord> {
  const officer = await loadOfficerFor(deps, actor, input.userId);
  const { received, info } = await receiveCustomsImage(
    deps,
    'officerSignature',
    input.content,
    input.limitBytes,
  );
  const at = deps.clock.now().toISOString();
  const signature: OfficerSignatureRecord = {
    id: newId(),
    userId: officer.id,
    fileSha256: received.sha256,
    widthPx: info.width,
    heightPx: info.height,
    dpi: info.dpi ?? 0,
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
      await tx.officeSeals.insertOfficerSignature(signature);
      await tx.audit.append(actor, at, {
        type: 'officer_signature.uploaded',
        subjectType: 'user',
        subjectId: officer.id,
        data: { signatureId: signature.id, sha256: signature.fileSha256, dpi: signature.dpi },
      });
    });
  } catch (error) {
    await received.discard();
    throw error;
  }
  await received.keep();
  return signature;
}
