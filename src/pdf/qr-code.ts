import QRCode from 'qrcode';
import { pdfNumber } from './text-layout.js';

/**
 * A QR code as vector squares, as page content: each run of dark modules in a row one filled rectangle,
 * so it stays sharp at any print resolution and adds a few hundred bytes, not an image. The squares are
 * drawn in module units (whole numbers) under one transformation that scales them into the box, with
 * four modules of quiet zone on every side as the QR standard asks. The content is the same on every
 * page of a document: build it once.
 */
export function qrCodeContent(text: string, box: { x: number; y: number; size: number }): string {
  const { size: count, dark } = qrMatrix(text);
  const module = box.size / (count + 8);
  let content = `q\n${pdfNumber(module)} 0 0 ${pdfNumber(module)} ${pdfNumber(box.x + 4 * module)} ${pdfNumber(box.y + 4 * module)} cm\n`;
  for (let row = 0; row < count; row++) {
    let column = 0;
    while (column < count) {
      if (!dark[row * count + column]) {
        column++;
        continue;
      }
      const start = column;
      while (column < count && dark[row * count + column]) column++;
      content += `${start} ${row} ${column - start} 1 re\n`;
    }
  }
  return `${content}f\nQ\n`;
}

/** A QR symbol: `size` modules a side, `dark[row * size + column]` 1 for a dark module. */
export interface QrMatrix {
  size: number;
  dark: Uint8Array;
}

/**
 * The QR code of the text at error correction level M, as one byte-mode segment (the library's search for
 * the shortest mix of modes costs half a millisecond and gains nothing on a URL, which is byte mode
 * anyway), with the data mask chosen as the standard asks: the one of the eight whose symbol scores the
 * lowest penalty (long runs, 2×2 blocks, finder-like patterns, imbalance of dark and light).
 *
 * The library chooses the mask the same way but reads and masks the symbol module by module through
 * method calls, eight times over: most of the time of a certificate's QR code. Here the library lays out
 * the symbol once (with mask 0), and the eight candidates are scored on flat arrays, with each mask's
 * modules precomputed per symbol size. Same scores, same choice (the tests compare the two).
 */
export function qrMatrix(text: string): QrMatrix {
  const { modules } = QRCode.create([{ data: Buffer.from(text, 'utf8'), mode: 'byte' }], {
    errorCorrectionLevel: 'M',
    maskPattern: 0,
  });
  const { size } = modules;
  const masks = masksFor(size, modules.reservedBit);
  // The symbol's modules without any mask: mask 0 again undoes the library's (format bits are rewritten
  // for each candidate).
  const plain = new Uint8Array(modules.data.length);
  applyMask(modules.data, masks[0]!, 0, size, plain);

  const candidate = new Uint8Array(plain.length);
  let best = 0;
  let lowest = Number.POSITIVE_INFINITY;
  for (let pattern = 0; pattern < 8; pattern++) {
    applyMask(plain, masks[pattern]!, pattern, size, candidate);
    const score = penalty(candidate, size);
    if (score < lowest) {
      lowest = score;
      best = pattern;
    }
  }
  applyMask(plain, masks[best]!, best, size, candidate);
  return { size, dark: candidate };
}

/** `out` = the unmasked symbol with the pattern's mask and the pattern's format information. */
function applyMask(plain: Uint8Array, mask: Uint8Array, pattern: number, size: number, out: Uint8Array) {
  for (let index = 0; index < plain.length; index++) out[index] = plain[index]! ^ mask[index]!;
  placeFormatInformation(out, size, FORMAT_BITS_M[pattern]!);
}

/** Whether mask `pattern` darkens the module at (row, column), as ISO/IEC 18004 defines the eight masks. */
function maskAt(pattern: number, row: number, column: number): boolean {
  switch (pattern) {
    case 0:
      return (row + column) % 2 === 0;
    case 1:
      return row % 2 === 0;
    case 2:
      return column % 3 === 0;
    case 3:
      return (row + column) % 3 === 0;
    case 4:
      return (Math.floor(row / 2) + Math.floor(column / 3)) % 2 === 0;
    case 5:
      return ((row * column) % 2) + ((row * column) % 3) === 0;
    case 6:
      return (((row * column) % 2) + ((row * column) % 3)) % 2 === 0;
    default:
      return (((row * column) % 3) + ((row + column) % 2)) % 2 === 0;
  }
}

