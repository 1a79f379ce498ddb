import type { AgreementProfile } from './agreement-profile.js';
import { criterionCodeFor } from './agreement-profile.js';
import type { Assembly, BillOfMaterials, Material, MaterialRole, ProcessStep } from './bill-of-materials.js';
import { MAX_ASSEMBLY_DEPTH } from './bill-of-materials.js';
import type {
  Advice,
  LeafEvaluation,
  ProducedEntirelyEvaluation,
  RuleEvaluation,
  WhollyObtainedEvaluation,
} from './evaluate.js';
import {
  anyOf,
  evaluateRule,
  isValueTest,
  leafAt,
  mayDependOnAccumulation,
  producedEntirely,
  whollyObtained,
} from './evaluate.js';
import { formatHsCode, formatHsItem } from './hs-codes.js';
import { formatMoney, toCents, toGrams } from './money.js';
import type {
  MaterialBasis,
  MaterialStatus,
  OriginFacts,
  OriginStatus,
  ProductFacts,
  SubAssemblyOutcome,
} from './origin-facts.js';
import { buildOriginFacts, withoutAccumulation } from './origin-facts.js';
import type { LeafKind, Rule } from './rule-language.js';
import { printRule } from './rule-language.js';
import type { RuleTable } from './rule-table.js';
import { isDay, lookupRule } from './rule-table.js';

/**
 * The origin determination of a bill of materials under one agreement, or several side by side: whether
 * the product originates (or, for non-preferential origin, which country it originates in), every
 * criterion tried with its arithmetic, the rule used and where it comes from (a product-specific row, or
 * the general rule because no row exists), the minimal-operations check, the certificate's origin
 * criterion code (with ACU or DMI where the pass depends on them), whether the certificate states the FOB
 * value, and what would change the answer. It never throws: an unexpected failure becomes an UNKNOWN
 * result that says why.
 */

/** What a determination needs besides the bill. */
export interface OriginQuery {
  profile: AgreementProfile;
  /** The agreement's product-specific rules; null or absent when none are loaded. */
  table?: RuleTable | null;
  /** The day whose rules apply (shipment or application), YYYY-MM-DD. */
  date: string;
}

/** Which rule decided, and where it comes from. */
export interface RuleChoice {
  /** A product-specific row, the general rule (no row exists), or no rule at all. */
  source: 'product_specific' | 'general' | 'none';
  rule: string | null;
  row: {
    scope: string;
    document: string;
    page: string;
    version: string;
    validFrom: string;
    validTo: string | null;
    /** The row in the imported file. */
    tableRow: number;
  } | null;
  /** Less specific rows that also cover the product and were overridden ("85"). */
  overridden: string[];
  /** One plain sentence: which rule and why ("General rule used: no product-specific row ..."). */
  note: string;
}

/** Whether processing went beyond minimal operations (which never confer origin). */
export interface MinimalOperationsCheck {
  /** `not_declared`: no processing step given, so minimal operations cannot be ruled out. */
  status: 'substantial' | 'minimal_only' | 'not_declared' | 'not_applicable';
  /** Descriptions of the steps that are minimal operations under the agreement. */
  minimalSteps: string[];
  sentence: string;
}

/** The origin criterion to write on the certificate. */
export interface OriginCriterion {
  /** The main code ("CTC", "RVC", "PE"; Form E "CTH", "PSR"; China-Korea "WP"). */
  code: string;
  /** Codes only allowed beside the main one ("ACU", "DMI"). */
  supplementary: string[];
  /** As the box is filled: main code, then supplementary ones ("CTC ACU"). */
  text: string;
  /** The content reached, for forms that print it after the code (Form E "45%"); null otherwise. */
  percentage: string | null;
  /** The test that decided. */
  decidedBy: LeafKind;
  /** The pass depends on materials of other Parties. */
  accumulation: boolean;
  /** The pass depends on de minimis. */
  deMinimis: boolean;
}

/** How one line of the bill was counted. */
export interface MaterialOutcome {
  index: number;
  name: string;
  hsCode: string;
  role: MaterialRole;
  originCountry: string | null;
  status: MaterialStatus;
  basis: MaterialBasis;
  party: string | null;
  value: string;
  /** Value counted as non-originating (after deductions taken). */
  nonOriginatingValue: string;
  inTariffChange: boolean;
  inValue: boolean;
  /** Deductions not taken, and why. */
  deductionsRefused: Array<{ kind: string; amount: string; reason: string }>;
}

