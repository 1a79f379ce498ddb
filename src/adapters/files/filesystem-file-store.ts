import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FileStore } from '../../app/ports.js';
import { FileTooLargeError } from '../../app/ports.js';

const HEAD_BYTES = 256 * 1024;

/**
 * Files under `root/ab/cd/<sha256>`. An upload streams into `root/incoming` while it is hashed and
 * measured; only `keep()` renames it into place, so a refused, over-long or half-written upload never
 * appears under a name.
 */
export function createFilesystemFileStore(root: string): FileStore {
  const pathOf = (sha256: string) => path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  return {
    async receive(content, limitBytes) {
      fs.mkdirSync(path.join(root, 'incoming'), { recursive: true });
      const temporary = path.join(root, 'incoming', randomUUID());
      const hash = createHash('sha256');
      const head: Buffer[] = [];
      let size = 0;
      let headSize = 0;
      const meter = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          size += chunk.length;
          if (size > limitBytes) {
            done(new FileTooLargeError(limitBytes));
            return;
          }
          hash.update(chunk);
          if (headSize < HEAD_BYTES) {
            head.push(chunk.subarray(0, HEAD_BYTES - headSize));
            headSize += Math.min(chunk.length, HEAD_BYTES - headSize);
          }
          done(null, chunk);
        },
      });
      const output = fs.createWriteStream(temporary);
      try {
        await pipeline(content, meter, output);
      } catch (error) {
        // Remove the partial file once the stream has let go of it.
        if (!output.closed) await new Promise<void>((resolve) => output.once('close', () => resolve()));
        fs.rmSync(temporary, { force: true });
        // Drain what is left of the upload so the request can be answered.
        if (error instanceof FileTooLargeError && 'resume' in content)
          (content as NodeJS.ReadableStream).resume();
        throw error;
      }
      const sha256 = hash.digest('hex');
      return {
        sha256,
        size,
        head: Buffer.concat(head),
        keep: async () => {
          const destination = pathOf(sha256);
          fs.mkdirSync(path.dirname(destination), { recursive: true });
          fs.renameSync(temporary, destination);
        },
        discard: async () => fs.rmSync(temporary, { force: true }),
      };
    },
    read: (sha256) => fs.createReadStream(pathOf(sha256)),
    exists: async (sha256) => fs.existsSync(pathOf(sha256)),
  };
}
