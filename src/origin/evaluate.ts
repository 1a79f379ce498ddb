import type { HsItem } from './hs-codes.js';
import { LEVEL_DIGITS, LEVEL_NAMES, formatHsCode, formatHsList, hsListContains } from './hs-codes.js';
import type { BasisPoints } from './money.js';
import {
  formatMoney,
  formatShare,
  formatThreshold,
  formatWeight,
  largestPartWithin,
  shareAtLeast,
  shareAtMost,
  shareOf,
  smallestPartReaching,
  toBasisPoints,
} from './money.js';
import type { MaterialFact, OriginFacts, OriginStatus } from './origin-facts.js';
import type {
  LeafKind,
  LeafRule,
  MaxNonOriginatingRule,
  PriceBasis,
  Rule,
  RvcMethod,
  TariffChangeLevel,
  TariffChangeRule,
  ValueContentRule,
  WeightRule,
} from './rule-language.js';
import { printRule } from './rule-language.js';

/**
 * Evaluates a rule tree against the facts of a bill (origin-facts.ts). Every leaf returns its status
 * (MET, NOT_MET, UNKNOWN), its evidence and arithmetic as data, a sentence a person can check by hand,
 * and, when it is not met, what would change the answer. AND and OR combine three-valued (Kleene): AND
 * is NOT_MET if any operand is, OR is MET if any operand is, otherwise UNKNOWN wins over the rest. Every
 * operand is evaluated, so the result shows every branch tried. Amounts are strings with two decimals.
 */

/** What a piece of advice is about; stable codes a client may key translations on. */
export const ADVICE_CODES = [
  /** Non-originating value must fall by `amount` for a value test. */
  'reduce_non_originating_value',
  /** Originating value and costs (build-up) must rise by `amount`. */
  'raise_originating_value',
  /** Materials that do not make the required change of classification. */
  'material_breaks_tariff_change',
  /** The failing materials' value or weight must fall by `amount` to be within de minimis. */
  'reach_de_minimis',
  /** A material from a Party would count as originating with proof of its origin. */
  'prove_originating_status',
  /** Non-originating weight must fall by `amount` (kilograms). */
  'reduce_non_originating_weight',
  /** A weight test needs the weights of these materials. */
  'declare_weights',
  /** A build-up value content needs the cost items. */
  'declare_costs',
  /** No processing step is declared, so minimal operations cannot be ruled out. */
  'declare_processing',
  /** The processing consists of minimal operations only. */
  'minimal_operations_only',
  /** A specific process or other fact needs an officer's review of evidence. */
  'needs_review',
  /** No rule applies to the product (no product-specific row and no general rule). */
  'no_rule',
  /** A sub-assembly's own origin is undecided. */
  'sub_assembly_undecided',
  /** A price the test divides by is zero. */
  'declare_price',
] as const;
export type AdviceCode = (typeof ADVICE_CODES)[number];

/** What would change an answer, in one sentence, with the materials (by index) and amount it concerns. */
export interface Advice {
  code: AdviceCode;
  message: string;
  materials: number[];
  amount: string | null;
}

/** A line of the bill named in a result. */
export interface MaterialRef {
  index: number;
  name: string;
  hsCode: string;
}

/** Why a non-originating material fails (or may fail) a change of classification. */
export type TariffChangeFailure =
  | 'same_classification'
  | 'excepted'
  | 'not_in_from_list'
  /** The material's code has too few digits to tell. */
  | 'code_too_short'
  /** A sub-assembly whose own origin is undecided: it fails only if it is non-originating. */
  | 'status_unknown';

/** A material that fails (or may fail) a change of classification, and its value counted. */
export interface MaterialCheck extends MaterialRef {
  failure: TariffChangeFailure;
  value: string;
}

/** One part of a de minimis test. */
export interface DeMinimisPart {
  status: OriginStatus;
  /** Sum of the failing materials (money, or kilograms for weight). */
  amount: string;
  /** The good's price or weight it is a share of. */
  of: string;
  share: string;
  limit: string;
}

/** The de minimis test of a failing change of classification (RCEP Art. 3.7). */
export interface DeMinimisTest {
  status: OriginStatus;
  value: DeMinimisPart;
  /** Only for the chapters the agreement names (50 to 63 in RCEP); null otherwise. */
  weight: DeMinimisPart | null;
  sentence: string;
}

interface EvaluationBase {
  status: OriginStatus;
  /** The rule (or sub-rule) evaluated, in canonical text. */
  rule: string;
  sentence: string;
  advice: Advice[];
}

/** WO: the good is declared wholly obtained and nothing in it is non-originating or from another Party. */
export interface WhollyObtainedEvaluation extends EvaluationBase {
  kind: 'WO';
  category: string | null;
  /** Lines (indexes into the bill's materials) not from the exporting Party; empty when WO is not claimed. */
  notFromExportingParty: number[];
}

