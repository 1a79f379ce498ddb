import type { FieldProblem } from './errors.js';

/**
 * Seal and signature images for self-print (DOMAIN.md section 3): scanned at 600 dpi or more, seal in
 * colour, signature in black; round seal at most 4.5 cm across, rectangular at most 5.5 x 4 cm, oval at
 * most 5.5 x 4.5 cm, signature at most 3.5 x 3 cm. The type is read from the bytes, never the file name.
 */
export const SEAL_SHAPES = ['round', 'rectangular', 'oval'] as const;
export type SealShape = (typeof SEAL_SHAPES)[number];
export type SealKind = 'seal' | 'signature';

export const MIN_DPI = 600;
/** Largest size in millimetres, [longer side, shorter side]. */
export const SIZE_LIMITS_MM: Record<SealShape | 'signature', [number, number]> = {
  round: [45, 45],
  rectangular: [55, 40],
  oval: [55, 45],
  signature: [35, 30],
};

export interface ImageInfo {
  format: 'png' | 'jpeg';
  width: number;
  height: number;
  /** Dots per inch as the file declares it; null when it declares none. */
  dpi: number | null;
  /** Whether the encoding can carry colour (not greyscale). */
  colour: boolean;
}

export type ImageProblem = 'not_an_image' | 'unreadable_image';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function inspectPng(bytes: Buffer): ImageInfo | ImageProblem {
  if (bytes.length < 33 || bytes.toString('latin1', 12, 16) !== 'IHDR') return 'unreadable_image';
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const colourType = bytes[25] ?? 0;
  let dpi: number | null = null;
  // Walk the chunks before the image data for pHYs (pixels per metre when its unit byte is 1).
  for (let offset = 8; offset + 12 <= bytes.length;) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    if (type === 'pHYs' && offset + 17 <= bytes.length && bytes[offset + 16] === 1) {
      dpi = Math.round(Math.min(bytes.readUInt32BE(offset + 8), bytes.readUInt32BE(offset + 12)) * 0.0254);
    }
    if (type === 'IDAT' || type === 'IEND') break;
    offset += 12 + length;
  }
  // Colour types 2 (RGB), 3 (palette) and 6 (RGBA) can carry colour; 0 and 4 are greyscale.
  return {
    format: 'png',
    width,
    height,
    dpi,
    colour: colourType === 2 || colourType === 3 || colourType === 6,
  };
}

function inspectJpeg(bytes: Buffer): ImageInfo | ImageProblem {
  let dpi: number | null = null;
  for (let offset = 2; offset + 4 <= bytes.length;) {
    if (bytes[offset] !== 0xff) return 'unreadable_image';
    const marker = bytes[offset + 1] ?? 0;
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      offset += 2;
      continue;
    }
    const length = bytes.readUInt16BE(offset + 2);
    if (
      marker === 0xe0 &&
      bytes.toString('latin1', offset + 4, offset + 9) === 'JFIF\0' &&
      offset + 16 <= bytes.length
    ) {
      const units = bytes[offset + 11];
      const density = Math.min(bytes.readUInt16BE(offset + 12), bytes.readUInt16BE(offset + 14));
      if (units === 1) dpi = density;
      if (units === 2) dpi = Math.round(density * 2.54);
    }
    // Start-of-frame markers (baseline, progressive, ...) carry the dimensions and component count.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (offset + 10 > bytes.length) return 'unreadable_image';
      return {
        format: 'jpeg',
        height: bytes.readUInt16BE(offset + 5),
        width: bytes.readUInt16BE(offset + 7),
        dpi,
        colour: (bytes[offset + 9] ?? 1) >= 3,
      };
    }
    offset += 2 + length;
  }
  return 'unreadable_image';
}

/** Reads format, pixel size, declared resolution and colour from the first bytes of a file. */
export function inspectImage(head: Buffer): ImageInfo | ImageProblem {
  if (head.subarray(0, 8).equals(PNG_SIGNATURE)) return inspectPng(head);
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return inspectJpeg(head);
  return 'not_an_image';
}

