import { z } from 'zod';
import { isCountryCode } from '../domain/countries.js';
import { DEDUCTION_KINDS, MATERIAL_ROLES } from './bill-of-materials.js';
import type { LeafKind, Rule } from './rule-language.js';
import { LEAF_KINDS, parseRule } from './rule-language.js';

/**
 * An agreement's rules of origin as data (data/origin/agreements/*.json): who the Parties are, whether
 * their originating materials cumulate, de minimis, minimal operations, how packing, accessories and
 * indirect materials count, the general rule used where no product-specific row exists, and which
 * certificate origin-criterion code each way of passing produces. An administrator corrects a fact by
 * editing the file; facts from secondary sources are listed under `unverified`.
 */

const localised = z.object({ en: z.string().min(1), zh: z.string().min(1) }).strict();
const country = z.string().refine(isCountryCode, 'an ISO 3166-1 alpha-2 code in capitals, such as "KR"');
const criterionCode = z
  .string()
  .regex(/^[A-Z]{1,4}$/, 'a criterion code as the form prints it, such as "CTC"');
const percent = z.number().positive().max(100);
const chapterRange = z.string().regex(/^\d{2}(-\d{2})?$/, 'a chapter or chapter range such as "50-63"');
const leafCodes = z.partialRecord(z.enum(LEAF_KINDS), criterionCode);

const unverified = z
  .object({
    /** The key of this file the note is about. */
    about: z.string().min(1),
    note: z.string().min(1),
  })
  .strict();

/** The schema of a profile file; loadAgreementProfile also checks what a schema cannot. */
export const agreementProfileSchema = z
  .object({
    /** What callers name the agreement by ("RCEP", "ACFTA"); equal to the file name. */
    id: z.string().regex(/^[A-Z][A-Z0-9-]{1,30}$/),
    names: localised,
    /** Non-preferential origin answers with a country; preferential origin with yes or no. */
    kind: z.enum(['preferential', 'non_preferential']),
    /** Certificate types (data/certificate-types) issued under this agreement. */
    certificateTypes: z.array(z.string().regex(/^[A-Z]{1,3}$/)),
    /** The Party goods are exported from: materials originating there count as originating. */
    exportingParty: country,
    parties: z.array(country).min(1),
    /** Originating materials of any Party, with proof, count as originating (accumulation). */
    cumulation: z.boolean(),
    /** The price value content is a share of (RVC and the de minimis value test). */
    valueBasis: z.enum(['FOB', 'EXW']),
    /** The rule where no product-specific row exists, in the rule language; null when there is none. */
    generalRule: z.string().min(1).nullable(),
    /** File name under data/origin/psr of the product-specific rules shipped for this agreement. */
    productSpecificRules: z.string().min(1).nullable(),
    /**
     * Materials failing a tariff change may still pass when their value is at most `valuePercent` of the
     * value basis, or, for goods of the chapters listed, their weight at most `weightPercent` of the good's.
     * Applied only when a tariff-change test fails; the materials still count in value content.
     */
    deMinimis: z
      .object({
        valuePercent: percent,
        weight: z
          .object({ percent, chapters: z.array(chapterRange).min(1) })
          .strict()
          .nullable(),
      })
      .strict()
      .nullable(),
    /** Codes of processing steps that are minimal operations: a good processed only by them does not originate. */
    minimalOperations: z.array(
      z.object({ code: z.string().regex(/^[a-z][a-z_]{1,40}$/), label: localised }).strict(),
    ),
    /** How each role of a bill line counts. Roles in neither list (transport packing) are ignored. */
    roles: z
      .object({
        /** Roles whose non-originating lines must change classification. */
        tariffChange: z.array(z.enum(MATERIAL_ROLES)),
        /** Roles counted in value content and value limits. */
        value: z.array(z.enum(MATERIAL_ROLES)),
        /** Roles counted as originating wherever they come from (indirect materials). */
        alwaysOriginating: z.array(z.enum(MATERIAL_ROLES)),
      })
      .strict(),
    /** Deductions from the value of non-originating materials allowed, each only with evidence. */
    deductions: z.array(z.enum(DEDUCTION_KINDS)),
    /** The origin criterion codes of the certificate; null for a form without a criterion box. */
    criteria: z
      .object({
        whollyObtained: criterionCode,
        producedEntirely: criterionCode,
        /** Code for a pass under a product-specific row, by the leaf that decided it. */
        productSpecificRule: leafCodes,
        /** Code for a pass under the general rule, by the leaf that decided it. */
        generalRule: leafCodes,
        /** Added when the pass depends on materials of other Parties (RCEP "ACU"). */
        accumulation: criterionCode.nullable(),
        /** Added when the pass depends on de minimis (RCEP "DMI"). */
        deMinimis: criterionCode.nullable(),
        /** Value-content codes: the certificate then states the FOB value. */
        valueContent: z.array(criterionCode),
        /** Codes the form follows with the percentage reached (Form E "40%"). */
        withPercentage: z.array(criterionCode),
      })
      .strict()
      .nullable(),
    unverified: z.array(unverified),
    sources: z.array(z.string().min(1)),
  })
  .strict();

/** A profile file's content after its schema. */
export type AgreementProfileData = z.output<typeof agreementProfileSchema>;

/** A checked profile with its general rule read into a tree. */
export interface AgreementProfile extends AgreementProfileData {
  generalRuleTree: Rule | null;
  /** Minimal-operation codes, for constant-time checks. */
  minimalOperationCodes: ReadonlySet<string>;
}

/** Reads and checks a profile file's content; problems name the key. */
export function loadAgreementProfile(
  input: unknown,
): { ok: true; profile: AgreementProfile } | { ok: false; problems: string[] } {
  const parsed = agreementProfileSchema.safeParse(input);
  if (!parsed.success)
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => `${issue.path.map(String).join('.')}: ${issue.message}`),
    };
  const data = parsed.data;
  const problems: string[] = [];
  let generalRuleTree: Rule | null = null;
  if (data.generalRule !== null) {
    const rule = parseRule(data.generalRule);
    if (rule.ok) generalRuleTree = rule.rule;
    else problems.push(`generalRule: at character ${rule.error.position}: ${rule.error.message}`);
  }
  if (!data.parties.includes(data.exportingParty))
    problems.push(`parties: the exporting Party ${data.exportingParty} is not listed`);
  if (data.kind === 'preferential' && data.criteria === null)
    problems.push('criteria: a preferential agreement names its origin criterion codes');
  if (data.criteria) {
    const used = new Set([
      data.criteria.whollyObtained,
      data.criteria.producedEntirely,
      ...Object.values(data.criteria.productSpecificRule),
      ...Object.values(data.criteria.generalRule),
    ]);
    for (const code of [...data.criteria.valueContent, ...data.criteria.withPercentage])
      if (!used.has(code)) problems.push(`criteria: ${code} is listed but no way of passing produces it`);
  }
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    profile: {
      ...data,
      generalRuleTree,
      minimalOperationCodes: new Set(data.minimalOperations.map((operation) => operation.code)),
    },
  };
}

/** The criterion code for a pass decided by a leaf, under a product-specific row or the general rule. */
export function criterionCodeFor(
  profile: AgreementProfile,
  source: 'product_specific' | 'general',
  leaf: LeafKind,
): string | null {
  if (!profile.criteria) return null;
  if (leaf === 'WO') return profile.criteria.whollyObtained;
  if (leaf === 'PE') return profile.criteria.producedEntirely;
  const table = source === 'general' ? profile.criteria.generalRule : profile.criteria.productSpecificRule;
  return table[leaf] ?? null;
}
