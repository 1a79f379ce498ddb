import { z } from 'zod';

/**
 * A certificate type is data (data/certificate-types/*.json), not code: its boxes, countries, origin
 * criteria, windows and rules are read from a file a customs administrator can correct, checked against
 * this schema when the server starts. The field rules (certificate-rules.ts) read only what is here.
 */

/** Every field an application can hold, by path. `items[]` and `invoices[]` paths apply to each entry. */
export const APPLICATION_FIELDS = [
  'destinationCountry',
  'exporter.name',
  'exporter.address',
  'exporter.country',
  'consignee.name',
  'consignee.address',
  'consignee.country',
  'producer.name',
  'producer.address',
  'producer.country',
  'transport.departureDate',
  'transport.mode',
  'transport.vesselOrFlight',
  'transport.portOfLoading',
  'transport.portOfDischarge',
  'transport.via',
  'items[].marks',
  'items[].packageCount',
  'items[].packageKind',
  'items[].description',
  'items[].hsCode',
  'items[].originCriterion',
  'items[].originCountry',
  'items[].quantity',
  'items[].quantityUnit',
  'items[].fobValue',
  'invoices[].number',
  'invoices[].date',
  'thirdPartyInvoicing.name',
  'thirdPartyInvoicing.address',
  'thirdPartyInvoicing.country',
  'backToBack.originalNumber',
  'backToBack.originalDate',
  'backToBack.originalCountry',
  'exhibition.name',
  'exhibition.place',
  'remarks',
  'declaration.place',
  'declaration.date',
  'commitment',
] as const;

export type ApplicationField = (typeof APPLICATION_FIELDS)[number];

/** Supporting documents an applicant can attach (the upload's `kind`). */
export const SUPPORTING_DOCUMENT_KINDS = [
  'invoice',
  'packing_list',
  'cost_sheet',
  'bill_of_lading',
  'contract',
  'other',
] as const;

export type SupportingDocumentKind = (typeof SUPPORTING_DOCUMENT_KINDS)[number];

const localised = z.object({ en: z.string().min(1), zh: z.string().min(1) }).strict();
const country = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code in capitals, such as "KR"');

const boxField = z
  .object({
    path: z.enum(APPLICATION_FIELDS),
    /** Refused when empty (at submit; a draft may be incomplete). */
    required: z.boolean(),
    /** Characters, for text fields. */
    maxLength: z.number().int().positive().optional(),
  })
  .strict();

const box = z
  .object({
    /** As printed on the form: "1" to "17". */
    number: z.string().regex(/^\d{1,2}$/),
    label: localised,
    /** What the applicant fills in this box; empty for boxes the authority fills (official use). */
    fields: z.array(boxField),
    /** The authority writes here (certification, endorsements such as ISSUED RETROACTIVELY). */
    official: z.boolean().default(false),
  })
  .strict();

const originCriterion = z
  .object({
    /** As written in the box: "WO", "PE", "CTH", "RVC", "PSR"; some agreements use one letter ("P", APTA "A" to "E"). */
    code: z.string().regex(/^[A-Z]{1,4}$/),
    label: localised,
    /** A value-content criterion: the FOB value must be stated (when `fobValue` is "when_rvc"). */
    valueContent: z.boolean().default(false),
    /** Only together with another criterion (RCEP ACU and DMI). */
    supplementary: z.boolean().default(false),
  })
  .strict();

const unverified = z
  .object({
    /** What the note is about: a key of this file ("retroactive", "importingCountries", ...). */
    about: z.string().min(1),
    note: z.string().min(1),
  })
  .strict();

