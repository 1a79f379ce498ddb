import { z } from 'zod';

/**
 * What an applicant writes on a certificate application. The shape is checked at every entrance (portal,
 * API, message import) by `applicationDataSchema`; what the boxes must say is checked by the field rules
 * (certificate-rules.ts), which report findings instead of refusing, so a draft can be incomplete.
 */

const text = (max: number) => z.string().max(max).default('');
/** A calendar day, YYYY-MM-DD, or empty while drafting (the date rules check the value). */
const day = z.string().max(10).default('');
const countryCode = z.string().max(2).default('');

const party = z
  .object({ name: text(400), address: text(600), country: countryCode })
  .strict()
  .default({ name: '', address: '', country: '' });

/** Ways goods leave; the certificate's route reads "BY VESSEL", "BY AIR", ... */
export const TRANSPORT_MODES = ['SEA', 'AIR', 'RAIL', 'ROAD', 'MULTIMODAL'] as const;
export type TransportMode = (typeof TRANSPORT_MODES)[number];

export const goodsItemSchema = z
  .object({
    marks: text(800),
    /** Number of packages; null while drafting or for goods shipped IN BULK / IN NUDE. */
    packageCount: z.number().int().nonnegative().max(999_999_999).nullable().default(null),
    /** Kind of package in English capitals: CARTONS, PALLETS, BAGS, IN BULK, IN NUDE. */
    packageKind: text(60),
    description: text(2000),
    /** The HS code as declared for export, digits only (6 to 10). */
    hsCode: text(12),
    /** Origin criterion as written in the box ("WO", "CTC", "RVC", "CTC ACU"); empty where the form has none. */
    originCriterion: text(20),
    /** Country of origin (RCEP box 11). */
    originCountry: countryCode,
    quantity: z.number().positive().max(1e12).nullable().default(null),
    /** Unit of the quantity: KGS, G.W. KGS, N.W. KGS, PCS, SETS, ... */
    quantityUnit: text(20),
    /** FOB value in US dollars, when the type or the criterion asks for it. */
    fobValue: z.number().nonnegative().max(1e13).nullable().default(null),
    /** A product pre-review this item rests on (its HS code and criterion), checked at submission. */
    preReviewId: text(40),
  })
  .strict();

export type GoodsItem = z.infer<typeof goodsItemSchema>;

export const applicationDataSchema = z
  .object({
    /** Country (or region) of final destination, ISO 3166-1 alpha-2. */
    destinationCountry: countryCode,
    exporter: party,
    consignee: party,
    producer: party,
    transport: z
      .object({
        departureDate: day,
        mode: z.enum([...TRANSPORT_MODES, '']).default(''),
        vesselOrFlight: text(120),
        portOfLoading: text(120),
        portOfDischarge: text(120),
        via: text(120),
      })
      .strict()
      .default({
        departureDate: '',
        mode: '',
        vesselOrFlight: '',
        portOfLoading: '',
        portOfDischarge: '',
        via: '',
      }),
    items: z.array(goodsItemSchema).max(200).default([]),
    invoices: z
      .array(z.object({ number: text(80), date: day }).strict())
      .max(50)
      .default([]),
    /** Invoiced by a company in a third country (a tick on preferential forms); null when not. */
    thirdPartyInvoicing: z
      .object({ name: text(400), address: text(600), country: countryCode })
      .strict()
      .nullable()
      .default(null),
    /** A back-to-back (movement) certificate: the original proof it rests on; null when not. */
    backToBack: z
      .object({ originalNumber: text(60), originalDate: day, originalCountry: countryCode })
      .strict()
      .nullable()
      .default(null),
    /** Goods sent to an exhibition; null when not. */
    exhibition: z
      .object({ name: text(200), place: text(200) })
      .strict()
      .nullable()
      .default(null),
    remarks: text(2000),
    declaration: z
      .object({ place: text(120), date: day })
      .strict()
      .default({ place: '', date: '' }),
    /** The applicant commitment: the declaration is true and the applicant bears the consequences. */
    commitment: z.boolean().default(false),
  })
  .strict();

export type ApplicationData = z.infer<typeof applicationDataSchema>;
export type ApplicationDataInput = z.input<typeof applicationDataSchema>;

const ONES = [
  '',
  'ONE',
  'TWO',
  'THREE',
  'FOUR',
  'FIVE',
  'SIX',
  'SEVEN',
  'EIGHT',
  'NINE',
  'TEN',
  'ELEVEN',
  'TWELVE',
  'THIRTEEN',
  'FOURTEEN',
  'FIFTEEN',
  'SIXTEEN',
  'SEVENTEEN',
  'EIGHTEEN',
  'NINETEEN',
];
const TENS = ['', '', 'TWENTY', 'THIRTY', 'FORTY', 'FIFTY', 'SIXTY', 'SEVENTY', 'EIGHTY', 'NINETY'];
const SCALES: Array<[number, string]> = [
  [1e9, 'BILLION'],
  [1e6, 'MILLION'],
  [1e3, 'THOUSAND'],
];

function belowThousand(value: number): string {
  const hundreds = Math.floor(value / 100);
  const rest = value % 100;
  const words: string[] = [];
  if (hundreds) words.push(`${ONES[hundreds]} HUNDRED`);
  if (rest >= 20)
    words.push(rest % 10 ? `${TENS[Math.floor(rest / 10)]}-${ONES[rest % 10]}` : TENS[rest / 10]!);
  else if (rest) words.push(ONES[rest]!);
  return words.join(' ');
}

/** A whole number in English capitals, as certificates write quantities: 2000 → "TWO THOUSAND". */
export function numberInWords(value: number): string {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`not a whole number: ${value}`);
  if (value === 0) return 'ZERO';
  const words: string[] = [];
  let rest = value;
  for (const [size, name] of SCALES) {
    if (rest >= size) {
      words.push(`${numberInWords(Math.floor(rest / size))} ${name}`);
      rest %= size;
    }
  }
  if (rest) words.push(belowThousand(rest));
  return words.join(' ');
}

/** Package kinds that ship without a count. */
export const UNCOUNTED_PACKAGE_KINDS = ['IN BULK', 'IN NUDE'];

/**
 * Box 7's packages statement, in words and digits: "TWO THOUSAND (2000) CARTONS"; goods without packages
 * read "IN BULK" or "IN NUDE". Empty while the count or kind is missing.
 */
export function packagesStatement(item: Pick<GoodsItem, 'packageCount' | 'packageKind'>): string {
  const kind = item.packageKind.trim();
  if (UNCOUNTED_PACKAGE_KINDS.includes(kind)) return kind;
  if (item.packageCount === null || item.packageCount === 0 || kind === '') return '';
  return `${numberInWords(item.packageCount)} (${item.packageCount}) ${kind}`;
}

const ROUTE_MODE: Record<TransportMode, string> = {
  SEA: 'BY VESSEL',
  AIR: 'BY AIR',
  RAIL: 'BY RAIL',
  ROAD: 'BY TRUCK',
  MULTIMODAL: 'BY MULTIMODAL TRANSPORT',
};

/** Box 3's route: "FROM SHANGHAI TO ROTTERDAM BY VESSEL VIA HONG KONG". */
export function routeStatement(transport: ApplicationData['transport']): string {
  const parts: string[] = [];
  if (transport.portOfLoading) parts.push(`FROM ${transport.portOfLoading}`);
  if (transport.portOfDischarge) parts.push(`TO ${transport.portOfDischarge}`);
  if (transport.mode) parts.push(ROUTE_MODE[transport.mode]);
  if (transport.via) parts.push(`VIA ${transport.via}`);
  return parts.join(' ');
}
