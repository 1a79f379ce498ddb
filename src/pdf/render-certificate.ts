import zlib from 'node:zlib';
import PDFDocument from 'pdfkit';
import type { ApplicationData } from '../domain/application.js';
import type { CertificateLayout, LayoutBox, Rectangle } from '../domain/certificate-layouts.js';
import { isGoodsColumn } from '../domain/certificate-layouts.js';
import type { CertificateType } from '../domain/certificate-types.js';
import type { Endorsement } from '../domain/endorsements.js';
import { certificateDate } from '../domain/endorsements.js';
import { boxLines, containsCjk, itemLines, tickLines } from './box-content.js';
import type { CjkFont } from './fonts.js';
import { cjkFont, deflatedSubset } from './fonts.js';
import { imageSource } from './images.js';
import { collectOutput, infoString } from './pdf-output.js';
import { qrCodeContent } from './qr-code.js';
import type { StandardFontName } from './standard-fonts.js';
import { standardFont } from './standard-fonts.js';
import type { WrappedText } from './text-layout.js';
import { lineHeight, lineOperators, pdfNumber, textObject, textWidth, wrapText } from './text-layout.js';

/** Everything a certificate shows: plain data, no database rows, no I/O. */
export interface CertificateDocument {
  type: CertificateType;
  layout: CertificateLayout;
  /** The certificate number, printed on every page. */
  number: string;
  /** The day the certificate was issued (YYYY-MM-DD). */
  issuedOn: string;
  /** The issuing office as the certification box names it; `nameZh` adds its Chinese name. */
  issuingOffice: { name: string; nameZh?: string | undefined };
  application: ApplicationData;
  /** ISSUED RETROACTIVELY, CERTIFIED TRUE COPY ..., replacement wording: each in the box it names. */
  endorsements: readonly Endorsement[];
  /** PNG files; self-print draws those given, template print none. */
  images?: {
    officeSeal?: Buffer | undefined;
    officerSignature?: Buffer | undefined;
    enterpriseSeal?: Buffer | undefined;
    signatorySignature?: Buffer | undefined;
  };
  /** The public verification page of this certificate: the QR code's content. */
  verificationUrl: string;
  /** The signed payload (JWS), stored in the PDF's information dictionary as `OrigoSignedPayload`. */
  signedPayload?: string | undefined;
}

export interface RenderOptions {
  /** `self`: the whole form on plain paper. `template`: only the data, onto the pre-printed form. */
  mode: 'self' | 'template';
  /** Template print: how far this office's printer must move the data, in millimetres (right, down). */
  printerOffset?: { dx: number; dy: number };
  /** The CJK font; the process-wide Noto Sans CJK by default. */
  cjkFont?: CjkFont;
}

/** Text that does not fit its box even at the smallest size: the certificate is not printed. */
export class CertificateTextOverflowError extends Error {
  constructor(readonly box: string) {
    super(`The text of box ${box} does not fit the box even at ${MIN_SIZE} pt`);
    this.name = 'CertificateTextOverflowError';
  }
}

/** Millimetres to PDF points. */
export const mm = (value: number): number => (value * 72) / 25.4;

const DATA_FONT: StandardFontName = 'Helvetica';
const TITLE_FONT: StandardFontName = 'Helvetica-Bold';
const TITLE_SIZE = 6;
const GOODS_TITLE_SIZES = [6, 5.5, 5, 4.5, 4];
const DATA_SIZES = [8, 7.5, 7, 6.5, 6, 5.5, 5];
const ITEM_SIZE = 7;
const MIN_SIZE = 5;
const PAD = mm(1.2);
const ROW_GAP = mm(1.5);

interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

const toPoints = (rect: Rectangle): Area => ({
  x: mm(rect.x),
  y: mm(rect.y),
  width: mm(rect.width),
  height: mm(rect.height),
});

