import zlib from 'node:zlib';

/**
 * Demo images for the customs side of self-print, drawn in code so the demo needs no image files: a red
 * round office seal (two rings and a star) and a black signature stroke, both RGBA PNGs with transparent
 * backgrounds declaring 600 dpi, which pass the checks of src/domain/seal-image.ts. Demo only.
 */

const DPI = 600;

/** A minimal PNG encoder: 8-bit RGBA, no interlace, a pHYs chunk with the resolution. */
export function encodePng(width: number, height: number, rgba: Uint8Array, dpi = DPI): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(Buffer.concat([head.subarray(4), data])));
    return Buffer.concat([head, data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per sample
  header[9] = 6; // colour type: RGBA
  const physical = Buffer.alloc(9);
  const perMetre = Math.round(dpi / 0.0254);
  physical.writeUInt32BE(perMetre, 0);
  physical.writeUInt32BE(perMetre, 4);
  physical[8] = 1; // unit: metre
  // Each row starts with its filter byte (0: none).
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++)
    raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('pHYs', physical),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Whether a point lies inside a polygon (even-odd rule). */
function inside(x: number, y: number, polygon: ReadonlyArray<readonly [number, number]>): boolean {
  let result = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i]!;
    const [xj, yj] = polygon[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) result = !result;
  }
  return result;
}

let officeSeal: Buffer | undefined;
let signature: Buffer | undefined;

/** A red round seal 900 pixels (3.8 cm at 600 dpi) across: an outer and an inner ring and a star. */
export function demoOfficeSealPng(): Buffer {
  if (officeSeal) return officeSeal;
  const size = 900;
  const centre = size / 2;
  const star = Array.from({ length: 10 }, (_, index) => {
    const radius = index % 2 === 0 ? 200 : 80;
    const angle = -Math.PI / 2 + (index * Math.PI) / 5;
    return [centre + radius * Math.cos(angle), centre + radius * Math.sin(angle)] as const;
  });
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const distance = Math.hypot(x + 0.5 - centre, y + 0.5 - centre);
      const ring = (distance >= 405 && distance <= 445) || (distance >= 370 && distance <= 380);
      if (ring || inside(x + 0.5, y + 0.5, star)) pixels.set([200, 16, 32, 230], (y * size + x) * 4);
    }
  officeSeal = encodePng(size, size, pixels);
  return officeSeal;
}

/** A black handwritten-looking stroke, 600 x 300 pixels (2.5 x 1.3 cm at 600 dpi). */
export function demoOfficerSignaturePng(): Buffer {
  if (signature) return signature;
  const width = 600;
  const height = 300;
  const pixels = new Uint8Array(width * height * 4);
  const pen = 5;
  for (let step = 0; step <= 4000; step++) {
    const t = step / 4000;
    const x = 40 + t * 520;
    const y = 150 + 70 * Math.sin(t * Math.PI * 5) * (1 - t * 0.6) + 30 * Math.sin(t * Math.PI * 17);
    for (let dy = -pen; dy <= pen; dy++)
      for (let dx = -pen; dx <= pen; dx++) {
        const px = Math.round(x + dx);
        const py = Math.round(y + dy);
        if (dx * dx + dy * dy <= pen * pen && px >= 0 && py >= 0 && px < width && py < height)
          pixels.set([20, 20, 30, 255], (py * width + px) * 4);
      }
  }
  signature = encodePng(width, height, pixels);
  return signature;
}