/** Physical size in millimetres at the declared resolution. */
export function physicalSizeMm(info: ImageInfo): { widthMm: number; heightMm: number } | null {
  if (!info.dpi) return null;
  return { widthMm: (info.width / info.dpi) * 25.4, heightMm: (info.height / info.dpi) * 25.4 };
}

/** The rules a seal or signature image must meet, as coded problems on the `file` field. */
export function checkSealImage(kind: SealKind, shape: SealShape | null, info: ImageInfo): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (info.dpi === null || info.dpi < MIN_DPI) {
    problems.push({
      path: 'file',
      code: 'resolution_too_low',
      message: `Scan at ${MIN_DPI} dpi or more${info.dpi ? ` (this file declares ${info.dpi} dpi)` : ' (this file declares no resolution)'}.`,
    });
  }
  if (kind === 'seal' && !info.colour) {
    problems.push({ path: 'file', code: 'not_in_colour', message: 'Scan the seal in colour.' });
  }
  const size = physicalSizeMm(info);
  const limit = SIZE_LIMITS_MM[kind === 'signature' ? 'signature' : (shape ?? 'round')];
  if (size) {
    const longer = Math.max(size.widthMm, size.heightMm);
    const shorter = Math.min(size.widthMm, size.heightMm);
    if (longer > limit[0] + 0.05 || shorter > limit[1] + 0.05) {
      problems.push({
        path: 'file',
        code: 'too_large_physically',
        message: `At ${info.dpi} dpi this image is ${size.widthMm.toFixed(1)} x ${size.heightMm.toFixed(1)} mm; a ${kind === 'signature' ? 'signature' : `${shape} seal`} may be at most ${limit[0] / 10} x ${limit[1] / 10} cm.`,
      });
    }
  }
  return problems;
}

/** The issuing office's electronic seal and an officer's signature, as self-print draws them. */
export type CustomsImageKind = 'officeSeal' | 'officerSignature';

/**
 * Whether a PNG can be see-through: an alpha channel (colour types 4 and 6) or a tRNS chunk before the image
 * data. JPEG cannot, and neither can anything that is not a PNG.
 */
export function hasTransparency(head: Buffer): boolean {
  if (!head.subarray(0, 8).equals(PNG_SIGNATURE) || head.length < 33) return false;
  const colourType = head[25] ?? 0;
  if (colourType === 4 || colourType === 6) return true;
  for (let offset = 8; offset + 8 <= head.length;) {
    const type = head.toString('latin1', offset + 4, offset + 8);
    if (type === 'tRNS') return true;
    if (type === 'IDAT' || type === 'IEND') return false;
    offset += 12 + head.readUInt32BE(offset);
  }
  return false;
}

/**
 * The rules for customs' own images. Self-print draws them over the printed certification box, so besides
 * the enterprise rules that apply (600 dpi or more; the office seal in colour and round, at most 4.5 cm
 * across; a signature at most 3.5 x 3 cm) they must be PNG with transparency: a white square would hide the
 * office's name and the date underneath. Customs scans its seal once, centrally, so asking for PNG costs
 * nothing, while enterprises may send JPEG.
 */
export function checkCustomsImage(
  kind: CustomsImageKind,
  info: ImageInfo,
  transparent: boolean,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (info.format !== 'png')
    problems.push({
      path: 'file',
      code: 'not_png',
      message: 'Save the image as PNG (with a transparent background).',
    });
  else if (!transparent)
    problems.push({
      path: 'file',
      code: 'not_transparent',
      message:
        'The background must be transparent (a PNG with an alpha channel), so the text under it stays readable.',
    });
  problems.push(
    ...checkSealImage(
      kind === 'officeSeal' ? 'seal' : 'signature',
      kind === 'officeSeal' ? 'round' : null,
      info,
    ),
  );
  return problems;
}
