import { z } from 'zod';
import type { CertificateType } from './certificate-types.js';

/**
 * Where a certificate type's boxes sit on the printed A4 form (data/certificate-layouts/*.json), in
 * millimetres from the top left corner of the sheet. One layout serves both ways of printing: self-print
 * draws the whole form (rules, box titles, form wording, seals, QR code) and the data; template print draws
 * only the data, at the same places, onto the official pre-printed form.
 */

/** The A4 sheet in millimetres. */
export const A4_MM = { width: 210, height: 297 } as const;

const millimetres = z.number().min(0).max(A4_MM.height);

export const rectangleSchema = z
  .object({ x: millimetres, y: millimetres, width: z.number().positive(), height: z.number().positive() })
  .strict()
  .refine((rect) => rect.x + rect.width <= A4_MM.width && rect.y + rect.height <= A4_MM.height, {
    message: 'the rectangle leaves the A4 sheet (210 x 297 mm)',
  });

export type Rectangle = z.infer<typeof rectangleSchema>;

/**
 * What fills a box besides the endorsements the type sends to it:
 * - `fields`: the application fields the type file lists for the box (goods item fields once per item);
 * - `itemNumber`: the goods items' running numbers (1, 2, 3 ...);
 * - `declaration`: the fields, and the enterprise's authorised seal and signatory's signature;
 * - `certification`: the issuing office, the issue date, the office's seal and the officer's signature;
 * - `ticks`: the form's tick boxes (back-to-back, third-party invoicing, exhibition) as the data says;
 * - `none`: nothing from Origo (the importing party's official use), endorsements only.
 */
export const BOX_FILLS = ['fields', 'itemNumber', 'declaration', 'certification', 'ticks', 'none'] as const;
export type BoxFill = (typeof BOX_FILLS)[number];

const layoutBox = z
  .object({
    /** As printed on the form, and as the type file numbers it. */
    number: z.string().regex(/^\d{1,2}$/),
    /** The box's title in English as the official form prints it (self-print draws it). */
    title: z.string().min(1),
    rect: rectangleSchema,
    fill: z.enum(BOX_FILLS).default('fields'),
    /** Pre-printed wording below the title (the declaration's and certification's text), self-print only. */
    formText: z.string().min(1).optional(),
    /** Where the data goes when it is not the box below its title (boxes with form wording). */
    dataRect: rectangleSchema.optional(),
  })
  .strict();

export type LayoutBox = z.infer<typeof layoutBox>;

const unverified = z.object({ about: z.string().min(1), note: z.string().min(1) }).strict();

export const certificateLayoutSchema = z
  .object({
    /** The certificate type's code; must match the file name and a type file. */
    code: z.string().regex(/^[A-Z]{1,3}$/),
    page: z.literal('A4'),
    /** The form's heading (self-print only), one entry per line. */
    title: z.object({ rect: rectangleSchema, lines: z.array(z.string().min(1)).min(1) }).strict(),
    /** Where the certificate number goes, on every page. */
    number: z.object({ rect: rectangleSchema, label: z.string().min(1) }).strict(),
    /** Where "Page x of y" goes, on every page. */
    pageNumber: z.object({ rect: rectangleSchema }).strict(),
    /** The QR code to the verification page (self-print only). */
    qrCode: z.object({ rect: rectangleSchema }).strict(),
    /**
     * The goods table: the boxes repeated per item are columns inside `rect`; their titles take the
     * first `headerHeight` millimetres, items follow. Items that do not fit go to continuation pages.
     */
    goods: z.object({ rect: rectangleSchema, headerHeight: z.number().positive() }).strict(),
    boxes: z.array(layoutBox).min(1),
    /** Where the seal and signature images go (self-print only), each fitted into its rectangle. */
    images: z
      .object({
        officeSeal: rectangleSchema,
        officerSignature: rectangleSchema,
        enterpriseSeal: rectangleSchema,
        signatorySignature: rectangleSchema,
      })
      .strict(),
    unverified: z.array(unverified),
    sources: z.array(z.string().min(1)),
  })
  .strict();

export type CertificateLayout = z.infer<typeof certificateLayoutSchema>;

const inside = (inner: Rectangle, outer: Rectangle): boolean =>
  inner.x >= outer.x - 0.01 &&
  inner.y >= outer.y - 0.01 &&
  inner.x + inner.width <= outer.x + outer.width + 0.01 &&
  inner.y + inner.height <= outer.y + outer.height + 0.01;

const overlap = (a: Rectangle, b: Rectangle): boolean =>
  a.x + 0.01 < b.x + b.width &&
  b.x + 0.01 < a.x + a.width &&
  a.y + 0.01 < b.y + b.height &&
  b.y + 0.01 < a.y + a.height;

/** Whether a box is a column of the goods table: it holds goods item fields or the item numbers. */
export function isGoodsColumn(type: CertificateType, box: LayoutBox): boolean {
  if (box.fill === 'itemNumber') return true;
  const fields = type.boxes.find((entry) => entry.number === box.number)?.fields ?? [];
  return fields.some((field) => field.path.startsWith('items[].'));
}

/**
 * Problems a layout has against its certificate type: a box of the type without a place, a place for a
 * box the type does not have, boxes drawn over each other, a goods column outside the goods table.
 */
export function checkLayoutAgainstType(layout: CertificateLayout, type: CertificateType): string[] {
  const problems: string[] = [];
  if (layout.code !== type.code) problems.push(`code ${layout.code} is not the type's code ${type.code}`);
  const numbers = layout.boxes.map((box) => box.number);
  const repeated = numbers.filter((number, index) => numbers.indexOf(number) !== index);
  if (repeated.length) problems.push(`box ${repeated.join(', ')} is placed more than once`);
  for (const box of type.boxes)
    if (!numbers.includes(box.number)) problems.push(`box ${box.number} of the type has no place`);
  for (const box of layout.boxes) {
    const typeBox = type.boxes.find((entry) => entry.number === box.number);
    if (!typeBox) {
      problems.push(`box ${box.number} is not a box of type ${type.code}`);
      continue;
    }
    if (box.fill === 'fields' && typeBox.fields.length === 0 && typeBox.number !== type.retroactive.box)
      problems.push(`box ${box.number} is filled with fields but the type lists none for it`);
    if (box.dataRect && !inside(box.dataRect, box.rect))
      problems.push(`box ${box.number}: dataRect is not inside rect`);
    if (isGoodsColumn(type, box) && !inside(box.rect, layout.goods.rect))
      problems.push(`box ${box.number} holds goods items but is not inside the goods table`);
  }
  layout.boxes.forEach((box, index) => {
    for (const other of layout.boxes.slice(index + 1))
      if (overlap(box.rect, other.rect)) problems.push(`boxes ${box.number} and ${other.number} overlap`);
  });
  for (const [name, rect] of Object.entries(layout.images))
    if (!layout.boxes.some((box) => inside(rect, box.rect)))
      problems.push(`images.${name} is not inside a box`);
  return problems;
}
