import zlib from 'node:zlib';

/** An 8-bit RGBA PNG of a red ring on transparency, the size of a 45 mm seal scanned at 300 dpi. */
export function sealPng(size = 530): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      const distance = Math.hypot(x - size / 2, y - size / 2);
      const on = (distance < size / 2 - 4 && distance > size / 2 - 24) || distance < size / 8;
      row.writeUInt32BE(on ? 0xd81818ff : 0xd8181800, 1 + x * 4);
    }
    rows.push(row);
  }
  const chunk = (kind: string, data: Buffer) => {
    const header = Buffer.alloc(8);
    header.writeUInt32BE(data.length);
    header.write(kind, 4, 'latin1');
    return Buffer.concat([header, data, Buffer.alloc(4)]); // the CRC is not checked by the renderer
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