/** One page's worth of goods items. */
interface GoodsPage {
  items: number[];
  /** Whether the lines after the last item (a goods box's other fields) go on this page. */
  trailing: boolean;
}

/** Where the standard fonts live in each document's resources (pdfkit names its own fonts F1, F2 ...). */
const RESOURCE = { Helvetica: 'OrigoHelvetica', 'Helvetica-Bold': 'OrigoHelveticaBold' } as const;

/** The font dictionaries of the standard fonts; the fonts themselves are built into every PDF reader. */
function standardFontDictionaries(doc: PDFKit.PDFDocument): Record<string, PDFKit.PDFKitReference> {
  const dictionaries: Record<string, PDFKit.PDFKitReference> = {};
  for (const [name, resource] of Object.entries(RESOURCE)) {
    const dictionary = doc.ref({
      Type: 'Font',
      Subtype: 'Type1',
      BaseFont: name,
      Encoding: 'WinAnsiEncoding',
    });
    dictionary.end(null);
    dictionaries[resource] = dictionary;
  }
  return dictionaries;
}

/**
 * A document being drawn: the pdfkit document and the fonts it has. Text in the standard fonts is measured
 * and set by `text-layout.ts` and written as PDF operators; only text with CJK characters goes through
 * pdfkit's text engine with the embedded CJK font.
 */
class Sheet {
  private cjkRegistered = false;
  private fonts: Record<string, PDFKit.PDFKitReference> | undefined;
  /** By font, then by the text, then by `size * 10_000 + width` (sizes step by 0.5 pt, widths stay under 1,000 pt). */
  private readonly wrapped = new Map<StandardFontName, Map<string, Map<number, WrappedText>>>();

  constructor(
    readonly doc: PDFKit.PDFDocument,
    private readonly cjk: () => CjkFont,
  ) {}

  /** The standard fonts' dictionaries, written once per document. */
  standardFonts(): Record<string, PDFKit.PDFKitReference> {
    this.fonts ??= standardFontDictionaries(this.doc);
    return this.fonts;
  }

  /** Makes the standard fonts available on the current page. */
  addFontsToPage(): void {
    Object.assign(this.doc.page.fonts, this.standardFonts());
  }

  private useCjk(size: number): void {
    if (!this.cjkRegistered) {
      this.doc.registerFont('cjk', this.cjk());
      this.cjkRegistered = true;
    }
    this.doc.font('cjk').fontSize(size);
  }

  /**
   * The line set in the width, kept for the document: a box's text is measured at each size tried, then
   * again for its row's height, then set.
   */
  wrap(line: string, font: StandardFontName, size: number, width: number): WrappedText {
    // Nested maps rather than one key string: building and hashing such a key for each of a certificate's
    // several hundred measurements cost more than setting most of the lines.
    let byText = this.wrapped.get(font);
    if (!byText) this.wrapped.set(font, (byText = new Map()));
    let bySetting = byText.get(line);
    if (!bySetting) byText.set(line, (bySetting = new Map()));
    const setting = size * 10_000 + width;
    let wrapped = bySetting.get(setting);
    if (!wrapped) {
      wrapped = wrapText(line, standardFont(font), size, width);
      bySetting.set(setting, wrapped);
    }
    return wrapped;
  }

  heightOf(
    lines: readonly string[],
    width: number,
    size: number,
    font: StandardFontName = DATA_FONT,
  ): number {
    let height = 0;
    for (const line of lines) height += this.lineHeight(line, width, size, font);
    return height;
  }

