/**
 * What a supporting document really is, judged by its first bytes and never by its name: PDF, JPEG, PNG
 * or an Excel workbook (XLSX). Executables and anything else are refused, whatever they are called.
 */

export const DOCUMENT_CONTENT_TYPES = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export type DocumentFormat = keyof typeof DOCUMENT_CONTENT_TYPES;

export type Recognition =
  | { accepted: true; format: DocumentFormat; contentType: string }
  | { accepted: false; reason: 'executable' | 'unrecognised' | 'empty'; seen: string };

const startsWith = (head: Buffer, bytes: number[]) => bytes.every((byte, index) => head[index] === byte);

export function recogniseDocument(head: Buffer): Recognition {
  if (head.length === 0) return { accepted: false, reason: 'empty', seen: 'an empty file' };
  if (startsWith(head, [0x4d, 0x5a]))
    return { accepted: false, reason: 'executable', seen: 'a Windows program' };
  if (startsWith(head, [0x7f, 0x45, 0x4c, 0x46]))
    return { accepted: false, reason: 'executable', seen: 'a Linux program' };
  if (
    startsWith(head, [0xcf, 0xfa, 0xed, 0xfe]) ||
    startsWith(head, [0xce, 0xfa, 0xed, 0xfe]) ||
    startsWith(head, [0xca, 0xfe, 0xba, 0xbe])
  )
    return { accepted: false, reason: 'executable', seen: 'a macOS program' };
  if (startsWith(head, [0x23, 0x21])) return { accepted: false, reason: 'executable', seen: 'a script' };
  if (head.subarray(0, 1024).includes('%PDF-')) return accept('pdf');
  if (startsWith(head, [0xff, 0xd8, 0xff])) return accept('jpeg');
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return accept('png');
  // An XLSX is a ZIP archive whose entries include the workbook under xl/.
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) && head.includes('xl/')) return accept('xlsx');
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]))
    return { accepted: false, reason: 'unrecognised', seen: 'a ZIP archive that is not an Excel workbook' };
  return { accepted: false, reason: 'unrecognised', seen: 'a file that is not PDF, JPEG, PNG or XLSX' };
}

function accept(format: DocumentFormat): Recognition {
  return { accepted: true, format, contentType: DOCUMENT_CONTENT_TYPES[format] };
}