/** PE: every counted material is originating. Lists are indexes into the bill's materials. */
export interface ProducedEntirelyEvaluation extends EvaluationBase {
  kind: 'PE';
  nonOriginating: number[];
  unknown: number[];
  /** Materials originating only by accumulation. */
  cumulated: number[];
}

/** CC, CTH, CTSH: every non-originating material changes classification. */
export interface TariffChangeEvaluation extends EvaluationBase {
  kind: TariffChangeLevel;
  /** The product's chapter, heading or subheading as written ("8509.40"). */
  productClassification: string;
  /** Non-originating (or undecided) materials the test looked at. */
  checked: number;
  breaking: MaterialCheck[];
  uncertain: MaterialCheck[];
  deMinimis: DeMinimisTest | null;
  /** The pass depends on de minimis (DMI). */
  usedDeMinimis: boolean;
}

/** RVC: regional value content, with the arithmetic. */
export interface ValueContentEvaluation extends EvaluationBase {
  kind: 'RVC';
  method: RvcMethod;
  basis: 'FOB' | 'EXW';
  threshold: string;
  price: string;
  /** Build-down: VNM (undecided sub-assemblies counted as non-originating for the low bound). */
  nonOriginatingValue: string | null;
  /** Build-up: VOM. */
  originatingValue: string | null;
  costs: { directLabour: string; directOverhead: string; profit: string; otherCosts: string } | null;
  /** The content reached, per cent; with undecided materials the lowest possible. */
  content: string | null;
  /** Highest possible content when some materials are undecided; otherwise equal to content. */
  contentIfUndecidedOriginate: string | null;
  /** How far the value is from the threshold when not met. */
  shortfall: string | null;
}

/** MAXNOM: non-originating materials at most a share of a price. */
export interface MaxNonOriginatingEvaluation extends EvaluationBase {
  kind: 'MAXNOM';
  basis: PriceBasis;
  limit: string;
  price: string;
  nonOriginatingValue: string;
  share: string | null;
  excess: string | null;
}

/** WEIGHT: non-originating materials at most a share of the net weight. */
export interface WeightEvaluation extends EvaluationBase {
  kind: 'WEIGHT';
  limit: string;
  productWeight: string | null;
  nonOriginatingWeight: string | null;
  share: string | null;
  excess: string | null;
  missingWeights: MaterialRef[];
}

/** PROCESS: a specific process, which only evidence shows; always needs review. */
export interface ProcessEvaluation extends EvaluationBase {
  kind: 'PROCESS';
  description: string;
}

/** AND / OR of evaluated operands. */
export interface CombinedEvaluation extends EvaluationBase {
  kind: 'AND' | 'OR';
  operands: RuleEvaluation[];
}

/** The result of one leaf of a rule. */
export type LeafEvaluation =
  | WhollyObtainedEvaluation
  | ProducedEntirelyEvaluation
  | TariffChangeEvaluation
  | ValueContentEvaluation
  | MaxNonOriginatingEvaluation
  | WeightEvaluation
  | ProcessEvaluation;

/** The result of a rule: a leaf, or an AND / OR with its operands' results. */
export type RuleEvaluation = LeafEvaluation | CombinedEvaluation;

const printed = new WeakMap<Rule, string>();
/** The canonical text of a rule, computed once per tree node. */
function textOf(rule: Rule): string {
  let text = printed.get(rule);
  if (text === undefined) {
    text = printRule(rule);
    printed.set(rule, text);
  }
  return text;
}

/** Kleene AND. */
export function allOf(statuses: readonly OriginStatus[]): OriginStatus {
  let unknown = false;
  for (const status of statuses) {
    if (status === 'NOT_MET') return 'NOT_MET';
    if (status === 'UNKNOWN') unknown = true;
  }
  return unknown ? 'UNKNOWN' : 'MET';
}

/** Kleene OR. */
export function anyOf(statuses: readonly OriginStatus[]): OriginStatus {
  let unknown = false;
  for (const status of statuses) {
    if (status === 'MET') return 'MET';
    if (status === 'UNKNOWN') unknown = true;
  }
  return unknown ? 'UNKNOWN' : 'NOT_MET';
}

const STATUS_WORDS: Record<OriginStatus, string> = { MET: 'met', NOT_MET: 'not met', UNKNOWN: 'undecided' };

const refOf = (material: MaterialFact): MaterialRef => ({
  index: material.index,
  name: material.name,
  hsCode: material.hsCode,
});

/** "Motor" (8501.10), ... up to three names, then how many more. */
function namesOf(materials: readonly MaterialRef[]): string {
  const shown = materials
    .slice(0, 3)
    .map((material) => `"${material.name}" (${formatHsCode(material.hsCode)})`);
  const more = materials.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}