/**
 * The eight masks for a symbol size: 1 where the mask flips a module, never on a function module (finder,
 * timing and alignment patterns, format and version information), which every symbol of a size shares.
 */
const maskCache = new Map<number, Uint8Array[]>();

function masksFor(size: number, reserved: Uint8Array): Uint8Array[] {
  let masks = maskCache.get(size);
  if (!masks) {
    masks = [];
    for (let pattern = 0; pattern < 8; pattern++) {
      const mask = new Uint8Array(size * size);
      for (let row = 0; row < size; row++)
        for (let column = 0; column < size; column++)
          if (!reserved[row * size + column] && maskAt(pattern, row, column)) mask[row * size + column] = 1;
      masks.push(mask);
    }
    maskCache.set(size, masks);
  }
  return masks;
}

/**
 * The 15 bits of format information for level M (indicator 00) and each mask: the five data bits with
 * the BCH(15,5) remainder under the generator 10100110111, XORed with 101010000010010.
 */
const FORMAT_BITS_M = Array.from({ length: 8 }, (_, pattern) => {
  const data = (0b00 << 3) | pattern;
  let remainder = data << 10;
  for (let bit = 14; bit >= 10; bit--) if (remainder & (1 << bit)) remainder ^= 0b10100110111 << (bit - 10);
  return ((data << 10) | remainder) ^ 0b101010000010010;
});

/** Writes the format information beside the finder patterns: twice, and the always-dark module. */
function placeFormatInformation(modules: Uint8Array, size: number, bits: number): void {
  const set = (row: number, column: number, on: number) => (modules[row * size + column] = on);
  for (let bit = 0; bit < 15; bit++) {
    const on = (bits >> bit) & 1;
    // Down column 8: rows 0–5, 7, 8 beside the top-left finder, then the last seven rows.
    if (bit < 6) set(bit, 8, on);
    else if (bit < 8) set(bit + 1, 8, on);
    else set(size - 15 + bit, 8, on);
    // Along row 8: the last eight columns, then columns 8, 7, 5 ... 0 beside the top-left finder.
    if (bit < 8) set(8, size - bit - 1, on);
    else if (bit < 9) set(8, 15 - bit, on);
    else set(8, 14 - bit, on);
  }
  set(size - 8, 8, 1);
}

/**
 * The standard's penalty score (as the qrcode library computes it): runs of five or more same-coloured
 * modules in a row or column (3 + the run's excess), 2×2 blocks of one colour (3 each), the 1:1:3:1:1
 * finder-like pattern with four light modules on one side (40 each), and the dark share's distance from
 * 50 % in steps of 5 % (10 each).
 */
function penalty(modules: Uint8Array, size: number): number {
  let points = 0;
  let darkCount = 0;
  for (let row = 0; row < size; row++) {
    let rowRun = 0;
    let columnRun = 0;
    let lastInRow = -1;
    let lastInColumn = -1;
    let rowBits = 0;
    let columnBits = 0;
    for (let column = 0; column < size; column++) {
      // Along the row (row, column) and down the column (column, row) at once.
      const inRow = modules[row * size + column]!;
      const inColumn = modules[column * size + row]!;
      darkCount += inRow;
      if (inRow === lastInRow) rowRun++;
      else {
        if (rowRun >= 5) points += 3 + rowRun - 5;
        lastInRow = inRow;
        rowRun = 1;
      }
      if (inColumn === lastInColumn) columnRun++;
      else {
        if (columnRun >= 5) points += 3 + columnRun - 5;
        lastInColumn = inColumn;
        columnRun = 1;
      }
      rowBits = ((rowBits << 1) & 0x7ff) | inRow;
      columnBits = ((columnBits << 1) & 0x7ff) | inColumn;
      if (column >= 10) {
        if (rowBits === 0x5d0 || rowBits === 0x05d) points += 40;
        if (columnBits === 0x5d0 || columnBits === 0x05d) points += 40;
      }
      if (row < size - 1 && column < size - 1) {
        const block =
          inRow +
          modules[row * size + column + 1]! +
          modules[(row + 1) * size + column]! +
          modules[(row + 1) * size + column + 1]!;
        if (block === 0 || block === 4) points += 3;
      }
    }
    if (rowRun >= 5) points += 3 + rowRun - 5;
    if (columnRun >= 5) points += 3 + columnRun - 5;
  }
  const share = (darkCount * 100) / (size * size);
  return points + Math.abs(Math.ceil(share / 5) - 10) * 10;
}
