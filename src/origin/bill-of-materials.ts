import { z } from 'zod';
import { isCountryCode } from '../domain/countries.js';
import { hasAtMostDecimals } from './money.js';

/**
 * A bill of materials as the producer declares it for an origin determination (advance origin
 * verification, DOMAIN.md 7): the product, its materials and parts with their origin and value, the
 * processing steps, and sub-assemblies made in-house, each of which is itself an assembly whose own
 * result decides whether it counts as originating. Every amount is in one currency (`currency`) and per
 * unit of the product; the engine turns amounts into integer cents once and computes exactly from there.
 */

/** What a line of the bill is, which decides how the origin rules count it (RCEP Art. 3.8 to 3.10). */
export const MATERIAL_ROLES = [
  /** A material or part that goes into the product: counted for tariff change and for value. */
  'material',
  /** Packing and containers for transport: ignored altogether. */
  'transport_packing',
  /** Packing for retail sale, classified with the product: ignored for tariff change, counted for value. */
  'retail_packing',
  /** Accessories, spare parts, tools and instructions delivered with the product: as retail packing. */
  'accessory',
  /** Indirect materials (fuel, tools, safety equipment...): treated as originating where the agreement says so. */
  'indirect',
] as const;
export type MaterialRole = (typeof MATERIAL_ROLES)[number];

/** Cost items an agreement may deduct from the value of non-originating materials, with evidence only. */
export const DEDUCTION_KINDS = [
  /** Freight, insurance and handling to bring the material to the producer. */
  'inbound_transport',
  /** Duties and taxes paid on the material and not refunded. */
  'duties_not_refunded',
  /** Cost of waste and spoilage, less the value of reusable scrap. */
  'waste_net_of_scrap',
] as const;
export type DeductionKind = (typeof DEDUCTION_KINDS)[number];

/** Where the origin of a material is not known ("undetermined" counts as non-originating). */
export const UNDETERMINED = 'undetermined';

const money = (what: string) =>
  z
    .number()
    .nonnegative()
    .max(1e9)
    .refine((amount) => hasAtMostDecimals(amount, 2), `${what} has at most two decimals`);
const positiveMoney = (what: string) => money(what).refine((amount) => amount > 0, `${what} is more than 0`);
const kilograms = z
  .number()
  .nonnegative()
  .max(1e6)
  .refine((weight) => hasAtMostDecimals(weight, 3), 'a weight in kilograms has at most three decimals');

/** HS code digits; dots and spaces as people write them ("8509.40.00") are dropped first. */
const hsDigits = (pattern: RegExp, description: string) =>
  z
    .string()
    .transform((written) => written.replace(/[\s.]/g, ''))
    .pipe(z.string().regex(pattern, description));

const country = z
  .string()
  .refine(isCountryCode, 'an ISO 3166-1 alpha-2 country code in capitals, such as "VN"');

const name = z.string().trim().min(1).max(200);

const deductionSchema = z
  .object({
    kind: z.enum(DEDUCTION_KINDS),
    amount: money('a deduction'),
    /** The document that proves the cost (freight invoice, customs receipt...); empty means no evidence. */
    evidence: z.string().max(500).default(''),
  })
  .strict();

const processStepSchema = z
  .object({
    description: z.string().trim().min(1).max(500),
    /**
     * The minimal operation this step is (a code such as "packing", "marking", "simple_cutting"), or null
     * for a step that is not one. The agreement profile lists the codes it treats as minimal.
     */
    minimalOperation: z
      .string()
      .regex(/^[a-z][a-z_]{1,40}$/)
      .nullable()
      .default(null),
  })
  .strict();

const valueAddedSchema = z
  .object({
    directLabour: money('direct labour cost'),
    directOverhead: money('direct overhead'),
    profit: money('profit'),
    otherCosts: money('other costs'),
  })
  .strict();

const whollyObtainedSchema = z
  .object({
    /** The category of wholly obtained goods claimed ("plants harvested in China", "minerals extracted"). */
    category: z.string().trim().min(1).max(200),
  })
  .strict();

const proofOfOriginSchema = z
  .object({
    /** The Party the material originates in according to the proof. */
    party: country,
    /** Agreements the proof is issued under; empty when not stated (then any agreement with that Party). */
    agreements: z.array(z.string().min(1).max(40)).max(20).default([]),
    /** The certificate or declaration number. */
    document: z.string().max(200).default(''),
  })
  .strict();

/** The part of a bill shared by the product and its sub-assemblies: what it is made of and how. */
export interface Assembly {
  materials: Material[];
  processes: ProcessStep[];
  /** Cost items for a build-up value content; null when not declared. */
  valueAdded: ValueAdded | null;
  /** Set when the good is claimed as wholly obtained, with the category claimed. */
  whollyObtained: WhollyObtained | null;
}

/** One processing step, flagged when it is a minimal operation. */
export type ProcessStep = z.output<typeof processStepSchema>;
/** Cost items of a build-up value content, per unit of product. */
export type ValueAdded = z.output<typeof valueAddedSchema>;
/** The claim that the good is wholly obtained, with its category. */
export type WhollyObtained = z.output<typeof whollyObtainedSchema>;
/** An amount that may come off a material's value, with its evidence. */
export type Deduction = z.output<typeof deductionSchema>;
/** Proof that a material originates in a Party (certificate or declaration). */
export type ProofOfOrigin = z.output<typeof proofOfOriginSchema>;

