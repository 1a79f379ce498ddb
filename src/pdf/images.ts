import { createHash } from 'node:crypto';
import zlib from 'node:zlib';

/**
 * Seal and signature images. pdfkit embeds a PNG without transparency as it is (cheap), but a PNG with an
 * alpha channel, which seals and signatures usually are, it decodes pixel by pixel in JavaScript and
 * compresses twice for every document: tens of milliseconds for a 600 dpi seal. Here such a PNG is split
 * into its colour and alpha planes once, kept in a small cache keyed by the file's hash, and each document
 * gets an image object that writes the planes already compressed.
 */

interface SplitPng {
  width: number;
  height: number;
  colourSpace: 'DeviceRGB' | 'DeviceGray';
  /** Deflated colour samples, 8 bits each, no predictor. */
  colour: Buffer;
  /** Deflated alpha samples (the soft mask). */
  alpha: Buffer;
}

const CACHE_SIZE = 32;
const cache = new Map<string, SplitPng | null>();

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function paeth(left: number, up: number, upLeft: number): number {
  const estimate = left + up - upLeft;
  const toLeft = Math.abs(estimate - left);
  const toUp = Math.abs(estimate - up);
  const toUpLeft = Math.abs(estimate - upLeft);
  if (toLeft <= toUp && toLeft <= toUpLeft) return left;
  return toUp <= toUpLeft ? up : upLeft;
}

/**
 * The colour and alpha planes of an 8-bit, non-interlaced RGBA or grey+alpha PNG; null for any other
 * PNG (pdfkit embeds those itself) or for bytes that are not a PNG.
 */
export function splitPng(bytes: Buffer): SplitPng | null {
  if (bytes.length < 33 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return null;
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const [bitDepth, colourType, , , interlace] = bytes.subarray(24, 29);
  if (bitDepth !== 8 || interlace !== 0 || (colourType !== 6 && colourType !== 4)) return null;
  const chunks: Buffer[] = [];
  for (let offset = 8; offset + 8 <= bytes.length;) {
    const length = bytes.readUInt32BE(offset);
    const kind = bytes.toString('latin1', offset + 4, offset + 8);
    if (kind === 'IDAT') chunks.push(bytes.subarray(offset + 8, offset + 8 + length));
    if (kind === 'IEND') break;
    offset += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(chunks));
  const channels = colourType === 6 ? 4 : 2;
  const stride = width * channels;
  if (raw.length < height * (stride + 1)) return null;
  const pixels = new Uint8Array(height * stride);
  for (let row = 0; row < height; row++) {
    const filter = raw[row * (stride + 1)]!;
    const source = row * (stride + 1) + 1;
    const target = row * stride;
    for (let index = 0; index < stride; index++) {
      const value = raw[source + index]!;
      const left = index >= channels ? pixels[target + index - channels]! : 0;
      const up = row > 0 ? pixels[target - stride + index]! : 0;
      const upLeft = row > 0 && index >= channels ? pixels[target - stride + index - channels]! : 0;
      let decoded: number;
      if (filter === 0) decoded = value;
      else if (filter === 1) decoded = value + left;
      else if (filter === 2) decoded = value + up;
      else if (filter === 3) decoded = value + ((left + up) >> 1);
      else decoded = value + paeth(left, up, upLeft);
      pixels[target + index] = decoded & 0xff;
    }
  }
  const colourChannels = channels - 1;
  const colour = new Uint8Array(width * height * colourChannels);
  const alpha = new Uint8Array(width * height);
  for (let pixel = 0, source = 0, target = 0; pixel < width * height; pixel++) {
    for (let channel = 0; channel < colourChannels; channel++) colour[target++] = pixels[source++]!;
    alpha[pixel] = pixels[source++]!;
  }
  return {
    width,
    height,
    colourSpace: colourChannels === 3 ? 'DeviceRGB' : 'DeviceGray',
    colour: zlib.deflateSync(colour),
    alpha: zlib.deflateSync(alpha),
  };
}

function cachedSplit(bytes: Buffer): SplitPng | null {
  const key = createHash('sha256').update(bytes).digest('hex');
  if (cache.has(key)) return cache.get(key)!;
  const split = splitPng(bytes);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, split);
  return split;
}

/** What `doc.image()` accepts: the bytes, or an object with a size that embeds itself (pdfkit's own contract). */
export type ImageSource = Buffer | PreparedImage;

let labels = 0;

/** A split PNG for one document: pdfkit calls `embed` the first time the image is drawn. */
class PreparedImage {
  readonly width: number;
  readonly height: number;
  readonly label = `OrigoImage${++labels}`;
  obj: PDFKit.PDFKitReference | null = null;

  constructor(private readonly split: SplitPng) {
    this.width = split.width;
    this.height = split.height;
  }

  embed(doc: PDFKit.PDFDocument): void {
    const { split } = this;
    const mask = doc.ref({
      Type: 'XObject',
      Subtype: 'Image',
      Width: split.width,
      Height: split.height,
      BitsPerComponent: 8,
      ColorSpace: 'DeviceGray',
      Filter: 'FlateDecode',
      Decode: [0, 1],
    });
    mask.end(split.alpha);
    const image = doc.ref({
      Type: 'XObject',
      Subtype: 'Image',
      Width: split.width,
      Height: split.height,
      BitsPerComponent: 8,
      ColorSpace: split.colourSpace,
      Filter: 'FlateDecode',
      SMask: mask,
    });
    image.end(split.colour);
    this.obj = image;
  }
}

/** The image as a document should receive it: prepared once per content when it has transparency. */
export function imageSource(bytes: Buffer): ImageSource {
  const split = cachedSplit(bytes);
  return split ? new PreparedImage(split) : bytes;
}