/** A sub-assembly's own determination, under the same agreement. */
export interface SubAssemblyDetermination {
  /** Its line in the parent's materials. */
  material: number;
  name: string;
  determination: OriginDetermination;
}

/** The whole answer for one agreement. */
export interface OriginDetermination {
  agreement: { id: string; names: { en: string; zh: string }; kind: 'preferential' | 'non_preferential' };
  product: { hsCode: string; name: string };
  date: string;
  /** MET: originating (non-preferential: of the exporting country's origin). */
  status: OriginStatus;
  originating: boolean | null;
  /** The country of origin: the exporting Party when originating; for non-preferential origin, the earlier country otherwise. */
  originCountry: string | null;
  /** One sentence a person reads first. */
  summary: string;
  rule: RuleChoice;
  whollyObtained: WhollyObtainedEvaluation | null;
  producedEntirely: ProducedEntirelyEvaluation | null;
  /** The product-specific or general rule, every branch with its arithmetic; null when no rule applies. */
  ruleEvaluation: RuleEvaluation | null;
  minimalOperations: MinimalOperationsCheck;
  /** Null when not originating, or for forms without a criterion box (non-preferential). */
  criterion: OriginCriterion | null;
  /** The certificate states the FOB value (a value-content criterion). */
  fobRequired: boolean;
  materials: MaterialOutcome[];
  subAssemblies: SubAssemblyDetermination[];
  /** What would change the answer; empty when originating. */
  advice: Advice[];
  /** Problems with the inputs or the engine itself (a table for another agreement, an unexpected error). */
  problems: string[];
}

/** Several agreements side by side, for the comparison screen. */
export interface OriginComparison {
  determinations: OriginDetermination[];
  rows: Array<{
    agreement: string;
    status: OriginStatus;
    originCountry: string | null;
    criterion: string | null;
    fobRequired: boolean;
    ruleSource: RuleChoice['source'];
  }>;
}

const MAX_WAYS = 32;

interface Run {
  facts: OriginFacts;
  whollyObtained: WhollyObtainedEvaluation;
  producedEntirely: ProducedEntirelyEvaluation;
  rule: RuleEvaluation | null;
  peStatus: OriginStatus;
  ruleStatus: OriginStatus;
  status: OriginStatus;
}

function chooseRule(
  hsCode: string,
  query: OriginQuery,
  problems: string[],
): { choice: RuleChoice; tree: Rule | null } {
  const { profile, date } = query;
  let table = query.table ?? null;
  if (table && table.agreement !== profile.id) {
    problems.push(`The rule table given is for ${table.agreement}, not ${profile.id}; it was not used.`);
    table = null;
  }
  const found = table ? lookupRule(table, hsCode, date) : null;
  const subheading = formatHsCode(hsCode.slice(0, 6));
  if (found) {
    const { row } = found;
    const scope = formatHsItem(row.scope);
    const choice: RuleChoice = {
      source: 'product_specific',
      rule: row.ruleText,
      row: {
        scope,
        document: row.source.document,
        page: row.source.page,
        version: row.source.version,
        validFrom: row.validFrom,
        validTo: row.validTo,
        tableRow: row.row,
      },
      overridden: found.overridden.map((other) => formatHsItem(other.scope)),
      note: `Product-specific rule for ${scope}: ${row.ruleText} (${row.source.document}, page ${row.source.page}, version ${row.source.version}).`,
    };
    return { choice, tree: row.rule };
  }
  const where = table
    ? `in the ${table.agreement} product-specific rules valid on ${date}`
    : `(no product-specific rules of ${profile.id} are loaded)`;
  if (profile.generalRuleTree) {
    const text = printRule(profile.generalRuleTree);
    const choice: RuleChoice = {
      source: 'general',
      rule: text,
      row: null,
      overridden: [],
      note: `General rule used: no product-specific row covers ${subheading} ${where}; the general rule of ${profile.id} is ${text}.`,
    };
    return { choice, tree: profile.generalRuleTree };
  }
  const choice: RuleChoice = {
    source: 'none',
    rule: null,
    row: null,
    overridden: [],
    note: `No rule: no product-specific row covers ${subheading} ${where}, and ${profile.id} has no general rule.`,
  };
  return { choice, tree: null };
}