export const certificateTypeSchema = z
  .object({
    code: z.string().regex(/^[A-Z]{1,3}$/),
    names: localised,
    /** The agreement granting preference; null for the non-preferential certificate. */
    agreement: z
      .object({ code: z.string().min(1), names: localised })
      .strict()
      .nullable(),
    /** Countries the goods may be consigned to; "*" for any country but China. */
    importingCountries: z.union([z.literal('*'), z.array(country).min(1)]),
    boxes: z.array(box).min(1),
    items: z
      .object({
        /** Most goods items on one certificate (continuation pages included). */
        max: z.number().int().positive(),
        /** The HS code has exactly this many digits (6 for most agreements); null: 6 to 10, as declared. */
        hsDigits: z.union([z.literal(6), z.null()]),
      })
      .strict(),
    /** Origin criteria the box accepts; empty when the form has no criterion box. */
    originCriteria: z.array(originCriterion),
    /** When the FOB value is stated per item. */
    fobValue: z.enum(['never', 'when_value_content', 'always']),
    /** Consignee names allowed when the final consignee is not known ("TO WHOM IT MAY CONCERN"). */
    consigneePlaceholders: z.array(z.string().min(1)),
    /** Producer names allowed instead of the producer's own (RCEP: "CONFIDENTIAL", "NOT AVAILABLE"). */
    producerPlaceholders: z.array(z.string().min(1)),
    /** Ticks the form offers. */
    options: z
      .object({
        thirdPartyInvoicing: z.boolean(),
        backToBack: z.boolean(),
        exhibition: z.boolean(),
      })
      .strict(),
    /** Every application of this type is a back-to-back certificate (RCEP BR). */
    backToBackOnly: z.boolean().default(false),
    /** Countries a back-to-back certificate's original proof may come from; "*" for any. */
    backToBackOriginCountries: z.union([z.literal('*'), z.array(country)]).default('*'),
    retroactive: z
      .object({
        allowed: z.boolean(),
        /** Days after shipment within which a certificate may still be issued (retroactively). */
        windowDays: z.number().int().nonnegative(),
        /** Days after shipment within which a certificate is not yet retroactive. */
        graceDays: z.number().int().nonnegative(),
        /** The endorsement printed on a retroactive certificate. */
        marking: z.string().min(1),
        /** The box the endorsement goes in. */
        box: z.string().regex(/^\d{1,2}$/),
      })
      .strict(),
    /** Days the certificate stays valid after issue; null when the agreement sets no limit. */
    validityDays: z.number().int().positive().nullable(),
    /**
     * Days the issuing authority has to answer a foreign authority's verification request about a
     * certificate of this type (RCEP Art. 3.24: 30 to 90), and the period when the request states none.
     */
    verificationReplyDays: z
      .object({
        min: z.number().int().positive(),
        max: z.number().int().positive(),
        default: z.number().int().positive(),
      })
      .strict()
      .refine((days) => days.min <= days.default && days.default <= days.max, {
        message: 'min <= default <= max',
      }),
    selfPrint: z
      .object({
        /** Whether importing countries accept a self-printed certificate, unless listed below. */
        accepted: z.boolean(),
        /** Exceptions by importing country. */
        byDestination: z.record(country, z.boolean()).default({}),
      })
      .strict(),
    supportingDocuments: z
      .object({
        required: z.array(z.enum(SUPPORTING_DOCUMENT_KINDS)),
        maxCount: z.number().int().positive(),
      })
      .strict(),
    /** Facts taken from secondary sources, so an administrator knows what to check and correct. */
    unverified: z.array(unverified),
    /** Where the facts come from. */
    sources: z.array(z.string().min(1)),
  })
  .strict();

export type CertificateType = z.infer<typeof certificateTypeSchema>;

/** Problems a type file has beyond its shape (boxes that repeat, fields placed twice, a marking box that is not there). */
export function checkCertificateTypeConsistency(type: CertificateType): string[] {
  const problems: string[] = [];
  const numbers = type.boxes.map((entry) => entry.number);
  const repeated = numbers.filter((number, index) => numbers.indexOf(number) !== index);
  if (repeated.length) problems.push(`box ${repeated.join(', ')} appears more than once`);
  const paths = type.boxes.flatMap((entry) => entry.fields.map((field) => field.path));
  const placedTwice = paths.filter((path, index) => paths.indexOf(path) !== index);
  if (placedTwice.length)
    problems.push(`field ${[...new Set(placedTwice)].join(', ')} is in more than one box`);
  if (!numbers.includes(type.retroactive.box))
    problems.push(`retroactive.box ${type.retroactive.box} is not one of the boxes`);
  for (const required of [
    'exporter.name',
    'consignee.name',
    'items[].description',
    'items[].hsCode',
  ] as const) {
    if (!paths.includes(required)) problems.push(`no box holds ${required}`);
  }
  if (type.originCriteria.length > 0 && !paths.includes('items[].originCriterion'))
    problems.push('origin criteria are listed but no box holds items[].originCriterion');
  if (type.fobValue !== 'never' && !paths.includes('items[].fobValue'))
    problems.push(`fobValue is "${type.fobValue}" but no box holds items[].fobValue`);
  if (type.backToBackOnly && !type.options.backToBack)
    problems.push('backToBackOnly needs options.backToBack');
  if (Array.isArray(type.importingCountries) && type.importingCountries.includes('CN'))
    problems.push('China cannot be an importing country of an export certificate');
  return problems;
}

/** A field's place on the form: its box and rules, or undefined when the type has no box for it. */
export function boxOf(
  type: CertificateType,
  path: ApplicationField,
):
  | { box: CertificateType['boxes'][number]; field: CertificateType['boxes'][number]['fields'][number] }
  | undefined {
  for (const entry of type.boxes) {
    const field = entry.fields.find((candidate) => candidate.path === path);
    if (field) return { box: entry, field };
  }
  return undefined;
}

/** Whether the type's certificate may be sent to this country. */
export function acceptsDestination(type: CertificateType, destination: string): boolean {
  if (destination === 'CN') return false;
  return type.importingCountries === '*' || type.importingCountries.includes(destination);
}

/** Whether a self-printed certificate of this type is accepted in this importing country. */
export function selfPrintAccepted(type: CertificateType, destination: string): boolean {
  return type.selfPrint.byDestination[destination] ?? type.selfPrint.accepted;
}
