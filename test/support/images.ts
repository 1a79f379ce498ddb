/** A PNG header (signature, IHDR, pHYs) of the given pixel size, resolution and colour type. */
export function pngHeader(width: number, height: number, dpi: number | null, colourType = 2): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    return Buffer.concat([length, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = colourType;
  const parts = [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr)];
  if (dpi !== null) {
    const phys = Buffer.alloc(9);
    phys.writeUInt32BE(Math.round(dpi / 0.0254), 0);
    phys.writeUInt32BE(Math.round(dpi / 0.0254), 4);
    phys[8] = 1;
    parts.push(chunk('pHYs', phys));
  }
  parts.push(chunk('IDAT', Buffer.alloc(0)));
  return Buffer.concat(parts);
}
