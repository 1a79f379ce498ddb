import type { Actor } from '../../domain/actor.js';
import type { FieldProblem } from '../../domain/errors.js';
import { DomainError } from '../../domain/errors.js';
import type { SealKind, SealShape } from '../../domain/seal-image.js';
import { checkSealImage, inspectImage } from '../../domain/seal-image.js';
import { loadOrganisationFor } from '../organisations/access.js';
import type { Deps, SealRecord } from '../ports.js';
import { FileTooLargeError } from '../ports.js';
import { newId } from '../tokens.js';

export interface UploadSealInput {
  orgId: string;
  kind: SealKind;
  /** For a seal: round, rectangular or oval. */
  shape: SealShape | null;
  /** For a signature: whose it is. */
  signatoryName: string | null;
  content: NodeJS.ReadableStream;
  limitBytes: number;
}

/**
 * Receives a seal or signature image, checks it by its bytes (PNG or JPEG, 600 dpi or more, physical size,
 * colour) and keeps it only when it passes. A refused upload leaves nothing behind.
 */
export async function uploadSeal(
  deps: Pick<Deps, 'store' | 'clock' | 'files'>,
  actor: Actor,
  input: UploadSealInput,
): Promise<SealRecord> {
  const organisation = await loadOrganisationFor(deps.store.organisations, actor, 'seal.manage', input.orgId);
  if (organisation.kind !== 'enterprise')
    throw new DomainError('VALIDATION_FAILED', 'Only enterprises have seals.');
  const fieldProblems: FieldProblem[] = [];
  if (input.kind === 'seal' && !input.shape) {
    fieldProblems.push({
      path: 'shape',
      code: 'required',
      message: 'Say whether the seal is round, rectangular or oval.',
    });
  }
  if (input.kind === 'signature' && !input.signatoryName?.trim()) {
    fieldProblems.push({ path: 'signatoryName', code: 'required', message: 'Say whose signature this is.' });
  }
  let received;
  try {
    received = await deps.files.receive(input.content, input.limitBytes);
  } catch (error) {
    if (error instanceof FileTooLargeError) {
      throw new DomainError(
        'PAYLOAD_TOO_LARGE',
        `The image is larger than ${Math.round(input.limitBytes / 1048576)} MB.`,
        [
          {
            path: 'file',
            code: 'too_large',
            message: 'Scan at 600 dpi and save as PNG or JPEG; a seal image is far smaller.',
          },
        ],
      );
    }
    throw error;
  }
  const info = inspectImage(received.head);
  if (typeof info === 'string') {
    fieldProblems.push({
      path: 'file',
      code: info,
      message:
        info === 'not_an_image'
          ? 'This file is not a PNG or JPEG image, whatever its name says.'
          : 'The image cannot be read; save it again as PNG or JPEG.',
    });
  } else {
    fieldProblems.push(...checkSealImage(input.kind, input.kind === 'seal' ? input.shape : null, info));
  }
  if (fieldProblems.length || typeof info === 'string') {
    await received.discard();
    throw new DomainError(
      'VALIDATION_FAILED',
      'The image cannot be used for self-print; see the fields.',
      fieldProblems,
    );
  }

  const at = deps.clock.now().toISOString();
  const seal: SealRecord = {
    id: newId(),
    orgId: organisation.id,
    kind: input.kind,
    shape: input.kind === 'seal' ? input.shape : null,
    signatoryName: input.kind === 'signature' ? (input.signatoryName?.trim() ?? null) : null,
    fileSha256: received.sha256,
    widthPx: info.width,
    heightPx: info.height,
    dpi: info.dpi ?? 0,
    uploadedByUserId: actor.kind === 'user' ? actor.userId : null,
    uploadedAt: at,
  };
  try {
    await deps.store.transaction(async (tx) => {
      await tx.seals.recordFile({
        sha256: received.sha256,
        size: received.size,
        contentType: info.format === 'png' ? 'image/png' : 'image/jpeg',
        createdAt: at,
      });
      await tx.seals.insert(seal);
      await tx.audit.append(actor, at, {
        type: 'seal.uploaded',
        subjectType: 'seal',
        subjectId: seal.id,
        data: { kind: seal.kind, shape: seal.shape, sha256: seal.fileSha256, dpi: seal.dpi },
      });
    });
  } catch (error) {
    await received.discard();
    throw error;
  }
  await received.keep();
  return seal;
}
