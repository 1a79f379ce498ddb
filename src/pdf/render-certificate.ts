import PDFDocument from 'pdfkit';
import type { ApplicationData } from '../domain/application.js';
import type { CertificateLayout, LayoutBox, Rectangle } from '../domain/certificate-layouts.js';
import { isGoodsColumn } from '../domain/certificate-layouts.js';
import type { CertificateType } from '../domain/certificate-types.js';
import type { Endorsement } from '../domain/endorsements.js';
import { certificateDate } from '../domain/endorsements.js';
import { boxLines, containsCjk, itemLines, tickLines } from './box-content.js';
import type { CjkFont } from './fonts.js';
import { cjkFont } from './fonts.js';
import { imageSource } from './images.js';
import { drawQrCode } from './qr-code.js';

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

const DATA_FONT = 'Helvetica';
const TITLE_FONT = 'Helvetica-Bold';
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

/** A document being drawn: the pdfkit document and the fonts it has. */
class Sheet {
  private cjkRegistered = false;

  constructor(
    readonly doc: PDFKit.PDFDocument,
    private readonly cjk: () => CjkFont,
  ) {}

  /** Sets the font for this text: the CJK font only for text with CJK characters (subsetting it costs). */
  use(text: string, latin: string, size: number): void {
    if (containsCjk(text)) {
      if (!this.cjkRegistered) {
        this.doc.registerFont('cjk', this.cjk());
        this.cjkRegistered = true;
      }
      this.doc.font('cjk');
    } else this.doc.font(latin);
    this.doc.fontSize(size);
  }

  heightOf(lines: readonly string[], width: number, size: number, font = DATA_FONT): number {
    let height = 0;
    for (const line of lines) height += this.lineHeight(line, width, size, font);
    return height;
  }

  /**
   * The height of one line of text set in the width, or infinity when a word is wider than the width (an
   * invoice number split over two lines). Measuring is most of a render's time and the same titles, form
   * wording and data are measured again and again, so results are kept for the process.
   */
  private lineHeight(line: string, width: number, size: number, font: string): number {
    const key = `${font}\u0000${size}\u0000${width}\u0000${line}`;
    const known = measured.get(key);
    if (known !== undefined) return known;
    this.use(line, font, size);
    let height = this.doc.heightOfString(line, { width });
    for (const word of line.split(/\s+/))
      if (this.doc.widthOfString(word) > width) height = Number.POSITIVE_INFINITY;
    if (measured.size >= MEASURED_LIMIT) measured.clear();
    measured.set(key, height);
    return height;
  }

  write(lines: readonly string[], area: { x: number; y: number; width: number }, size: number): number {
    let y = area.y;
    for (const line of lines) {
      this.use(line, DATA_FONT, size);
      this.doc.text(line, area.x, y, { width: area.width, lineBreak: true });
      y += this.lineHeight(line, area.width, size, DATA_FONT);
    }
    return y;
  }
}

