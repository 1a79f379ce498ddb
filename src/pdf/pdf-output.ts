/**
 * pdfkit's output path, made cheap for documents drawn many times a second. pdfkit turns every string it
 * writes (each object's header and dictionary, each piece of page content) into bytes one character at a
 * time in JavaScript, pushes every piece through a Node stream, and deflates each content stream at
 * zlib's default level. A 10-item certificate writes a few hundred such pieces. Here:
 *
 * - strings written to a stream object (page content) are gathered and turned into bytes once, natively
 *   (`latin1`, which keeps the low byte of each character exactly as pdfkit does);
 * - the file's pieces are gathered the same way into one buffer instead of a stream chunk each;
 * - page content is written uncompressed: each `deflateSync` call sets up a zlib engine (about 30 µs
 *   here) and compressing a certificate's two pages of content took 250–400 µs of a 2 ms render, for
 *   15 kB less in a file of 40–100 kB (the fonts and images, most of the file, are compressed once and
 *   kept); a stream whose deflated bytes are already known (a kept CJK font subset, `fonts.ts`) is
 *   written compressed as it is.
 *
 * It relies on three internals of pdfkit 0.20 (`ref()` returning objects with `write`/`finalize`, and the
 * document's `_write`/`_offset`); the rendering tests read every PDF back, so a pdfkit that changes them
 * fails those tests rather than printing wrong certificates.
 */

/** The part of pdfkit's stream objects (PDFReference) touched here. */
interface StreamReference {
  compress: boolean;
  buffer: Uint8Array[];
  data: Record<string, unknown>;
  write(chunk: unknown): void;
  finalize(): void;
  /** Strings written since the last bytes, each with its line feed (pdfkit adds one per write). */
  origoPending?: string;
  /** How this document deflates. */
  origoOutput?: OutputOptions;
}

/** The part of pdfkit's document touched here. */
interface DocumentInternals {
  _write(data: unknown): void;
  _offset: number;
}

export interface OutputOptions {
  /** The deflated form of bytes written as a stream's only chunk, when already known. */
  deflated?: (bytes: Uint8Array) => Buffer | undefined;
}

/** pdfkit's own methods of its stream objects, taken from the first one made. */
let streamMethods: Pick<StreamReference, 'write' | 'finalize'> | undefined;

function flushPending(reference: StreamReference): void {
  if (reference.origoPending)
    streamMethods!.write.call(reference, Buffer.from(reference.origoPending, 'latin1'));
  reference.origoPending = '';
}

function writeToStream(this: StreamReference, chunk: unknown): void {
  if (chunk instanceof Uint8Array) {
    flushPending(this);
    streamMethods!.write.call(this, chunk);
  } else this.origoPending = `${this.origoPending ?? ''}${String(chunk)}\n`;
}

function finalizeStream(this: StreamReference): void {
  flushPending(this);
  const { buffer } = this;
  if (this.compress && buffer.length > 0) {
    const only = buffer.length === 1 ? buffer[0]! : undefined;
    const known = only && this.origoOutput?.deflated?.(only);
    this.compress = false;
    if (known) {
      this.buffer = [known];
      this.data['Filter'] = 'FlateDecode';
    } else delete this.data['Filter'];
  }
  streamMethods!.finalize.call(this);
}

/**
 * Installs the cheaper output path on a fresh document (before anything is drawn) and returns the whole
 * file once `doc.end()` has written it.
 */
export function collectOutput(doc: PDFKit.PDFDocument, options: OutputOptions = {}): Promise<Buffer> {
  const ref = doc.ref.bind(doc);
  doc.ref = (data) => {
    const reference = ref(data) as unknown as StreamReference;
    streamMethods ??= Object.getPrototypeOf(reference) as StreamReference;
    reference.origoOutput = options;
    reference.write = writeToStream;
    reference.finalize = finalizeStream;
    return reference as unknown as PDFKit.PDFKitReference;
  };

  const internals = doc as unknown as DocumentInternals;
  // What pdfkit wrote before this (the file header) waits in the stream's buffer.
  const head = doc.read() as Buffer | null;
  const chunks: Uint8Array[] = head ? [head] : [];
  let pending = '';
  internals._write = (data) => {
    if (data instanceof Uint8Array) {
      if (pending) chunks.push(Buffer.from(pending, 'latin1'));
      pending = '';
      chunks.push(data);
      internals._offset += data.length;
    } else {
      const text = `${String(data)}\n`;
      pending += text;
      internals._offset += text.length;
    }
  };
  return new Promise<Buffer>((resolve, reject) => {
    doc.on('error', reject);
    doc.on('end', () => {
      if (pending) chunks.push(Buffer.from(pending, 'latin1'));
      resolve(Buffer.concat(chunks));
    });
    doc.resume();
  });
}

/** A ready-made PDF literal string: pdfkit's `convert` passes an object it does not know through as text. */
class LiteralString {
  readonly [Symbol.toStringTag] = 'PdfLiteralString';
  constructor(private readonly text: string) {}
  toString(): string {
    return `(${this.text.replace(/[\\()]/g, (character) => `\\${character}`)})`;
  }
}

/**
 * A value for the document information dictionary. pdfkit converts a string there character by character,
 * several times over (about half a millisecond for a 5 kB signed payload); printable ASCII, which a JWS
 * is, is written as a literal string directly. Anything else is left to pdfkit (UTF-16 when it must).
 */
export function infoString(text: string): unknown {
  return /^[\x20-\x7e]*$/.test(text) ? new LiteralString(text) : text;
}