const advise = (
  code: AdviceCode,
  message: string,
  materials: number[] = [],
  amount: string | null = null,
) => ({
  code,
  message,
  materials,
  amount,
});

/** Evaluates a rule tree against the facts; never throws on facts built from a checked bill. */
export function evaluateRule(rule: Rule, facts: OriginFacts): RuleEvaluation {
  switch (rule.kind) {
    case 'AND':
    case 'OR':
      return combine(rule.kind, rule.operands, facts, textOf(rule));
    case 'WO':
      return whollyObtained(facts);
    case 'PE':
      return producedEntirely(facts);
    case 'CC':
    case 'CTH':
    case 'CTSH':
      return tariffChange(rule, facts, textOf(rule));
    case 'RVC':
      return valueContent(rule, facts, textOf(rule));
    case 'MAXNOM':
      return maxNonOriginating(rule, facts, textOf(rule));
    case 'WEIGHT':
      return weightLimit(rule, facts, textOf(rule));
    case 'PROCESS':
      return {
        kind: 'PROCESS',
        status: 'UNKNOWN',
        rule: textOf(rule),
        description: rule.description,
        sentence: `${textOf(rule)}: needs review: the process "${rule.description}" is shown by evidence, not by the bill of materials`,
        advice: [
          advise(
            'needs_review',
            `An officer must confirm from evidence that the process "${rule.description}" takes place.`,
          ),
        ],
      };
  }
}

function combine(
  kind: 'AND' | 'OR',
  operands: readonly Rule[],
  facts: OriginFacts,
  text: string,
): CombinedEvaluation {
  const evaluated = operands.map((operand) => evaluateRule(operand, facts));
  const statuses = evaluated.map((operand) => operand.status);
  const status = kind === 'AND' ? allOf(statuses) : anyOf(statuses);
  const advice: Advice[] = [];
  if (status !== 'MET')
    for (const operand of evaluated) if (operand.status !== 'MET') advice.push(...operand.advice);
  return {
    kind,
    status,
    rule: text,
    operands: evaluated,
    sentence: `${text}: ${STATUS_WORDS[status]} (${evaluated
      .map((operand) => `${operand.rule} ${STATUS_WORDS[operand.status]}`)
      .join('; ')})`,
    advice,
  };
}

/** The names of lines given by index, as namesOf writes them. */
const namesAt = (facts: OriginFacts, indexes: readonly number[]) =>
  namesOf(indexes.slice(0, 3).map((index) => facts.materials[index]!)) +
  (indexes.length > 3 ? ` and ${indexes.length - 3} more` : '');

/** WO: declared wholly obtained, and every line counted comes from the exporting Party (or counts as such). */
export function whollyObtained(facts: OriginFacts): WhollyObtainedEvaluation {
  const category = facts.whollyObtained;
  if (category === null)
    return {
      kind: 'WO',
      status: 'NOT_MET',
      rule: 'WO',
      category,
      notFromExportingParty: [],
      sentence: 'WO: not met: the product is not declared wholly obtained',
      advice: [],
    };
  const notFromExportingParty: number[] = [];
  const undecided: number[] = [];
  for (const material of facts.materials) {
    if (!material.inTariffChange && !material.inValue) continue;
    if (material.basis === 'exporting_party' || material.basis === 'always_originating') continue;
    if (material.basis === 'sub_assembly' && material.status === 'originating' && !material.byAccumulation)
      continue;
    if (material.status === 'unknown') undecided.push(material.index);
    else notFromExportingParty.push(material.index);
  }
  // Wholly obtained is a fact of the world (grown, extracted, born and raised here): the claim is the
  // producer's, checked by the officer on evidence; the engine checks only that the bill agrees with it.
  const status: OriginStatus = notFromExportingParty.length
    ? 'NOT_MET'
    : undecided.length
      ? 'UNKNOWN'
      : 'MET';
  return {
    kind: 'WO',
    status,
    rule: 'WO',
    category,
    notFromExportingParty,
    sentence:
      status === 'NOT_MET'
        ? `WO: not met: declared wholly obtained (${category}) but ${namesAt(facts, notFromExportingParty)} did not come from the exporting Party`
        : status === 'UNKNOWN'
          ? `WO: undecided: declared wholly obtained (${category}) but the origin of ${namesAt(facts, undecided)} is undecided`
          : `WO: met: declared wholly obtained (${category}), every material from the exporting Party`,
    advice: [],
  };
}

