import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';

/** Files worth compressing: text. Images and fonts are compressed already. */
const COMPRESSIBLE = /\.(?:html|js|mjs|css|svg|json|txt|map)$/;

/**
 * Writes `NAME.br` (brotli, best quality) and `NAME.gz` (gzip, level 9) beside every text file under `dir`,
 * once, at build time, so the server sends them as they are (@fastify/static `preCompressed`) instead of
 * compressing on every request. A compressed copy no smaller than its file is not written. Returns the
 * files compressed, relative to `dir`.
 */
export function precompressDirectory(dir: string): string[] {
  const compressed: string[] = [];
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !COMPRESSIBLE.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    const content = fs.readFileSync(file);
    const brotli = zlib.brotliCompressSync(content, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length,
      },
    });
    const gzip = zlib.gzipSync(content, { level: zlib.constants.Z_BEST_COMPRESSION });
    for (const [extension, bytes] of [
      ['.br', brotli],
      ['.gz', gzip],
    ] as const) {
      if (bytes.length < content.length) fs.writeFileSync(file + extension, bytes);
      else fs.rmSync(file + extension, { force: true });
    }
    compressed.push(path.relative(dir, file));
  }
  return compressed;
}

/** The Vite plugin: compresses the build's output once it is written (`npm run build:web`, `npm start`). */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'origo-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      precompressDirectory(outDir);
    },
  };
}
