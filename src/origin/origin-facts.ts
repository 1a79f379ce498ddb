import type { AgreementProfile } from './agreement-profile.js';
import type { Assembly, DeductionKind, MaterialRole } from './bill-of-materials.js';
import { UNDETERMINED } from './bill-of-materials.js';
import { chapterIn } from './hs-codes.js';
import type { BasisPoints, Cents, Grams } from './money.js';
import { toBasisPoints, toCents, toGrams } from './money.js';

/**
 * The facts an origin rule is evaluated against, computed once per bill and agreement: each line's
 * status (originating, non-originating, unknown) and why, what it counts for under the agreement, its
 * value in cents after the deductions the agreement allows with evidence, and the sums the value tests
 * need. The rules (evaluate.ts) only read these facts.
 */

/** Three-valued result of every test: met, not met, or not decidable from what was declared. */
export type OriginStatus = 'MET' | 'NOT_MET' | 'UNKNOWN';

/** Whether a line counts as originating. "unknown": a sub-assembly whose own result is undecided. */
export type MaterialStatus = 'originating' | 'non_originating' | 'unknown';

/** Why a line has its status. */
export type MaterialBasis =
  /** Produced in the exporting Party (its supplier's declaration is the evidence, not checked here). */
  | 'exporting_party'
  /** Originating in another Party, with proof: counts by accumulation. */
  | 'cumulation'
  /** Its role counts as originating wherever it comes from (indirect materials). */
  | 'always_originating'
  /** Made in-house: its own origin result decides. */
  | 'sub_assembly'
  /** From a Party of the agreement but without proof of originating status. */
  | 'no_proof'
  /** From a country outside the agreement. */
  | 'non_party'
  /** Origin not known: counted as non-originating. */
  | 'undetermined';

/** A deduction from a material's value and whether it was taken. */
export interface DeductionFact {
  kind: DeductionKind;
  amount: Cents;
  /** Null when applied; otherwise why not ("no evidence", "not allowed under RCEP"). */
  refused: string | null;
}

/** One line of the bill as the rules see it. */
export interface MaterialFact {
  /** Position in the bill's `materials` (0 = first). */
  index: number;
  name: string;
  hsCode: string;
  role: MaterialRole;
  /** As declared; for a sub-assembly, the country its own result gives (null when undecided). */
  originCountry: string | null;
  status: MaterialStatus;
  basis: MaterialBasis;
  /** The Party of origin for accumulation or missing proof; null otherwise. */
  party: string | null;
  value: Cents;
  /** Value after the deductions taken: what counts as non-originating value if the line is. */
  deductedValue: Cents;
  /** Value counted as non-originating (after deductions applied); 0 when originating. */
  nonOriginatingValue: Cents;
  weight: Grams | null;
  /** Its non-originating status must change classification. */
  inTariffChange: boolean;
  /** Counted in value content and value limits. */
  inValue: boolean;
  /** Originating only by accumulation (its own proof, or a sub-assembly whose pass needed it). */
  byAccumulation: boolean;
  deductions: DeductionFact[];
}

/** The product (or sub-assembly) the rules are applied to. */
export interface ProductFacts {
  hsCode: string;
  name: string;
  fob: Cents;
  exWorks: Cents;
  weight: Grams | null;
}

/** Cost items of a build-up value content, in cents. */
export interface ValueAddedFacts {
  directLabour: Cents;
  directOverhead: Cents;
  profit: Cents;
  otherCosts: Cents;
}

/** De minimis in basis points, as the profile sets it. */
export interface DeMinimisFacts {
  valueLimit: BasisPoints;
  weightLimit: BasisPoints | null;
  /** Whether the product's chapter takes the weight test. */
  weightApplies: boolean;
}

/** Everything a rule needs, for one assembly under one agreement. */
export interface OriginFacts {
  agreement: string;
  product: ProductFacts;
  /** The price value content is a share of, and its name. */
  valueBasis: 'FOB' | 'EXW';
  materials: MaterialFact[];
  valueAdded: ValueAddedFacts | null;
  whollyObtained: string | null;
  deMinimis: DeMinimisFacts | null;
  /** Sum of nonOriginatingValue of value-counted non-originating lines. */
  nonOriginatingValue: Cents;
  /** Sum of values of value-counted lines whose status is unknown. */
  unknownValue: Cents;
  /** Sum of values of value-counted originating lines (VOM). */
  originatingValue: Cents;
  /** Lines counted as originating only by accumulation (`byAccumulation`). */
  cumulated: number;
}

/** The outcome of a sub-assembly's own determination, as its parent needs it. */
export interface SubAssemblyOutcome {
  status: OriginStatus;
  country: string | null;
  /** Its pass depends on materials of other Parties (its criterion carries ACU). */
  accumulation: boolean;
}

/** What building facts needs besides the bill and the profile. */
export interface FactOptions {
  /**
   * The own result of each sub-assembly, by the index of its line in the bill; a sub-assembly without
   * one counts as undecided.
   */
  subAssemblies: ReadonlyArray<SubAssemblyOutcome | undefined>;
}

const UNDECIDED: SubAssemblyOutcome = { status: 'UNKNOWN', country: null, accumulation: false };

const NO_DEDUCTIONS: readonly DeductionFact[] = Object.freeze([]);