/** One line of the bill: a material, part, packing, accessory or indirect material. */
export interface Material {
  name: string;
  /** 2 to 10 digits (6 or more for a sub-assembly, whose own rule is looked up by it). */
  hsCode: string;
  /** Where the material comes from, or "undetermined" (counted as non-originating). */
  originCountry: string;
  /** Proof that the material is originating in a Party (for cumulation); null when there is none. */
  proofOfOrigin: ProofOfOrigin | null;
  /** Value per unit of product (VNM at CIF for imported materials); same currency as the product. */
  value: number;
  /** Net weight per unit of product in kilograms; needed for weight tests only. */
  weightKg: number | null;
  /** Usage per unit of product, in `unit`. */
  quantity: number | null;
  unit: string;
  role: MaterialRole;
  /** Amounts that may come off this material's value when the agreement allows it and evidence exists. */
  deductions: Deduction[];
  /** When the producer makes this part itself: what it is made of; its own result decides its origin. */
  subAssembly: Assembly | null;
}

/** The goods whose origin is determined. */
export interface Product {
  /** The 10-digit Chinese customs code. */
  hsCode: string;
  names: { zh: string; en: string };
  model: string;
  unit: string;
  /** Ex-factory (ex-works) price per unit. */
  exWorksPrice: number;
  /** FOB price per unit. */
  fobPrice: number;
  /** Net weight per unit in kilograms. */
  netWeightKg: number;
}

/** A whole bill of materials: the product and its assembly. */
export interface BillOfMaterials extends Assembly {
  product: Product;
  /** ISO 4217 code of every amount in the bill. */
  currency: string;
}

/** The deepest sub-assembly nesting accepted (the product is level 0). */
export const MAX_ASSEMBLY_DEPTH = 5;

const materialSchema: z.ZodType<Material, unknown> = z.lazy(() =>
  z
    .object({
      name,
      hsCode: hsDigits(/^\d{2,10}$/, 'an HS code of 2 to 10 digits'),
      originCountry: z.union([z.literal(UNDETERMINED), country]),
      proofOfOrigin: proofOfOriginSchema.nullable().default(null),
      value: money('a value'),
      weightKg: kilograms.nullable().default(null),
      quantity: z.number().nonnegative().max(1e9).nullable().default(null),
      unit: z.string().max(20).default(''),
      role: z.enum(MATERIAL_ROLES).default('material'),
      deductions: z.array(deductionSchema).max(10).default([]),
      subAssembly: assemblySchema.nullable().default(null),
    })
    .strict()
    .superRefine((material, context) => {
      if (material.subAssembly && material.hsCode.length < 6)
        context.addIssue({
          code: 'custom',
          path: ['hsCode'],
          message: 'a sub-assembly needs at least a 6-digit HS code (its own rule is looked up by it)',
        });
    }),
);

const assemblyShape = {
  materials: z.array(materialSchema).max(1000),
  processes: z.array(processStepSchema).max(200).default([]),
  valueAdded: valueAddedSchema.nullable().default(null),
  whollyObtained: whollyObtainedSchema.nullable().default(null),
};

const assemblySchema: z.ZodType<Assembly, unknown> = z.lazy(() => z.object(assemblyShape).strict());

/** Levels of sub-assemblies below an assembly (0 when none of its materials is one). */
function depthOf(assembly: Assembly): number {
  let deepest = 0;
  for (const material of assembly.materials)
    if (material.subAssembly) deepest = Math.max(deepest, 1 + depthOf(material.subAssembly));
  return deepest;
}

/** The schema every bill is checked against at the boundary (HTTP body, CLI file, import). */
export const billOfMaterialsSchema = z
  .object({
    product: z
      .object({
        hsCode: hsDigits(/^\d{10}$/, 'the 10-digit customs code of the product'),
        names: z.object({ zh: name, en: name }).strict(),
        model: z.string().max(200).default(''),
        unit: z.string().trim().min(1).max(20),
        exWorksPrice: positiveMoney('the ex-works price'),
        fobPrice: positiveMoney('the FOB price'),
        netWeightKg: kilograms.refine((weight) => weight > 0, 'the net weight is more than 0'),
      })
      .strict(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code such as "USD"')
      .default('USD'),
    ...assemblyShape,
  })
  .strict()
  .superRefine((bill, context) => {
    if (depthOf(bill) > MAX_ASSEMBLY_DEPTH)
      context.addIssue({
        code: 'custom',
        path: ['materials'],
        message: `sub-assemblies nest at most ${MAX_ASSEMBLY_DEPTH} levels deep`,
      });
  });

/** A bill as written before defaults are applied (what an API body or file holds). */
export type BillOfMaterialsInput = z.input<typeof billOfMaterialsSchema>;

/** One problem in a bill: the dotted path of the field and what is wrong. */
export interface BillProblem {
  path: string;
  message: string;
}

/** Checks a bill at the boundary; problems name the field (`materials.3.value`). */
export function parseBillOfMaterials(
  input: unknown,
): { ok: true; bill: BillOfMaterials } | { ok: false; problems: BillProblem[] } {
  const parsed = billOfMaterialsSchema.safeParse(input);
  if (parsed.success) return { ok: true, bill: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      message: issue.message,
    })),
  };
}