function checkMinimalOperations(
  processes: readonly ProcessStep[],
  profile: AgreementProfile,
): MinimalOperationsCheck {
  if (profile.minimalOperations.length === 0)
    return {
      status: 'not_applicable',
      minimalSteps: [],
      sentence: `${profile.id} lists no minimal operations`,
    };
  if (processes.length === 0)
    return {
      status: 'not_declared',
      minimalSteps: [],
      sentence: 'No processing step is declared: minimal operations cannot be ruled out',
    };
  const minimalSteps = processes
    .filter(
      (step) => step.minimalOperation !== null && profile.minimalOperationCodes.has(step.minimalOperation),
    )
    .map((step) => step.description);
  if (minimalSteps.length === processes.length)
    return {
      status: 'minimal_only',
      minimalSteps,
      sentence: `Every processing step is a minimal operation (${minimalSteps.join('; ')}): under ${profile.id} such processing never confers origin`,
    };
  return {
    status: 'substantial',
    minimalSteps,
    sentence: `${processes.length - minimalSteps.length} of ${processes.length} processing steps go beyond minimal operations`,
  };
}

/** Minimal operations veto a pass: "minimal only" makes it fail, "not declared" makes it undecided. */
function vetoed(status: OriginStatus, check: MinimalOperationsCheck): OriginStatus {
  if (check.status === 'minimal_only') return 'NOT_MET';
  if (check.status === 'not_declared' && status === 'MET') return 'UNKNOWN';
  return status;
}

function runRules(facts: OriginFacts, tree: Rule | null, check: MinimalOperationsCheck): Run {
  const wo = whollyObtained(facts);
  const pe = producedEntirely(facts);
  const rule = tree ? evaluateRule(tree, facts) : null;
  // Produced entirely from the exporting Party's own materials keeps that origin whatever the processing;
  // with materials of other Parties it is origin conferred here, which minimal operations cannot do.
  const peStatus = pe.cumulated.length ? vetoed(pe.status, check) : pe.status;
  const ruleStatus = rule ? vetoed(rule.status, check) : 'UNKNOWN';
  return {
    facts,
    whollyObtained: wo,
    producedEntirely: pe,
    rule,
    peStatus,
    ruleStatus,
    status: anyOf([wo.status, peStatus, ruleStatus]),
  };
}

interface Way {
  leaves: LeafEvaluation[];
  paths: number[][];
}

/** The sets of leaves that each make the rule pass (an OR offers each operand's; an AND combines them). */
function waysOf(evaluation: RuleEvaluation, path: number[]): Way[] {
  if (evaluation.status !== 'MET') return [];
  if (evaluation.kind === 'OR')
    return evaluation.operands
      .flatMap((operand, index) => waysOf(operand, [...path, index]))
      .slice(0, MAX_WAYS);
  if (evaluation.kind === 'AND') {
    let ways: Way[] = [{ leaves: [], paths: [] }];
    evaluation.operands.forEach((operand, index) => {
      const options = waysOf(operand, [...path, index]);
      ways = ways
        .flatMap((way) =>
          options.map((option) => ({
            leaves: [...way.leaves, ...option.leaves],
            paths: [...way.paths, ...option.paths],
          })),
        )
        .slice(0, MAX_WAYS);
    });
    return ways;
  }
  // CombinedEvaluation carries both kinds in one interface, so the checks above cannot narrow it away.
  return [{ leaves: [evaluation as LeafEvaluation], paths: [path] }];
}

interface Candidate {
  decidedBy: LeafKind;
  decidingLeaf: LeafEvaluation | null;
  accumulation: boolean;
  /** Without the run without accumulation: whether this way might need it (decided by that run). */
  mayNeedAccumulation: boolean;
  deMinimis: boolean;
  valueContent: boolean;
  order: number;
}

/** How much a way of passing burdens the certificate: supplementary codes, then a disclosed FOB value. */
const costOf = (candidate: Candidate) =>
  (candidate.accumulation ? 2 : 0) + (candidate.deMinimis ? 2 : 0) + (candidate.valueContent ? 1 : 0);

const usesDeMinimis = (leaves: readonly (RuleEvaluation | undefined)[]) =>
  leaves.some((leaf) => leaf !== undefined && 'usedDeMinimis' in leaf && leaf.usedDeMinimis);