/** PE: every line counted for tariff change or value is originating. */
export function producedEntirely(facts: OriginFacts): ProducedEntirelyEvaluation {
  const nonOriginating: number[] = [];
  const unknown: number[] = [];
  const cumulated: number[] = [];
  let counted = 0;
  for (const material of facts.materials) {
    if (!material.inTariffChange && !material.inValue) continue;
    counted += 1;
    if (material.status === 'non_originating') nonOriginating.push(material.index);
    else if (material.status === 'unknown') unknown.push(material.index);
    else if (material.byAccumulation) cumulated.push(material.index);
  }
  const status: OriginStatus =
    counted === 0 || (nonOriginating.length === 0 && unknown.length)
      ? 'UNKNOWN'
      : nonOriginating.length
        ? 'NOT_MET'
        : 'MET';
  return {
    kind: 'PE',
    status,
    rule: 'PE',
    nonOriginating,
    unknown,
    cumulated,
    sentence:
      counted === 0
        ? 'PE: undecided: no material is declared'
        : nonOriginating.length
          ? `PE: not met: ${nonOriginating.length} of ${counted} materials are non-originating: ${namesAt(facts, nonOriginating)}`
          : unknown.length
            ? `PE: undecided: the origin of ${namesAt(facts, unknown)} is undecided`
            : `PE: met: all ${counted} materials are originating${cumulated.length ? ` (${cumulated.length} by accumulation)` : ''}`,
    advice: [],
  };
}

function failureText(
  check: MaterialCheck,
  rule: TariffChangeRule,
  levelName: string,
  product: string,
  named = `"${check.name}" (${formatHsCode(check.hsCode)})`,
): string {
  switch (check.failure) {
    case 'same_classification':
      return `${named} stays in ${levelName} ${product}`;
    case 'excepted':
      return `${named} is in the excepted ${formatHsList(rule.except)}`;
    case 'not_in_from_list':
      return `${named} is not among the codes allowed (from ${formatHsList(rule.from)})`;
    case 'code_too_short':
      return `${named} has too few digits to tell`;
    case 'status_unknown':
      return `${named} is a sub-assembly whose origin is undecided`;
  }
}

/** Which failure, if any, a code has against a tariff-change rule; "maybe" failures come back as code_too_short. */
function tariffFailure(
  productPrefix: string,
  code: string,
  except: readonly HsItem[],
  from: readonly HsItem[],
): TariffChangeFailure | null {
  // Prefix comparisons without slicing: this runs once per non-originating material and rule.
  const change =
    code.length >= productPrefix.length
      ? code.startsWith(productPrefix)
        ? 'no'
        : 'yes'
      : productPrefix.startsWith(code)
        ? 'maybe'
        : 'yes';
  if (change === 'no') return 'same_classification';
  const excepted = except.length ? hsListContains(except, code) : 'no';
  if (excepted === 'yes') return 'excepted';
  const allowed = from.length ? hsListContains(from, code) : 'yes';
  if (allowed === 'no') return 'not_in_from_list';
  if (change === 'maybe' || excepted === 'maybe' || allowed === 'maybe') return 'code_too_short';
  return null;
}

function deMinimisPart(amount: number, of: number, limit: BasisPoints, weight: boolean): DeMinimisPart {
  const format = weight ? formatWeight : formatMoney;
  return {
    status: of > 0 ? (shareAtMost(amount, of, limit) ? 'MET' : 'NOT_MET') : 'UNKNOWN',
    amount: format(amount),
    of: format(of),
    share: of > 0 ? formatShare(shareOf(amount, of)) : '',
    limit: formatThreshold(limit),
  };
}

/** De minimis over a set of failing materials: value always, weight for the chapters named. */
function deMinimisTest(failing: readonly MaterialFact[], facts: OriginFacts): DeMinimisTest | null {
  const rules = facts.deMinimis;
  if (!rules) return null;
  const price = facts.valueBasis === 'FOB' ? facts.product.fob : facts.product.exWorks;
  let value = 0;
  for (const material of failing)
    value += material.status === 'unknown' ? material.value : material.nonOriginatingValue;
  const valuePart = deMinimisPart(value, price, rules.valueLimit, false);
  let weightPart: DeMinimisPart | null = null;
  if (rules.weightApplies && rules.weightLimit !== null) {
    const missing = failing.some((material) => material.weight === null);
    let grams = 0;
    for (const material of failing) grams += material.weight ?? 0;
    weightPart =
      missing || facts.product.weight === null
        ? { status: 'UNKNOWN', amount: '', of: '', share: '', limit: formatThreshold(rules.weightLimit) }
        : deMinimisPart(grams, facts.product.weight, rules.weightLimit, true);
  }
  const status = weightPart ? anyOf([valuePart.status, weightPart.status]) : valuePart.status;
  const symbol = (part: DeMinimisPart) => (part.status === 'MET' ? '≤' : '>');
  const valueText = `value ${valuePart.amount} = ${valuePart.share}% of ${facts.valueBasis} ${valuePart.of} ${symbol(valuePart)} ${valuePart.limit}%`;
  const weightText = weightPart
    ? weightPart.status === 'UNKNOWN'
      ? '; weight test undecided: a weight is missing'
      : `; weight ${weightPart.amount} kg = ${weightPart.share}% of ${weightPart.of} kg ${symbol(weightPart)} ${weightPart.limit}%`
    : '';
  return {
    status,
    value: valuePart,
    weight: weightPart,
    sentence: `de minimis ${STATUS_WORDS[status]}: ${valueText}${weightText}`,
  };
}