  /**
   * The height of one line of text set in the width, or infinity when a word is wider than the width (an
   * invoice number split over two lines).
   */
  private lineHeight(line: string, width: number, size: number, font: StandardFontName): number {
    if (!containsCjk(line)) {
      const wrapped = this.wrap(line, font, size, width);
      return wrapped.fits
        ? wrapped.lines.length * lineHeight(standardFont(font), size)
        : Number.POSITIVE_INFINITY;
    }
    // pdfkit measures CJK text; the same lines recur, so measured heights are kept for the process.
    const key = `${size}\u0000${width}\u0000${line}`;
    const known = measuredCjk.get(key);
    if (known !== undefined) return known;
    this.useCjk(size);
    let height = this.doc.heightOfString(line, { width });
    for (const word of line.split(/\s+/))
      if (this.doc.widthOfString(word) > width) height = Number.POSITIVE_INFINITY;
    if (measuredCjk.size >= MEASURED_LIMIT) measuredCjk.clear();
    measuredCjk.set(key, height);
    return height;
  }

  /**
   * A line of CJK text that fits the width on one line, written as PDF operators with the embedded CJK
   * font (selected by `useCjk`): its glyphs encoded by the font, which adds them to the document's subset
   * and to its ToUnicode map, as pdfkit's text engine does. pdfkit's engine (line wrapper, Unicode line
   * breaking, fragment writer) cost about as much for the office's Chinese name as all the other text of
   * a certificate. False, having drawn nothing, for a line that must wrap or whose glyphs are positioned
   * other than by their advance (pdfkit's engine then draws it).
   */
  private writeCjkLine(line: string, x: number, top: number, width: number, size: number): boolean {
    const font = (this.doc as unknown as { _font?: EmbeddedFont })._font;
    if (!font || typeof font.encode !== 'function') return false;
    if (this.doc.widthOfString(line) > width) return false;
    const [glyphs, positions] = font.encode(line);
    if (positions.some((at) => at.xOffset || at.yOffset || at.xAdvance !== at.advanceWidth)) return false;
    const fonts = this.doc.page.fonts as Record<string, PDFKit.PDFKitReference>;
    fonts[font.id] ??= font.ref();
    const baseline = top + (font.ascender * size) / 1000;
    this.doc.addContent(
      `BT\n/${font.id} ${pdfNumber(size)} Tf\n1 0 0 -1 ${pdfNumber(x)} ${pdfNumber(baseline)} Tm\n[<${glyphs.join('')}>] TJ\nET\n`,
    );
    return true;
  }

  /** Draws the lines from the area's top down; returns the y below them. */
  write(lines: readonly string[], area: { x: number; y: number; width: number }, size: number): number {
    const metrics = standardFont(DATA_FONT);
    let y = area.y;
    let body = '';
    for (const line of lines) {
      if (containsCjk(line)) {
        if (body) this.doc.addContent(textObject(RESOURCE[DATA_FONT], size, body));
        body = '';
        this.useCjk(size);
        if (!this.writeCjkLine(line, area.x, y, area.width, size))
          this.doc.text(line, area.x, y, { width: area.width, lineBreak: true });
        y += this.lineHeight(line, area.width, size, DATA_FONT);
        continue;
      }
      for (const part of this.wrap(line, DATA_FONT, size, area.width).lines) {
        body += lineOperators(part, metrics, size, area.x, y);
        y += lineHeight(metrics, size);
      }
    }
    if (body) this.doc.addContent(textObject(RESOURCE[DATA_FONT], size, body));
    return y;
  }
}

/** The part of pdfkit's embedded font (the CJK font once selected) that `writeCjkLine` uses. */
interface EmbeddedFont {
  id: string;
  ascender: number;
  ref(): PDFKit.PDFKitReference;
  encode(
    text: string,
  ): [string[], Array<{ xAdvance: number; advanceWidth: number; xOffset: number; yOffset: number }>];
}

/** Heights of CJK text already measured, by size, width and text (see `Sheet.lineHeight`). */
const measuredCjk = new Map<string, number>();
const MEASURED_LIMIT = 20_000;

/** The largest size at which the lines fit the area, or undefined. */
function fittingSize(sheet: Sheet, lines: readonly string[], area: Area, sizes = DATA_SIZES) {
  return sizes.find((size) => sheet.heightOf(lines, area.width, size) <= area.height);
}