/** The leaf of a rule tree at a path of operand positions (the same path as in its evaluation). */
function ruleAt(rule: Rule, path: readonly number[]): Rule | undefined {
  let node: Rule | undefined = rule;
  for (const step of path)
    node = node && (node.kind === 'AND' || node.kind === 'OR') ? node.operands[step] : undefined;
  return node;
}

/**
 * The ways the product passes. Given the run without accumulation, each way knows exactly whether it
 * needs accumulation; without it, a way is only marked when accumulated lines could matter to it.
 */
function candidatesOf(run: Run, ways: readonly Way[], tree: Rule | null, plain: Run | null): Candidate[] {
  const candidates: Candidate[] = [];
  if (run.whollyObtained.status === 'MET')
    candidates.push({
      decidedBy: 'WO',
      decidingLeaf: null,
      accumulation: false,
      mayNeedAccumulation: false,
      deMinimis: false,
      valueContent: false,
      order: 0,
    });
  if (run.peStatus === 'MET') {
    // Without accumulation its accumulated lines are non-originating, so PE would fail: exact without a run.
    const accumulation = run.producedEntirely.cumulated.length > 0;
    candidates.push({
      decidedBy: 'PE',
      decidingLeaf: null,
      accumulation,
      mayNeedAccumulation: accumulation,
      deMinimis: false,
      valueContent: false,
      order: 1,
    });
  }
  ways.forEach((way, index) => {
    const plainLeaves = plain?.rule ? way.paths.map((path) => leafAt(plain.rule!, path)) : null;
    const accumulation =
      plain !== null && (plain.ruleStatus !== 'MET' || !plainLeaves!.every((leaf) => leaf?.status === 'MET'));
    const mayNeedAccumulation =
      plain !== null
        ? accumulation
        : run.facts.cumulated > 0 &&
          way.paths.some((path) => {
            const leaf = tree ? ruleAt(tree, path) : undefined;
            return (
              leaf === undefined ||
              leaf.kind === 'AND' ||
              leaf.kind === 'OR' ||
              mayDependOnAccumulation(leaf, run.facts)
            );
          });
    const valueLeaf = way.leaves.find((leaf) => isValueTest(leaf.kind));
    const deciding = valueLeaf ?? way.leaves[0]!;
    candidates.push({
      decidedBy: deciding.kind,
      decidingLeaf: deciding,
      accumulation,
      mayNeedAccumulation,
      deMinimis: accumulation || !plainLeaves ? usesDeMinimis(way.leaves) : usesDeMinimis(plainLeaves),
      valueContent: valueLeaf !== undefined,
      order: 2 + index,
    });
  });
  return candidates.sort((a, b) => costOf(a) - costOf(b) || a.order - b.order);
}

/**
 * The criterion for the certificate, from the ways the product passes: the one needing the fewest
 * supplementary codes (ACU, DMI), then one that does not disclose the FOB value, then WO, PE, the rule's
 * operands in order. A way that includes a value test is written with that test's code. Whether a way
 * needs accumulation is decided by running the rules again without it, only when the best way might.
 */
function chooseCriterion(
  run: Run,
  tree: Rule | null,
  check: MinimalOperationsCheck,
  choice: RuleChoice,
  profile: AgreementProfile,
  problems: string[],
): OriginCriterion | null {
  if (!profile.criteria || run.status !== 'MET') return null;
  const ways = run.rule && run.ruleStatus === 'MET' ? waysOf(run.rule, []) : [];
  let candidates = candidatesOf(run, ways, tree, null);
  if (candidates[0]?.mayNeedAccumulation) {
    const withoutOthers = withoutAccumulation(run.facts);
    if (withoutOthers) candidates = candidatesOf(run, ways, tree, runRules(withoutOthers, tree, check));
  }
  const best = candidates[0];
  if (!best) return null;
  const source = choice.source === 'general' ? 'general' : 'product_specific';
  const code = criterionCodeFor(profile, source, best.decidedBy);
  if (code === null) {
    problems.push(
      `${profile.id} names no origin criterion code for a pass by ${best.decidedBy}; an officer chooses it.`,
    );
    return null;
  }
  const supplementary: string[] = [];
  if (best.accumulation && profile.criteria.accumulation) supplementary.push(profile.criteria.accumulation);
  if (best.deMinimis && profile.criteria.deMinimis) supplementary.push(profile.criteria.deMinimis);
  const leaf = best.decidingLeaf;
  const percentage =
    profile.criteria.withPercentage.includes(code) && leaf?.kind === 'RVC' && leaf.content !== null
      ? `${leaf.content.split('.')[0]}%`
      : null;
  return {
    code,
    supplementary,
    text: [code, ...supplementary].join(' '),
    percentage,
    decidedBy: best.decidedBy,
    accumulation: best.accumulation,
    deMinimis: best.deMinimis,
  };
}

