import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { qrMatrix } from './qr-code.js';

// The library lays out every symbol and chooses its mask by the standard's penalty rules; qrMatrix only
// chooses faster. Same text, same symbol, module for module.
const library = (text: string) =>
  QRCode.create([{ data: Buffer.from(text, 'utf8'), mode: 'byte' }], { errorCorrectionLevel: 'M' });

describe('qrMatrix', () => {
  const texts = [
    'x',
    'https://origo.example.cn/verify/RC2631000001230001',
    'http://localhost:8080/verify/FE2622000000010003',
    // Long enough for version 7 and beyond, where the symbol carries version information too.
    `https://verify.customs.example/verify/RC2631000001230001?lang=zh-CN&${'k'.repeat(150)}`,
    ...Array.from({ length: 60 }, (_, index) => `https://o.example/v/${'AB0'.repeat(index)}${index}`),
  ];

  it('gives the symbol the library gives, mask included, for texts of every length up to version 10', () => {
    const masks = new Set<number>();
    const versions = new Set<number>();
    for (const text of texts) {
      const { modules, maskPattern, version } = library(text);
      const { size, dark } = qrMatrix(text);
      expect(size, text).toBe(modules.size);
      expect(Buffer.from(dark).equals(Buffer.from(modules.data)), text).toBe(true);
      masks.add(maskPattern ?? -1);
      versions.add(version);
    }
    // The comparison means something only if the texts lead to different masks.
    expect(masks.size).toBeGreaterThan(3);
    expect(Math.max(...versions)).toBeGreaterThanOrEqual(10);
  });
});
