import { describe, expect, it } from 'vitest';
import { recogniseDocument } from './document-content.js';

describe('supporting documents are recognised by content, not name', () => {
  it('accepts PDF, JPEG, PNG and XLSX', () => {
    expect(recogniseDocument(Buffer.from('%PDF-1.7\n...'))).toMatchObject({ accepted: true, format: 'pdf' });
    expect(recogniseDocument(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toMatchObject({ format: 'jpeg' });
    expect(recogniseDocument(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toMatchObject(
      {
        format: 'png',
      },
    );
    const xlsx = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04]),
      Buffer.from('....[Content_Types].xml....xl/workbook.xml'),
    ]);
    expect(recogniseDocument(xlsx)).toMatchObject({ accepted: true, format: 'xlsx' });
  });

  it('refuses programs whatever they are called, and other files', () => {
    expect(recogniseDocument(Buffer.from('MZ\x90\x00 This program cannot be run in DOS mode'))).toMatchObject(
      {
        accepted: false,
        reason: 'executable',
      },
    );
    expect(recogniseDocument(Buffer.from('\x7fELF\x02\x01'))).toMatchObject({ reason: 'executable' });
    expect(recogniseDocument(Buffer.from('#!/bin/sh\nrm -rf /'))).toMatchObject({ reason: 'executable' });
    expect(recogniseDocument(Buffer.from('PK\x03\x04word/document.xml'))).toMatchObject({
      reason: 'unrecognised',
    });
    expect(recogniseDocument(Buffer.from('plain text'))).toMatchObject({ reason: 'unrecognised' });
    expect(recogniseDocument(Buffer.alloc(0))).toMatchObject({ reason: 'empty' });
  });
});