/** For non-preferential origin without transformation: the material whose country the good keeps. */
function mainNonOriginatingMaterial(run: Run): OriginFacts['materials'][number] | null {
  const breaking = new Set<number>();
  const collect = (evaluation: RuleEvaluation | null) => {
    if (!evaluation) return;
    if (evaluation.kind === 'AND' || evaluation.kind === 'OR') evaluation.operands.forEach(collect);
    else if ('breaking' in evaluation) for (const check of evaluation.breaking) breaking.add(check.index);
  };
  collect(run.rule);
  const pick = (candidates: OriginFacts['materials']) =>
    candidates.reduce<OriginFacts['materials'][number] | null>(
      (best, material) => (best === null || material.value > best.value ? material : best),
      null,
    );
  const nonOriginating = run.facts.materials.filter(
    (material) => material.status === 'non_originating' && material.inTariffChange,
  );
  return pick(nonOriginating.filter((material) => breaking.has(material.index))) ?? pick(nonOriginating);
}

function materialOutcomes(facts: OriginFacts): MaterialOutcome[] {
  return facts.materials.map((material) => {
    const value = formatMoney(material.value);
    return {
      index: material.index,
      name: material.name,
      hsCode: material.hsCode,
      role: material.role,
      originCountry: material.originCountry,
      status: material.status,
      basis: material.basis,
      party: material.party,
      value,
      nonOriginatingValue:
        material.nonOriginatingValue === material.value
          ? value
          : material.nonOriginatingValue === 0
            ? '0.00'
            : formatMoney(material.nonOriginatingValue),
      inTariffChange: material.inTariffChange,
      inValue: material.inValue,
      deductionsRefused:
        material.deductions.length === 0
          ? []
          : material.deductions
              .filter((deduction) => deduction.refused !== null)
              .map((deduction) => ({
                kind: deduction.kind,
                amount: formatMoney(deduction.amount),
                reason: deduction.refused!,
              })),
    };
  });
}