function tariffChange(rule: TariffChangeRule, facts: OriginFacts, text: string): TariffChangeEvaluation {
  const digits = LEVEL_DIGITS[rule.kind];
  const levelName = LEVEL_NAMES[digits];
  const productPrefix = facts.product.hsCode.slice(0, digits);
  const productClassification = formatHsCode(productPrefix);
  const breaking: MaterialCheck[] = [];
  const uncertain: MaterialCheck[] = [];
  const failingFacts: MaterialFact[] = [];
  const uncertainFacts: MaterialFact[] = [];
  let checked = 0;
  for (const material of facts.materials) {
    if (!material.inTariffChange || material.status === 'originating') continue;
    checked += 1;
    const failure = tariffFailure(productPrefix, material.hsCode, rule.except, rule.from);
    if (failure === null) continue;
    const check: MaterialCheck = {
      index: material.index,
      name: material.name,
      hsCode: material.hsCode,
      failure: material.status === 'unknown' ? 'status_unknown' : failure,
      value: formatMoney(material.status === 'unknown' ? material.value : material.nonOriginatingValue),
    };
    if (material.status === 'unknown' || failure === 'code_too_short') {
      uncertain.push(check);
      uncertainFacts.push(material);
    } else {
      breaking.push(check);
      failingFacts.push(material);
    }
  }
  if (breaking.length === 0 && uncertain.length === 0)
    return {
      kind: rule.kind,
      rule: text,
      productClassification,
      checked,
      breaking,
      uncertain,
      status: 'MET',
      deMinimis: null,
      usedDeMinimis: false,
      sentence:
        checked === 0
          ? `${text}: met: no non-originating material has to change ${levelName}`
          : `${text}: met: all ${checked} non-originating${facts.unknownValue > 0 ? ' or undecided' : ''} materials change ${levelName} (product ${levelName} ${productClassification})`,
      advice: [],
    };
  const described = [...breaking, ...uncertain]
    .slice(0, 3)
    .map((check) => failureText(check, rule, levelName, productClassification))
    .join('; ');
  const more =
    breaking.length + uncertain.length > 3 ? ` and ${breaking.length + uncertain.length - 3} more` : '';
  // De minimis is tried only because the tariff change failed (RCEP Art. 3.7); the materials still count in RVC.
  const knownTest = breaking.length ? deMinimisTest(failingFacts, facts) : null;
  const allTest = deMinimisTest([...failingFacts, ...uncertainFacts], facts);
  let status: OriginStatus;
  let usedDeMinimis = false;
  if (allTest?.status === 'MET') {
    status = 'MET';
    usedDeMinimis = true;
  } else if (breaking.length && (knownTest === null || knownTest.status === 'NOT_MET')) status = 'NOT_MET';
  else status = 'UNKNOWN';
  const deMinimis = allTest;
  const sentence =
    status === 'MET'
      ? `${text}: met by de minimis: ${described}${more}; ${deMinimis!.sentence}`
      : `${text}: ${STATUS_WORDS[status]}: ${described}${more}${deMinimis ? `; ${deMinimis.sentence}` : ''}`;
  const advice: Advice[] = [];
  if (status !== 'MET') {
    if (breaking.length)
      advice.push(
        advise(
          'material_breaks_tariff_change',
          breaking.length === 1
            ? `${namesOf(breaking)} alone breaks the change of ${levelName}: ${failureText(breaking[0]!, rule, levelName, productClassification, 'it')}.`
            : `${breaking.length} materials break the change of ${levelName}: ${namesOf(breaking)}.`,
          breaking.map((check) => check.index),
        ),
      );
    if (uncertain.length)
      advice.push(
        advise(
          uncertain.some((check) => check.failure === 'status_unknown')
            ? 'sub_assembly_undecided'
            : 'needs_review',
          `Undecided for ${namesOf(uncertain)}: ${uncertain.some((check) => check.failure === 'code_too_short') ? 'give their full HS codes' : 'decide the sub-assembly first'}.`,
          uncertain.map((check) => check.index),
        ),
      );
    if (deMinimis?.weight?.status === 'UNKNOWN')
      advice.push(
        advise(
          'declare_weights',
          `Declare the weights of the product and of ${namesOf(breaking.length ? breaking : uncertain)}: the de minimis weight test needs them.`,
          [...breaking, ...uncertain].map((check) => check.index),
        ),
      );
    if (deMinimis && deMinimis.value.status === 'NOT_MET' && facts.deMinimis) {
      const price = facts.valueBasis === 'FOB' ? facts.product.fob : facts.product.exWorks;
      const allowed = largestPartWithin(price, facts.deMinimis.valueLimit);
      let value = 0;
      for (const material of failingFacts) value += material.nonOriginatingValue;
      if (value > allowed)
        advice.push(
          advise(
            'reach_de_minimis',
            `The value of the materials that break the change of ${levelName} must fall by ${formatMoney(value - allowed)} (to ${formatMoney(allowed)}, ${deMinimis.value.limit}% of ${facts.valueBasis}) to pass by de minimis.`,
            breaking.map((check) => check.index),
            formatMoney(value - allowed),
          ),
        );
    }
  }
  return {
    kind: rule.kind,
    rule: text,
    productClassification,
    checked,
    breaking,
    uncertain,
    status,
    deMinimis,
    usedDeMinimis,
    sentence,
    advice,
  };
}