/**
 * Renders a certificate of origin as a PDF: every page carries the form (self-print) or only the data at
 * the pre-printed form's places (template), the number and "Page x of y"; goods items that do not fit the
 * goods table continue on further pages. Text that does not fit its box is set smaller, down to 5 pt;
 * beyond that rendering fails with `CertificateTextOverflowError` naming the box.
 */
export async function renderCertificate(
  certificate: CertificateDocument,
  options: RenderOptions,
): Promise<Buffer> {
  const { type, layout, application } = certificate;
  const self = options.mode === 'self';
  // font '': no default font, or pdfkit would parse Helvetica's metrics for every document (standard-fonts.ts).
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false, bufferPages: false, font: '' });
  const finished = collectOutput(doc, { deflated: deflatedSubset });
  const sheet = new Sheet(doc, () => options.cjkFont ?? cjkFont());
  doc.info.Title = `${type.names.en} ${certificate.number}`;
  doc.info.Producer = 'Origo';
  if (certificate.signedPayload)
    (doc.info as Record<string, unknown>)['OrigoSignedPayload'] = infoString(certificate.signedPayload);

  const typeBox = (box: LayoutBox) => type.boxes.find((entry) => entry.number === box.number)!;
  const columns = layout.boxes.filter((box) => isGoodsColumn(type, box));
  const others = layout.boxes.filter((box) => !isGoodsColumn(type, box));
  const goods = toPoints(layout.goods.rect);
  const rowsTop = goods.y + mm(layout.goods.headerHeight);
  const rowsHeight = goods.y + goods.height - rowsTop - PAD;

  // Each box's place for data: its data rectangle, or the box below its title.
  const dataArea = (box: LayoutBox): Area => {
    if (box.dataRect) return toPoints(box.dataRect);
    const area = toPoints(box.rect);
    const top = titleHeight(type, layout, box, area, sheet);
    return {
      x: area.x + PAD,
      y: area.y + top + PAD / 2,
      width: area.width - 2 * PAD,
      height: area.height - top - PAD,
    };
  };

  // What every box outside the goods table says, and the size that makes it fit.
  const endorsementsIn = (number: string) =>
    certificate.endorsements.filter((entry) => entry.box === number).map((entry) => entry.text);
  for (const endorsement of certificate.endorsements)
    if (!others.some((box) => box.number === endorsement.box))
      throw new Error(`endorsement for box ${endorsement.box}, which is not a box outside the goods items`);
  const boxText = others.map((box) => {
    let lines: string[];
    if (box.fill === 'certification') {
      lines = [certificate.issuingOffice.name];
      if (certificate.issuingOffice.nameZh) lines.push(certificate.issuingOffice.nameZh);
      lines.push(certificateDate(certificate.issuedOn));
    } else if (box.fill === 'ticks') lines = tickLines(type, application);
    else if (box.fill === 'none') lines = [];
    else lines = boxLines(typeBox(box), application);
    lines.push(...endorsementsIn(box.number));
    const area = dataArea(box);
    const size = lines.length ? fittingSize(sheet, lines, area) : DATA_SIZES[0];
    if (size === undefined) throw new CertificateTextOverflowError(box.number);
    return { box, lines, area, size };
  });

  // The goods table: each item's lines per column, its row height, and the pages the rows fill.
  const columnAreas = columns.map((box) => {
    const area = toPoints(box.rect);
    return { box, x: area.x + PAD, width: area.width - 2 * PAD };
  });
  const cells = application.items.map((item, index) =>
    columnAreas.map(({ box }) =>
      box.fill === 'itemNumber' ? [String(index + 1)] : itemLines(typeBox(box), item),
    ),
  );
  const itemSizes = cells.map((row, index) => {
    const size = DATA_SIZES.filter((candidate) => candidate <= ITEM_SIZE).find((candidate) =>
      row.every(
        (lines, column) => sheet.heightOf(lines, columnAreas[column]!.width, candidate) <= rowsHeight,
      ),
    );
    if (size === undefined)
      throw new CertificateTextOverflowError(`${columns[0]?.number ?? ''} (item ${index + 1})`);
    return size;
  });
  const rowHeights = cells.map(
    (row, index) =>
      Math.max(
        ...row.map((lines, column) => sheet.heightOf(lines, columnAreas[column]!.width, itemSizes[index]!)),
      ) + ROW_GAP,
  );
  // Fields of a goods box that are not per item (Form E box 7's third-party invoicer) follow the last item.
  const trailing = columnAreas.map(({ box }) =>
    box.fill === 'itemNumber' ? [] : boxLines(typeBox(box), application),
  );
  const trailingHeight = Math.max(
    0,
    ...trailing.map((lines, column) => sheet.heightOf(lines, columnAreas[column]!.width, ITEM_SIZE)),
  );
  if (trailingHeight > rowsHeight) throw new CertificateTextOverflowError(columns[0]?.number ?? '');
  const pages: GoodsPage[] = [{ items: [], trailing: false }];
  let used = 0;
  rowHeights.forEach((height, index) => {
    if (used + height > rowsHeight && pages.at(-1)!.items.length > 0) {
      pages.push({ items: [], trailing: false });
      used = 0;
    }
    pages.at(-1)!.items.push(index);
    used += height;
  });
  if (trailingHeight > 0) {
    if (used + trailingHeight > rowsHeight) pages.push({ items: [], trailing: true });
    else pages.at(-1)!.trailing = true;
  }

  const offset = self ? { dx: 0, dy: 0 } : (options.printerOffset ?? { dx: 0, dy: 0 });
  const images = self ? preparedImages(certificate) : {};
  const form = self ? formXObject(sheet, certificate) : undefined;
  const regular = standardFont(DATA_FONT);
  const bold = standardFont(TITLE_FONT);
  let qrCode: string | undefined;
  pages.forEach((page, pageIndex) => {
    doc.addPage({ size: 'A4', margin: 0 });
    sheet.addFontsToPage();
    doc.save();
    if (offset.dx || offset.dy) doc.translate(mm(offset.dx), mm(offset.dy));
    if (form) {
      doc.page.xobjects[FORM_RESOURCE] = form;
      doc.addContent(`/${FORM_RESOURCE} Do`);
    }

    // The number and the page, on every page.
    doc.fillColor('black');
    const number = toPoints(layout.number.rect);
    const pageNumber = toPoints(layout.pageNumber.rect);
    const pageLabel = `Page ${pageIndex + 1} of ${pages.length}`;
    doc.addContent(
      textObject(
        RESOURCE[TITLE_FONT],
        10,
        lineOperators(certificate.number, bold, 10, number.x + PAD, number.y + mm(3.5)),
      ) +
        textObject(
          RESOURCE[DATA_FONT],
          7,
          lineOperators(
            pageLabel,
            regular,
            7,
            pageNumber.x + pageNumber.width - textWidth(pageLabel, regular, 7),
            pageNumber.y + PAD,
          ),
        ),
    );

    for (const { lines, area, size } of boxText) if (lines.length) sheet.write(lines, area, size!);

    let y = rowsTop + PAD / 2;
    for (const index of page.items) {
      cells[index]!.forEach((lines, column) => {
        const { x, width } = columnAreas[column]!;
        sheet.write(lines, { x, y, width }, itemSizes[index]!);
      });
      y += rowHeights[index]!;
    }
    if (page.trailing)
      trailing.forEach((lines, column) => {
        const { x, width } = columnAreas[column]!;
        sheet.write(lines, { x, y, width }, ITEM_SIZE);
      });

    if (self) {
      if (qrCode === undefined) {
        const qr = toPoints(layout.qrCode.rect);
        const box = { x: qr.x, y: qr.y, size: Math.min(qr.width, qr.height) };
        qrCode = qrCodeContent(certificate.verificationUrl, box);
      }
      doc.fillColor('black').addContent(qrCode);
      for (const [name, source] of Object.entries(images)) {
        const area = toPoints(layout.images[name as keyof typeof layout.images]);
        doc.image(source as Buffer, area.x, area.y, {
          fit: [area.width, area.height],
          align: 'center',
          valign: 'center',
        });
      }
    }
    doc.restore();
  });
  doc.end();
  return finished;
}

