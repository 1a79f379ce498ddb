import { DomainError } from '../../domain/errors.js';
import type { CustomsImageKind, ImageInfo } from '../../domain/seal-image.js';
import { checkCustomsImage, hasTransparency, inspectImage } from '../../domain/seal-image.js';
import type { Deps, ReceivedFile } from '../ports.js';
import { FileTooLargeError } from '../ports.js';

/**
 * Streams a customs image (office seal or officer signature) into the file store and checks it by its bytes
 * (src/domain/seal-image.ts `checkCustomsImage`). A refused image is discarded before the error is thrown;
 * an accepted one is not yet kept: the caller keeps it once its row is committed.
 */
export async function receiveCustomsImage(
  deps: Pick<Deps, 'files'>,
  kind: CustomsImageKind,
  content: NodeJS.ReadableStream,
  limitBytes: number,
): Promise<{ received: ReceivedFile; info: ImageInfo }> {
  let received: ReceivedFile;
  try {
    received = await deps.files.receive(content, limitBytes);
  } catch (error) {
    if (error instanceof FileTooLargeError)
      throw new DomainError(
        'PAYLOAD_TOO_LARGE',
        `The image is larger than ${Math.round(limitBytes / 1048576)} MB.`,
        [{ path: 'file', code: 'too_large', message: 'A PNG seal or signature at 600 dpi is far smaller.' }],
      );
    throw error;
  }
  const info = inspectImage(received.head);
  const problems =
    typeof info === 'string'
      ? [
          {
            path: 'file',
            code: info,
            message:
              info === 'not_an_image'
                ? 'This file is not a PNG image, whatever its name says.'
                : 'The image cannot be read; save it again as PNG.',
          },
        ]
      : checkCustomsImage(kind, info, hasTransparency(received.head));
  if (problems.length || typeof info === 'string') {
    await received.discard();
    throw new DomainError(
      'VALIDATION_FAILED',
      'The image cannot be used on certificates; see the fields.',
      problems,
    );
  }
  return { received, info };
}

/** A stored image whole (a seal or signature is a few hundred kilobytes at most), for drawing it. */
export async function readImageBytes(deps: Pick<Deps, 'files'>, sha256: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of deps.files.read(sha256) as AsyncIterable<Buffer | string>)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}