function valueContent(rule: ValueContentRule, facts: OriginFacts, text: string): ValueContentEvaluation {
  const threshold = toBasisPoints(rule.threshold);
  const basis = facts.valueBasis;
  const price = basis === 'FOB' ? facts.product.fob : facts.product.exWorks;
  const thresholdText = formatThreshold(threshold);
  const priceText = formatMoney(price);
  const undecided = facts.unknownValue > 0;
  if (price <= 0)
    return {
      kind: 'RVC',
      rule: text,
      method: rule.method,
      basis,
      threshold: thresholdText,
      price: priceText,
      status: 'UNKNOWN',
      nonOriginatingValue: null,
      originatingValue: null,
      costs: null,
      content: null,
      contentIfUndecidedOriginate: null,
      shortfall: null,
      sentence: `${text}: undecided: the ${basis} price is 0`,
      advice: [advise('declare_price', `Give the ${basis} price: value content is a share of it.`)],
    };
  if (rule.method === 'build-down') {
    // Undecided sub-assemblies: the low bound counts them as non-originating, the high bound as originating.
    const vnmLow = facts.nonOriginatingValue;
    const vnmHigh = vnmLow + facts.unknownValue;
    const worst = price - vnmHigh;
    const best = price - vnmLow;
    const status: OriginStatus = shareAtLeast(worst, price, threshold)
      ? 'MET'
      : shareAtLeast(best, price, threshold)
        ? 'UNKNOWN'
        : 'NOT_MET';
    const content = formatShare(shareOf(worst, price));
    const contentHigh = formatShare(shareOf(best, price));
    const maxVnm = largestPartWithin(price, 10_000 - threshold);
    const shortfall = status === 'MET' ? null : formatMoney(vnmHigh - maxVnm);
    const compare = status === 'MET' ? '≥' : '<';
    const sentence = undecided
      ? `RVC build-down between (${basis} ${formatMoney(price)} - VNM ${formatMoney(vnmHigh)}) / ${formatMoney(price)} = ${content}% and (${basis} ${formatMoney(price)} - VNM ${formatMoney(vnmLow)}) / ${formatMoney(price)} = ${contentHigh}%, threshold ${thresholdText}%: ${STATUS_WORDS[status]} (undecided sub-assemblies ${formatMoney(facts.unknownValue)})`
      : `RVC build-down = (${basis} ${formatMoney(price)} - VNM ${formatMoney(vnmLow)}) / ${formatMoney(price)} = ${content}% ${compare} ${thresholdText}%`;
    return {
      kind: 'RVC',
      rule: text,
      method: rule.method,
      basis,
      threshold: thresholdText,
      price: priceText,
      status,
      nonOriginatingValue: formatMoney(vnmHigh),
      originatingValue: null,
      costs: null,
      content,
      contentIfUndecidedOriginate: contentHigh,
      shortfall,
      sentence,
      advice:
        status === 'MET'
          ? []
          : [
              advise(
                'reduce_non_originating_value',
                `Non-originating value must fall by ${shortfall} (to ${formatMoney(maxVnm)}) to reach RVC ${thresholdText}%.`,
                [],
                shortfall,
              ),
            ],
    };
  }
  const costs = facts.valueAdded;
  if (!costs)
    return {
      kind: 'RVC',
      rule: text,
      method: rule.method,
      basis,
      threshold: thresholdText,
      price: priceText,
      status: 'UNKNOWN',
      nonOriginatingValue: null,
      originatingValue: formatMoney(facts.originatingValue),
      costs: null,
      content: null,
      contentIfUndecidedOriginate: null,
      shortfall: null,
      sentence: `${text}: undecided: build-up needs direct labour, direct overhead, profit and other costs`,
      advice: [
        advise(
          'declare_costs',
          'Declare direct labour, direct overhead, profit and other costs for a build-up value content.',
        ),
      ],
    };
  const added = costs.directLabour + costs.directOverhead + costs.profit + costs.otherCosts;
  const low = facts.originatingValue + added;
  const high = low + facts.unknownValue;
  const status: OriginStatus = shareAtLeast(low, price, threshold)
    ? 'MET'
    : shareAtLeast(high, price, threshold)
      ? 'UNKNOWN'
      : 'NOT_MET';
  const needed = smallestPartReaching(price, threshold);
  const shortfall = status === 'MET' ? null : formatMoney(needed - low);
  const content = formatShare(shareOf(low, price));
  const terms = `VOM ${formatMoney(facts.originatingValue)} + labour ${formatMoney(costs.directLabour)} + overhead ${formatMoney(costs.directOverhead)} + profit ${formatMoney(costs.profit)} + other ${formatMoney(costs.otherCosts)}`;
  return {
    kind: 'RVC',
    rule: text,
    method: rule.method,
    basis,
    threshold: thresholdText,
    price: priceText,
    status,
    nonOriginatingValue: null,
    originatingValue: formatMoney(facts.originatingValue),
    costs: {
      directLabour: formatMoney(costs.directLabour),
      directOverhead: formatMoney(costs.directOverhead),
      profit: formatMoney(costs.profit),
      otherCosts: formatMoney(costs.otherCosts),
    },
    content,
    contentIfUndecidedOriginate: formatShare(shareOf(high, price)),
    shortfall,
    sentence:
      status === 'UNKNOWN'
        ? `RVC build-up = (${terms}) / ${basis} ${formatMoney(price)} = ${content}% < ${thresholdText}%, but ${formatShare(shareOf(high, price))}% if the undecided sub-assemblies (${formatMoney(facts.unknownValue)}) originate: undecided`
        : `RVC build-up = (${terms}) / ${basis} ${formatMoney(price)} = ${content}% ${status === 'MET' ? '≥' : '<'} ${thresholdText}%${undecided ? ` (undecided sub-assemblies ${formatMoney(facts.unknownValue)} not counted)` : ''}`,
    advice:
      status === 'MET'
        ? []
        : [
            advise(
              'raise_originating_value',
              `Originating value and costs must rise by ${shortfall} (to ${formatMoney(needed)}) to reach RVC ${thresholdText}% build-up.`,
              [],
              shortfall,
            ),
          ],
  };
}