/** The images to draw, each prepared once for the whole document (every page shows the same seal). */
function preparedImages(certificate: CertificateDocument) {
  const prepared: Partial<Record<keyof CertificateLayout['images'], ReturnType<typeof imageSource>>> = {};
  for (const name of ['officeSeal', 'officerSignature', 'enterpriseSeal', 'signatorySignature'] as const) {
    const bytes = certificate.images?.[name];
    if (bytes) prepared[name] = imageSource(bytes);
  }
  return prepared;
}

/** The height a box's title takes at the box's top (goods columns: the goods table's title row). */
function titleHeight(
  type: CertificateType,
  layout: CertificateLayout,
  box: LayoutBox,
  area: Area,
  sheet?: Sheet,
): number {
  if (isGoodsColumn(type, box)) return mm(layout.goods.headerHeight);
  const title = `${box.number}. ${box.title}`;
  const width = area.width - 2 * PAD;
  const wrapped = sheet
    ? sheet.wrap(title, TITLE_FONT, TITLE_SIZE, width)
    : wrapText(title, standardFont(TITLE_FONT), TITLE_SIZE, width);
  return wrapped.fits
    ? wrapped.lines.length * lineHeight(standardFont(TITLE_FONT), TITLE_SIZE) + PAD
    : Number.POSITIVE_INFINITY;
}