/** Builds the facts of an assembly under a profile; never throws on a bill that passed its schema. */
export function buildOriginFacts(
  assembly: Assembly,
  product: ProductFacts,
  profile: AgreementProfile,
  options: FactOptions,
): OriginFacts {
  const materials: MaterialFact[] = new Array<MaterialFact>(assembly.materials.length);
  let nonOriginatingValue = 0;
  let unknownValue = 0;
  let originatingValue = 0;
  let cumulated = 0;
  const { roles, parties, exportingParty } = profile;
  const accumulates = profile.cumulation;
  for (let index = 0; index < assembly.materials.length; index++) {
    const material = assembly.materials[index]!;
    const declared = material.originCountry === UNDETERMINED ? null : material.originCountry;
    let status: MaterialStatus = 'non_originating';
    let basis: MaterialBasis;
    let party: string | null = null;
    let originCountry = declared;
    let byAccumulation = false;
    if (roles.alwaysOriginating.includes(material.role)) {
      status = 'originating';
      basis = 'always_originating';
    } else if (material.subAssembly) {
      const outcome = options.subAssemblies[index] ?? UNDECIDED;
      status =
        outcome.status === 'MET'
          ? 'originating'
          : outcome.status === 'NOT_MET'
            ? 'non_originating'
            : 'unknown';
      basis = 'sub_assembly';
      originCountry = outcome.country;
      byAccumulation = outcome.status === 'MET' && outcome.accumulation;
    } else if (declared === exportingParty) {
      status = 'originating';
      basis = 'exporting_party';
    } else {
      const proof = material.proofOfOrigin;
      const proofParty = proof !== null && parties.includes(proof.party) ? proof.party : null;
      if (
        accumulates &&
        proofParty !== null &&
        (proof!.agreements.length === 0 || proof!.agreements.includes(profile.id))
      ) {
        status = 'originating';
        basis = 'cumulation';
        party = proofParty;
        byAccumulation = true;
      } else if (declared === null) basis = 'undetermined';
      else if (profile.kind === 'preferential' && (proofParty !== null || parties.includes(declared))) {
        basis = 'no_proof';
        party = proofParty ?? declared;
      } else basis = 'non_party';
    }
    const value = toCents(material.value);
    let deductions = NO_DEDUCTIONS as DeductionFact[];
    let deducted = 0;
    if (material.deductions.length) {
      deductions = [];
      for (const deduction of material.deductions) {
        const amount = toCents(deduction.amount);
        let refused: string | null = null;
        if (!profile.deductions.includes(deduction.kind)) refused = `not allowed under ${profile.id}`;
        else if (deduction.evidence.trim() === '') refused = 'no evidence';
        if (refused === null) deducted += amount;
        deductions.push({ kind: deduction.kind, amount, refused });
      }
    }
    const deductedValue = Math.max(0, value - deducted);
    const inValue = roles.value.includes(material.role);
    if (inValue) {
      if (status === 'non_originating') nonOriginatingValue += deductedValue;
      else if (status === 'unknown') unknownValue += value;
      else originatingValue += value;
    }
    if (byAccumulation) cumulated += 1;
    materials[index] = {
      index,
      name: material.name,
      hsCode: material.hsCode,
      role: material.role,
      originCountry,
      status,
      basis,
      party,
      value,
      deductedValue,
      nonOriginatingValue: status === 'non_originating' ? deductedValue : 0,
      weight: material.weightKg === null ? null : toGrams(material.weightKg),
      inTariffChange: roles.tariffChange.includes(material.role),
      inValue,
      byAccumulation,
      deductions,
    };
  }
  const deMinimis = profile.deMinimis;
  return {
    agreement: profile.id,
    product,
    valueBasis: profile.valueBasis,
    materials,
    valueAdded: assembly.valueAdded
      ? {
          directLabour: toCents(assembly.valueAdded.directLabour),
          directOverhead: toCents(assembly.valueAdded.directOverhead),
          profit: toCents(assembly.valueAdded.profit),
          otherCosts: toCents(assembly.valueAdded.otherCosts),
        }
      : null,
    whollyObtained: assembly.whollyObtained?.category ?? null,
    deMinimis: deMinimis
      ? {
          valueLimit: toBasisPoints(deMinimis.valuePercent),
          weightLimit: deMinimis.weight ? toBasisPoints(deMinimis.weight.percent) : null,
          weightApplies:
            deMinimis.weight !== null && chapterIn(product.hsCode.slice(0, 2), deMinimis.weight.chapters),
        }
      : null,
    nonOriginatingValue,
    unknownValue,
    originatingValue,
    cumulated,
  };
}

/**
 * The same facts with every line that originates only by accumulation counted as non-originating (a
 * material of another Party with proof, or a sub-assembly whose own pass needed accumulation), to see
 * whether a pass depends on accumulation (ACU). Null when no line does.
 */
export function withoutAccumulation(facts: OriginFacts): OriginFacts | null {
  if (facts.cumulated === 0) return null;
  let nonOriginatingValue = facts.nonOriginatingValue;
  let originatingValue = facts.originatingValue;
  const materials = facts.materials.map((material) => {
    if (!material.byAccumulation) return material;
    if (material.inValue) {
      nonOriginatingValue += material.deductedValue;
      originatingValue -= material.value;
    }
    const flipped: MaterialFact = Object.assign({}, material);
    flipped.status = 'non_originating';
    if (material.basis === 'cumulation') flipped.basis = 'no_proof';
    flipped.nonOriginatingValue = material.deductedValue;
    flipped.byAccumulation = false;
    return flipped;
  });
  const plain: OriginFacts = Object.assign({}, facts);
  plain.materials = materials;
  plain.nonOriginatingValue = nonOriginatingValue;
  plain.originatingValue = originatingValue;
  plain.cumulated = 0;
  return plain;
}