function maxNonOriginating(
  rule: MaxNonOriginatingRule,
  facts: OriginFacts,
  text: string,
): MaxNonOriginatingEvaluation {
  const limit = toBasisPoints(rule.percent);
  const price = rule.basis === 'FOB' ? facts.product.fob : facts.product.exWorks;
  const low = facts.nonOriginatingValue;
  const high = low + facts.unknownValue;
  const limitText = formatThreshold(limit);
  if (price <= 0)
    return {
      kind: 'MAXNOM',
      rule: text,
      basis: rule.basis,
      limit: limitText,
      price: formatMoney(price),
      nonOriginatingValue: formatMoney(high),
      status: 'UNKNOWN',
      share: null,
      excess: null,
      sentence: `${text}: undecided: the ${rule.basis} price is 0`,
      advice: [advise('declare_price', `Give the ${rule.basis} price.`)],
    };
  const status: OriginStatus = shareAtMost(high, price, limit)
    ? 'MET'
    : shareAtMost(low, price, limit)
      ? 'UNKNOWN'
      : 'NOT_MET';
  const allowed = largestPartWithin(price, limit);
  const excess = status === 'MET' ? null : formatMoney(high - allowed);
  const share = formatShare(shareOf(high, price));
  return {
    kind: 'MAXNOM',
    rule: text,
    basis: rule.basis,
    limit: limitText,
    price: formatMoney(price),
    nonOriginatingValue: formatMoney(high),
    status,
    share,
    excess,
    sentence:
      status === 'UNKNOWN'
        ? `${text}: undecided: non-originating materials ${formatMoney(low)} = ${formatShare(shareOf(low, price))}% of ${rule.basis} ${formatMoney(price)} ≤ ${limitText}%, but ${formatMoney(high)} = ${share}% > ${limitText}% if the undecided sub-assemblies (${formatMoney(facts.unknownValue)}) do not originate`
        : `${text}: non-originating materials ${formatMoney(high)} = ${share}% of ${rule.basis} ${formatMoney(price)} ${status === 'MET' ? '≤' : '>'} ${limitText}%${facts.unknownValue ? ` (including undecided sub-assemblies ${formatMoney(facts.unknownValue)})` : ''}`,
    advice:
      status === 'MET'
        ? []
        : [
            advise(
              'reduce_non_originating_value',
              `Non-originating value must fall by ${excess} (to ${formatMoney(allowed)}) to stay within ${limitText}% of ${rule.basis}.`,
              [],
              excess,
            ),
          ],
  };
}