/** The name of the form's drawing in each page's resources. */
const FORM_RESOURCE = 'OrigoForm';
/** A4 in points, as pdfkit sizes it. */
const A4 = { width: 595.28, height: 841.89 };

/** The form's drawing per layout and type, as compressed PDF content: the same on every self-print. */
const preparedForms = new WeakMap<CertificateLayout, Map<string, Buffer>>();

/**
 * Self-print: the form (box rules, titles, wording, heading, number label) as a form XObject drawn on each
 * page. Its content depends only on the layout, so it is set and compressed once per process and each
 * document copies the compressed bytes.
 */
function formXObject(sheet: Sheet, certificate: CertificateDocument): PDFKit.PDFKitReference {
  const { layout, type } = certificate;
  let forms = preparedForms.get(layout);
  if (!forms) preparedForms.set(layout, (forms = new Map()));
  let content = forms.get(type.code);
  if (!content) {
    content = zlib.deflateSync(Buffer.from(formContent(type, layout), 'latin1'));
    forms.set(type.code, content);
  }
  const form = sheet.doc.ref({
    Type: 'XObject',
    Subtype: 'Form',
    BBox: [0, 0, A4.width, A4.height],
    Resources: { Font: sheet.standardFonts() },
    Filter: 'FlateDecode',
  });
  form.end(content);
  return form;
}

/** The lines of a text set from (x, top) down in the width, as PDF text operators, and the y below them. */
function setText(
  text: string,
  font: StandardFontName,
  size: number,
  area: { x: number; y: number; width: number },
) {
  const metrics = standardFont(font);
  let body = '';
  let y = area.y;
  for (const line of wrapText(text, metrics, size, area.width).lines) {
    body += lineOperators(line, metrics, size, area.x, y);
    y += lineHeight(metrics, size);
  }
  return { operators: textObject(RESOURCE[font], size, body), bottom: y };
}

