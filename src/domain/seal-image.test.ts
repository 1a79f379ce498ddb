import { describe, expect, it } from 'vitest';
import { pngHeader } from '../../test/support/images.js';
import { checkCustomsImage, checkSealImage, hasTransparency, inspectImage } from './seal-image.js';

/** A JPEG header (SOI, JFIF APP0 with density in dpi, SOF0). */
function jpegHeader(width: number, height: number, dpi: number, components = 3): Buffer {
  const app0 = Buffer.from([
    0xff,
    0xe0,
    0,
    16,
    0x4a,
    0x46,
    0x49,
    0x46,
    0,
    1,
    1,
    1,
    dpi >> 8,
    dpi & 255,
    dpi >> 8,
    dpi & 255,
    0,
    0,
  ]);
  const sof = Buffer.from([
    0xff,
    0xc0,
    0,
    11,
    8,
    height >> 8,
    height & 255,
    width >> 8,
    width & 255,
    components,
    1,
    0x11,
    0,
  ]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof]);
}

describe('seal and signature images (DOMAIN.md section 3)', () => {
  it('reads size, resolution and colour from PNG and JPEG bytes', () => {
    expect(inspectImage(pngHeader(1000, 1000, 600))).toEqual({
      format: 'png',
      width: 1000,
      height: 1000,
      dpi: 600,
      colour: true,
    });
    expect(inspectImage(jpegHeader(800, 600, 600))).toEqual({
      format: 'jpeg',
      width: 800,
      height: 600,
      dpi: 600,
      colour: true,
    });
    expect(inspectImage(jpegHeader(800, 600, 600, 1))).toMatchObject({ colour: false });
  });

  it('refuses a text file whatever its name says', () => {
    expect(inspectImage(Buffer.from('this is not an image, only named seal.png'))).toBe('not_an_image');
  });

  it('accepts a round seal of 4.5 cm at 600 dpi and refuses one of 4.6 cm', () => {
    // 4.5 cm at 600 dpi = 45 / 25.4 * 600 = 1063 pixels.
    expect(checkSealImage('seal', 'round', inspectImage(pngHeader(1063, 1063, 600)) as never)).toEqual([]);
    expect(checkSealImage('seal', 'round', inspectImage(pngHeader(1087, 1087, 600)) as never)[0]?.code).toBe(
      'too_large_physically',
    );
  });

  it('allows 5.5 x 4 cm for a rectangular seal and 3.5 x 3 cm for a signature', () => {
    expect(checkSealImage('seal', 'rectangular', inspectImage(pngHeader(1299, 944, 600)) as never)).toEqual(
      [],
    );
    expect(checkSealImage('signature', null, inspectImage(pngHeader(826, 708, 600, 0)) as never)).toEqual([]);
    expect(
      checkSealImage('signature', null, inspectImage(pngHeader(1299, 944, 600, 0)) as never)[0]?.code,
    ).toBe('too_large_physically');
  });

  it('refuses a scan under 600 dpi or without a declared resolution, and a seal in greyscale', () => {
    expect(checkSealImage('seal', 'round', inspectImage(pngHeader(500, 500, 300)) as never)[0]?.code).toBe(
      'resolution_too_low',
    );
    expect(checkSealImage('seal', 'round', inspectImage(pngHeader(500, 500, null)) as never)[0]?.code).toBe(
      'resolution_too_low',
    );
    expect(
      checkSealImage('seal', 'oval', inspectImage(pngHeader(1000, 800, 600, 0)) as never).map(
        (problem) => problem.code,
      ),
    ).toEqual(['not_in_colour']);
  });

  it('asks customs images for PNG with transparency, the office seal round and in colour, 4.5 cm at most', () => {
    const rgba = pngHeader(1000, 1000, 600, 6);
    expect(hasTransparency(rgba)).toBe(true);
    expect(hasTransparency(pngHeader(1000, 1000, 600, 2))).toBe(false);
    expect(hasTransparency(jpegHeader(800, 600, 600))).toBe(false);
    const codes = (kind: 'officeSeal' | 'officerSignature', head: Buffer) =>
      checkCustomsImage(kind, inspectImage(head) as never, hasTransparency(head)).map(
        (problem) => problem.code,
      );
    expect(codes('officeSeal', rgba)).toEqual([]);
    expect(codes('officeSeal', pngHeader(1000, 1000, 600, 2))).toEqual(['not_transparent']);
    expect(codes('officeSeal', jpegHeader(800, 600, 600))).toEqual(['not_png']);
    // Grey with alpha is see-through but not in colour: a red seal is expected.
    expect(codes('officeSeal', pngHeader(1000, 1000, 600, 4))).toEqual(['not_in_colour']);
    expect(codes('officeSeal', pngHeader(1100, 1100, 600, 6))).toEqual(['too_large_physically']);
    expect(codes('officerSignature', pngHeader(800, 600, 600, 4))).toEqual([]);
    expect(codes('officerSignature', pngHeader(900, 600, 600, 6))).toEqual(['too_large_physically']);
    expect(codes('officerSignature', pngHeader(400, 300, 300, 6))).toEqual(['resolution_too_low']);
  });
});