function collectAdvice(
  run: Run,
  check: MinimalOperationsCheck,
  choice: RuleChoice,
  profile: AgreementProfile,
  subAssemblies: readonly SubAssemblyDetermination[],
): Advice[] {
  const advice: Advice[] = [];
  if (check.status === 'minimal_only')
    advice.push({
      code: 'minimal_operations_only',
      message: `${check.sentence}; add the processing that actually takes place, or the product does not originate whatever its classification.`,
      materials: [],
      amount: null,
    });
  if (check.status === 'not_declared')
    advice.push({
      code: 'declare_processing',
      message:
        'Declare the processing steps: without them minimal operations (packing, marking...) cannot be ruled out.',
      materials: [],
      amount: null,
    });
  if (choice.source === 'none')
    advice.push({
      code: 'no_rule',
      message: `${choice.note} Import the product-specific rules of ${profile.id}.`,
      materials: [],
      amount: null,
    });
  if (run.rule) advice.push(...run.rule.advice);
  if (profile.kind === 'preferential' && profile.cumulation) {
    const unproven = run.facts.materials.filter(
      (material) => material.basis === 'no_proof' && (material.inTariffChange || material.inValue),
    );
    if (unproven.length)
      advice.push({
        code: 'prove_originating_status',
        message: `With proof of ${profile.id} origin, ${unproven
          .slice(0, 3)
          .map((material) => `"${material.name}" (${material.party})`)
          .join(
            ', ',
          )}${unproven.length > 3 ? ` and ${unproven.length - 3} more` : ''} would count as originating (accumulation).`,
        materials: unproven.map((material) => material.index),
        amount: null,
      });
  }
  for (const sub of subAssemblies)
    if (sub.determination.status === 'UNKNOWN')
      advice.push({
        code: 'sub_assembly_undecided',
        message: `The origin of sub-assembly "${sub.name}" is undecided: ${sub.determination.summary}`,
        materials: [sub.material],
        amount: null,
      });
  const seen = new Set<string>();
  return advice.filter((entry) => {
    const key = `${entry.code}|${entry.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function summarise(
  run: Run,
  profile: AgreementProfile,
  choice: RuleChoice,
  check: MinimalOperationsCheck,
  criterion: OriginCriterion | null,
  country: string | null,
  advice: readonly Advice[],
  main: OriginFacts['materials'][number] | null,
): string {
  const ruleText = choice.rule ?? 'no rule';
  const why = check.status === 'minimal_only' ? check.sentence : (run.rule?.sentence ?? choice.note);
  if (profile.kind === 'non_preferential') {
    if (run.status === 'MET')
      return `Country of origin ${country}: ${run.whollyObtained.status === 'MET' ? 'wholly obtained' : run.peStatus === 'MET' ? 'made from its own materials only' : `substantially transformed there (${ruleText} met)`}.`;
    if (run.status === 'UNKNOWN') return `Country of origin undecided: ${advice[0]?.message ?? why}`;
    const material = main
      ? `the main non-originating material "${main.name}" (${main.originCountry ?? 'origin undetermined'}, ${formatMoney(main.value)})`
      : 'the main non-originating material (none is declared)';
    return `Country of origin ${country ?? 'undetermined'}: no substantial transformation in ${profile.exportingParty} (${why}); origin stays with ${material}.`;
  }
  if (run.status === 'MET')
    return `Originating under ${profile.id}${criterion ? `: criterion ${criterion.text}${criterion.percentage ? ` ${criterion.percentage}` : ''}` : ''}${criterion && criterion.decidedBy !== 'WO' && criterion.decidedBy !== 'PE' ? ` by ${ruleText} (${choice.source === 'general' ? 'general rule' : `product-specific rule ${choice.row?.scope ?? ''}`})` : ''}.`;
  if (run.status === 'UNKNOWN') return `Undecided under ${profile.id}: ${advice[0]?.message ?? why}`;
  return `Not originating under ${profile.id}: ${why}.`;
}

interface Level {
  query: OriginQuery;
  depth: number;
}

function productOf(bill: BillOfMaterials): ProductFacts {
  return {
    hsCode: bill.product.hsCode,
    name: bill.product.names.en,
    fob: toCents(bill.product.fobPrice),
    exWorks: toCents(bill.product.exWorksPrice),
    weight: toGrams(bill.product.netWeightKg),
  };
}

/** A sub-assembly is priced at its value in the parent bill, for value content as for de minimis. */
function subProductOf(material: Material): ProductFacts {
  const value = toCents(material.value);
  return {
    hsCode: material.hsCode,
    name: material.name,
    fob: value,
    exWorks: value,
    weight: material.weightKg === null ? null : toGrams(material.weightKg),
  };
}

function determineAssembly(assembly: Assembly, product: ProductFacts, level: Level): OriginDetermination {
  const { query } = level;
  const { profile } = query;
  const problems: string[] = [];
  if (!isDay(query.date)) throw new Error(`the date "${query.date}" is not a day written YYYY-MM-DD`);
  // The schema limits nesting; this guards callers that skipped it (or handed in a cycle).
  if (level.depth > MAX_ASSEMBLY_DEPTH)
    throw new Error(`sub-assemblies nest deeper than ${MAX_ASSEMBLY_DEPTH} levels`);
  const { choice, tree } = chooseRule(product.hsCode, query, problems);
  const check = checkMinimalOperations(assembly.processes, profile);
  const subAssemblies: SubAssemblyDetermination[] = [];
  const outcomes: Array<SubAssemblyOutcome | undefined> = [];
  for (let index = 0; index < assembly.materials.length; index++) {
    const material = assembly.materials[index]!;
    if (!material.subAssembly) continue;
    const determination = determineSafely(material.subAssembly, subProductOf(material), {
      query,
      depth: level.depth + 1,
    });
    subAssemblies.push({ material: index, name: material.name, determination });
    outcomes[index] = {
      status: determination.status,
      country: determination.originCountry,
      accumulation: determination.criterion?.accumulation ?? false,
    };
  }
  const facts = buildOriginFacts(assembly, product, profile, { subAssemblies: outcomes });
  const run = runRules(facts, tree, check);
  const criterion = chooseCriterion(run, tree, check, choice, profile, problems);
  const main =
    profile.kind === 'non_preferential' && run.status === 'NOT_MET' ? mainNonOriginatingMaterial(run) : null;
  const originCountry =
    run.status === 'MET'
      ? profile.exportingParty
      : run.status === 'NOT_MET' && main
        ? main.originCountry
        : null;
  const advice = run.status === 'MET' ? [] : collectAdvice(run, check, choice, profile, subAssemblies);
  return {
    agreement: { id: profile.id, names: profile.names, kind: profile.kind },
    product: { hsCode: product.hsCode, name: product.name },
    date: query.date,
    status: run.status,
    originating: run.status === 'UNKNOWN' ? null : run.status === 'MET',
    originCountry: profile.kind === 'non_preferential' || run.status === 'MET' ? originCountry : null,
    summary: summarise(run, profile, choice, check, criterion, originCountry, advice, main),
    rule: choice,
    whollyObtained: run.whollyObtained,
    producedEntirely: run.producedEntirely,
    ruleEvaluation: run.rule,
    minimalOperations: check,
    criterion,
    fobRequired: criterion !== null && (profile.criteria?.valueContent.includes(criterion.code) ?? false),
    materials: materialOutcomes(facts),
    subAssemblies,
    advice,
    problems,
  };
}

/** The UNKNOWN answer for an input the engine could not evaluate, saying why. */
function failedDetermination(product: ProductFacts, query: OriginQuery, error: unknown): OriginDetermination {
  const reason = error instanceof Error ? error.message : String(error);
  // The query itself may be what is wrong: read it defensively, this answer must not throw.
  const given = query as Partial<OriginQuery> | null | undefined;
  const profile = given?.profile as Partial<AgreementProfile> | undefined;
  return {
    agreement: {
      id: profile?.id ?? '',
      names: profile?.names ?? { en: '', zh: '' },
      kind: profile?.kind ?? 'preferential',
    },
    product: { hsCode: product.hsCode, name: product.name },
    date: String(given?.date ?? ''),
    status: 'UNKNOWN',
    originating: null,
    originCountry: null,
    summary: `Undecided: the origin engine could not evaluate this bill (${reason}).`,
    rule: { source: 'none', rule: null, row: null, overridden: [], note: 'The rule was not chosen.' },
    whollyObtained: null,
    producedEntirely: null,
    ruleEvaluation: null,
    minimalOperations: { status: 'not_applicable', minimalSteps: [], sentence: 'Not checked.' },
    criterion: null,
    fobRequired: false,
    materials: [],
    subAssemblies: [],
    advice: [
      {
        code: 'needs_review',
        message: `The engine could not evaluate this bill (${reason}); an officer decides.`,
        materials: [],
        amount: null,
      },
    ],
    problems: [reason],
  };
}

function determineSafely(assembly: Assembly, product: ProductFacts, level: Level): OriginDetermination {
  try {
    return determineAssembly(assembly, product, level);
  } catch (error) {
    return failedDetermination(product, level.query, error);
  }
}

/** Determines the origin of a bill (checked by billOfMaterialsSchema) under one agreement; never throws. */
export function determineOrigin(bill: BillOfMaterials, query: OriginQuery): OriginDetermination {
  let product: ProductFacts;
  try {
    product = productOf(bill);
  } catch (error) {
    return failedDetermination({ hsCode: '', name: '', fob: 0, exWorks: 0, weight: null }, query, error);
  }
  return determineSafely(bill, product, { query, depth: 0 });
}

/** Determines the origin of a bill under several agreements, side by side; never throws. */
export function compareAgreements(bill: BillOfMaterials, queries: readonly OriginQuery[]): OriginComparison {
  const determinations = queries.map((query) => determineOrigin(bill, query));
  return {
    determinations,
    rows: determinations.map((determination) => ({
      agreement: determination.agreement.id,
      status: determination.status,
      originCountry: determination.originCountry,
      criterion: determination.criterion ? determination.criterion.text : null,
      fobRequired: determination.fobRequired,
      ruleSource: determination.rule.source,
    })),
  };
}