/** Heights of text already measured, by font, size, width and text (see `Sheet.lineHeight`). */
const measured = new Map<string, number>();
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
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false, bufferPages: false });
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const sheet = new Sheet(doc, () => options.cjkFont ?? cjkFont());
  doc.info.Title = `${type.names.en} ${certificate.number}`;
  doc.info.Producer = 'Origo';
  if (certificate.signedPayload)
    (doc.info as Record<string, unknown>)['OrigoSignedPayload'] = certificate.signedPayload;

  const typeBox = (box: LayoutBox) => type.boxes.find((entry) => entry.number === box.number)!;
  const columns = layout.boxes.filter((box) => isGoodsColumn(type, box));
  const others = layout.boxes.filter((box) => !isGoodsColumn(type, box));
  const goods = toPoints(layout.goods.rect);
  const rowsTop = goods.y + mm(layout.goods.headerHeight);
  const rowsHeight = goods.y + goods.height - rowsTop - PAD;

  // Each box's place for data: its data rectangle, or the box below its title.
  const titleHeight = (box: LayoutBox, area: Area) =>
    isGoodsColumn(type, box)
      ? mm(layout.goods.headerHeight)
      : sheet.heightOf([`${box.number}. ${box.title}`], area.width - 2 * PAD, TITLE_SIZE, TITLE_FONT) + PAD;
  const dataArea = (box: LayoutBox): Area => {
    if (box.dataRect) return toPoints(box.dataRect);
    const area = toPoints(box.rect);
    const top = titleHeight(box, area);
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
  pages.forEach((page, pageIndex) => {
    doc.addPage({ size: 'A4', margin: 0 });
    doc.save();
    if (offset.dx || offset.dy) doc.translate(mm(offset.dx), mm(offset.dy));
    if (self) drawForm(sheet, certificate, titleHeight);

    // The number and the page, on every page.
    const number = toPoints(layout.number.rect);
    doc.fillColor('black');
    doc
      .font(TITLE_FONT)
      .fontSize(10)
      .text(certificate.number, number.x + PAD, number.y + mm(3.5), {
        width: number.width - 2 * PAD,
        lineBreak: false,
      });
    const pageNumber = toPoints(layout.pageNumber.rect);
    doc
      .font(DATA_FONT)
      .fontSize(7)
      .text(`Page ${pageIndex + 1} of ${pages.length}`, pageNumber.x, pageNumber.y + PAD, {
        width: pageNumber.width,
        align: 'right',
        lineBreak: false,
      });

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
      const qr = toPoints(layout.qrCode.rect);
      drawQrCode(doc, certificate.verificationUrl, { x: qr.x, y: qr.y, size: Math.min(qr.width, qr.height) });
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

/** Self-print: the form itself (box rules, titles, form wording, heading, number label). */
function drawForm(
  sheet: Sheet,
  certificate: CertificateDocument,
  titleHeight: (box: LayoutBox, area: Area) => number,
): void {
  const { doc } = sheet;
  const { layout } = certificate;
  doc.lineWidth(0.6).strokeColor('black');
  for (const box of layout.boxes) {
    const area = toPoints(box.rect);
    doc.rect(area.x, area.y, area.width, area.height);
  }
  // The heading's frame: the number, the form's title and the QR code, with 2 mm around them.
  const title = toPoints(layout.title.rect);
  const number = toPoints(layout.number.rect);
  const qr = toPoints(layout.qrCode.rect);
  const headingBottom = Math.max(title.y + title.height, qr.y + qr.height) + mm(2);
  doc.rect(number.x - mm(2), number.y - mm(2), number.width + mm(4), headingBottom - number.y + mm(2));
  doc.stroke();
  // The rule under the goods table's column titles, across the goods columns only.
  const header = mm(layout.goods.rect.y + layout.goods.headerHeight);
  for (const box of layout.boxes.filter((entry) => isGoodsColumn(certificate.type, entry))) {
    const area = toPoints(box.rect);
    doc.moveTo(area.x, header).lineTo(area.x + area.width, header);
  }
  doc.lineWidth(0.4).stroke();

  doc.fillColor('black');
  for (const box of layout.boxes) {
    const area = toPoints(box.rect);
    const label = `${box.number}. ${box.title}`;
    // Goods column titles must stay above the rule under them: they are set smaller when long.
    const titleSize = isGoodsColumn(certificate.type, box)
      ? (GOODS_TITLE_SIZES.find(
          (size) =>
            sheet.heightOf([label], area.width - 2 * PAD, size, TITLE_FONT) <=
            mm(layout.goods.headerHeight) - 1.5 * PAD,
        ) ?? GOODS_TITLE_SIZES.at(-1)!)
      : TITLE_SIZE;
    doc
      .font(TITLE_FONT)
      .fontSize(titleSize)
      .text(label, area.x + PAD, area.y + PAD, { width: area.width - 2 * PAD });
    if (box.formText) {
      const top = area.y + titleHeight(box, area) + PAD;
      const bottom = box.dataRect ? mm(box.dataRect.y) : area.y + area.height;
      const wording = { width: area.width - 2 * PAD, height: bottom - top - PAD };
      const size = [6.5, 6, 5.5, 5].find(
        (candidate) => sheet.heightOf([box.formText!], wording.width, candidate) <= wording.height,
      );
      if (size === undefined) throw new CertificateTextOverflowError(box.number);
      doc
        .font(DATA_FONT)
        .fontSize(size)
        .text(box.formText, area.x + PAD, top, { width: wording.width });
    }
  }
  doc
    .font(DATA_FONT)
    .fontSize(6)
    .text(layout.number.label, number.x + PAD, number.y + PAD / 2, { lineBreak: false });
  let y = title.y;
  layout.title.lines.forEach((line, index) => {
    const size = index === 0 ? 9 : 7;
    doc
      .font(index === 0 ? TITLE_FONT : DATA_FONT)
      .fontSize(size)
      .text(line, title.x, y, { width: title.width, align: 'center' });
    y += doc.heightOfString(line, { width: title.width });
  });
}