/** The PDF content of the form itself (box rules, titles, form wording, heading, number label), y down. */
function formContent(type: CertificateType, layout: CertificateLayout): string {
  const rect = (area: Area) =>
    `${pdfNumber(area.x)} ${pdfNumber(area.y)} ${pdfNumber(area.width)} ${pdfNumber(area.height)} re\n`;
  let content = '0.6 w\n0 0 0 RG\n';
  for (const box of layout.boxes) content += rect(toPoints(box.rect));
  // The heading's frame: the number, the form's title and the QR code, with 2 mm around them.
  const title = toPoints(layout.title.rect);
  const number = toPoints(layout.number.rect);
  const qr = toPoints(layout.qrCode.rect);
  const headingBottom = Math.max(title.y + title.height, qr.y + qr.height) + mm(2);
  content += rect({
    x: number.x - mm(2),
    y: number.y - mm(2),
    width: number.width + mm(4),
    height: headingBottom - number.y + mm(2),
  });
  content += 'S\n';
  // The rule under the goods table's column titles, across the goods columns only.
  const header = mm(layout.goods.rect.y + layout.goods.headerHeight);
  for (const box of layout.boxes.filter((entry) => isGoodsColumn(type, entry))) {
    const area = toPoints(box.rect);
    content += `${pdfNumber(area.x)} ${pdfNumber(header)} m\n${pdfNumber(area.x + area.width)} ${pdfNumber(header)} l\n`;
  }
  content += '0.4 w\nS\n0 0 0 rg\n';

  for (const box of layout.boxes) {
    const area = toPoints(box.rect);
    const label = `${box.number}. ${box.title}`;
    const inner = { x: area.x + PAD, y: area.y + PAD, width: area.width - 2 * PAD };
    // Goods column titles must stay above the rule under them: they are set smaller when long.
    const titleSize = isGoodsColumn(type, box)
      ? (GOODS_TITLE_SIZES.find((size) => {
          const wrapped = wrapText(label, standardFont(TITLE_FONT), size, inner.width);
          return (
            wrapped.fits &&
            wrapped.lines.length * lineHeight(standardFont(TITLE_FONT), size) <=
              mm(layout.goods.headerHeight) - 1.5 * PAD
          );
        }) ?? GOODS_TITLE_SIZES.at(-1)!)
      : TITLE_SIZE;
    content += setText(label, TITLE_FONT, titleSize, inner).operators;
    if (box.formText) {
      const top = area.y + titleHeight(type, layout, box, area) + PAD;
      const bottom = box.dataRect ? mm(box.dataRect.y) : area.y + area.height;
      const height = bottom - top - PAD;
      const size = [6.5, 6, 5.5, 5].find((candidate) => {
        const wrapped = wrapText(box.formText!, standardFont(DATA_FONT), candidate, inner.width);
        return (
          wrapped.fits && wrapped.lines.length * lineHeight(standardFont(DATA_FONT), candidate) <= height
        );
      });
      if (size === undefined) throw new CertificateTextOverflowError(box.number);
      content += setText(box.formText, DATA_FONT, size, { ...inner, y: top }).operators;
    }
  }
  content += setText(layout.number.label, DATA_FONT, 6, {
    x: number.x + PAD,
    y: number.y + PAD / 2,
    width: Number.POSITIVE_INFINITY,
  }).operators;
  let y = title.y;
  layout.title.lines.forEach((line, index) => {
    const font = index === 0 ? TITLE_FONT : DATA_FONT;
    const size = index === 0 ? 9 : 7;
    const metrics = standardFont(font);
    let body = '';
    for (const part of wrapText(line, metrics, size, title.width).lines) {
      const x = title.x + (title.width - textWidth(part, metrics, size)) / 2;
      body += lineOperators(part, metrics, size, x, y);
      y += lineHeight(metrics, size);
    }
    content += textObject(RESOURCE[font], size, body);
  });
  return content;
}