function weightLimit(rule: WeightRule, facts: OriginFacts, text: string): WeightEvaluation {
  const limit = toBasisPoints(rule.percent);
  const limitText = formatThreshold(limit);
  const counted = facts.materials.filter(
    (material) => material.inTariffChange && material.status !== 'originating',
  );
  const missing = counted.filter((material) => material.weight === null).map(refOf);
  const productWeight = facts.product.weight;
  if (missing.length || productWeight === null || productWeight <= 0)
    return {
      kind: 'WEIGHT',
      rule: text,
      limit: limitText,
      missingWeights: missing,
      status: 'UNKNOWN',
      productWeight: productWeight === null ? null : formatWeight(productWeight),
      nonOriginatingWeight: null,
      share: null,
      excess: null,
      sentence: `${text}: undecided: ${missing.length ? `the weight of ${namesOf(missing)} is not declared` : 'the product weight is not declared'}`,
      advice: [
        advise(
          'declare_weights',
          missing.length
            ? `Declare the weight of ${namesOf(missing)}.`
            : 'Declare the net weight of the product.',
          missing.map((material) => material.index),
        ),
      ],
    };
  let low = 0;
  let high = 0;
  for (const material of counted) {
    if (material.status === 'non_originating') low += material.weight!;
    high += material.weight!;
  }
  const status: OriginStatus = shareAtMost(high, productWeight, limit)
    ? 'MET'
    : shareAtMost(low, productWeight, limit)
      ? 'UNKNOWN'
      : 'NOT_MET';
  const allowed = largestPartWithin(productWeight, limit);
  const excess = status === 'MET' ? null : formatWeight(high - allowed);
  const share = formatShare(shareOf(high, productWeight));
  return {
    kind: 'WEIGHT',
    rule: text,
    limit: limitText,
    missingWeights: missing,
    status,
    productWeight: formatWeight(productWeight),
    nonOriginatingWeight: formatWeight(high),
    share,
    excess,
    sentence:
      status === 'UNKNOWN'
        ? `${text}: undecided: non-originating weight ${formatWeight(low)} kg = ${formatShare(shareOf(low, productWeight))}% of ${formatWeight(productWeight)} kg ≤ ${limitText}%, but ${formatWeight(high)} kg = ${share}% > ${limitText}% if the undecided sub-assemblies do not originate`
        : `${text}: non-originating weight ${formatWeight(high)} kg = ${share}% of ${formatWeight(productWeight)} kg ${status === 'MET' ? '≤' : '>'} ${limitText}%`,
    advice:
      status === 'MET'
        ? []
        : [
            advise(
              'reduce_non_originating_weight',
              `Non-originating weight must fall by ${excess} kg to stay within ${limitText}% of the net weight.`,
              [],
              excess,
            ),
          ],
  };
}

/** The leaf of an evaluation at a path of operand positions ("" is the root, "1.0" the first operand of the second). */
export function leafAt(evaluation: RuleEvaluation, path: readonly number[]): RuleEvaluation | undefined {
  let node: RuleEvaluation | undefined = evaluation;
  for (const step of path) {
    if (!node || (node.kind !== 'AND' && node.kind !== 'OR')) return undefined;
    node = node.operands[step];
  }
  return node;
}

/**
 * Whether counting the accumulated lines as non-originating could change a leaf's result: a cheap,
 * conservative test that spares running the rules a second time when the answer is plainly no.
 */
export function mayDependOnAccumulation(rule: LeafRule, facts: OriginFacts): boolean {
  const accumulated = facts.materials.filter((material) => material.byAccumulation);
  switch (rule.kind) {
    case 'WO':
    case 'PROCESS':
      return false;
    case 'PE':
      return accumulated.some((material) => material.inTariffChange || material.inValue);
    case 'CC':
    case 'CTH':
    case 'CTSH': {
      const prefix = facts.product.hsCode.slice(0, LEVEL_DIGITS[rule.kind]);
      return accumulated.some(
        (material) =>
          material.inTariffChange && tariffFailure(prefix, material.hsCode, rule.except, rule.from) !== null,
      );
    }
    case 'RVC':
    case 'MAXNOM':
      return accumulated.some((material) => material.inValue);
    case 'WEIGHT':
      return accumulated.some((material) => material.inTariffChange);
  }
}

/** Whether a leaf kind is a value test (its pass makes the certificate state the FOB value). */
export const isValueTest = (kind: LeafKind): boolean => kind === 'RVC' || kind === 'MAXNOM';
