import type { Actor } from '../../domain/actor.js';
import { actorLabel } from '../../domain/actor.js';
import { DomainError } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import type { RuleTable } from '../../origin/rule-table.js';
import {
  describeRuleTableDiff,
  diffRuleTables,
  parseRuleTableCsv,
  parseRuleTableJson,
} from '../../origin/rule-table.js';
import type { Deps, RuleTableRecord } from '../ports.js';
import { newId } from '../tokens.js';

/** Parses a stored or uploaded table for its agreement; problems name the row and column. */
function parseTable(deps: Pick<Deps, 'hs'>, agreement: string, format: 'csv' | 'json', content: string) {
  const options = { agreement, nomenclature: deps.hs };
  return format === 'csv' ? parseRuleTableCsv(content, options) : parseRuleTableJson(content, options);
}

const parsedTables = new Map<string, RuleTable>();

/**
 * The product-specific rules in force for an agreement: the active imported version when there is one,
 * otherwise the table shipped in data/origin (or none). Parsed tables are kept by version id.
 */
export async function tableInForce(
  deps: Pick<Deps, 'store' | 'origin' | 'hs'>,
  agreement: string,
): Promise<{ table: RuleTable | null; version: RuleTableRecord | null }> {
  const active = await deps.store.ruleTables.active(agreement);
  if (!active) return { table: deps.origin.agreements.get(agreement)?.table ?? null, version: null };
  let table = parsedTables.get(active.id);
  if (!table) {
    const parsed = parseTable(deps, agreement, active.format, active.content);
    if (!parsed.ok) throw new Error(`stored rule table ${active.id} no longer parses`);
    table = parsed.table;
    parsedTables.set(active.id, table);
  }
  return { table, version: active };
}

/**
 * The customs administration imports a product-specific rule table (CSV or JSON: HS scope, rule text,
 * source document, page, version, valid from and to). Every row is checked (rule text parsed, HS codes in
 * HS 2022); a wrong table is refused with row and column and nothing is stored. A good one is stored as a
 * pending version with its diff against the table in force, to be read before activation.
 */
export async function importRuleTable(
  deps: Pick<Deps, 'store' | 'clock' | 'origin' | 'hs'>,
  actor: Actor,
  input: { agreement: string; format: 'csv' | 'json'; content: string; sourceName: string },
): Promise<RuleTableRecord> {
  authorize(actor, 'origin.manageRules');
  if (!deps.origin.agreements.has(input.agreement))
    throw new DomainError('VALIDATION_FAILED', `No agreement ${input.agreement}.`, [
      {
        path: 'agreement',
        code: 'unknown_agreement',
        message: `Choose one of ${[...deps.origin.agreements.keys()].join(', ')}.`,
      },
    ]);
  const parsed = parseTable(deps, input.agreement, input.format, input.content);
  if (!parsed.ok)
    throw new DomainError(
      'VALIDATION_FAILED',
      `The table has ${parsed.problems.length} problem(s); nothing was imported.`,
      parsed.problems.slice(0, 200).map((problem) => ({
        path: `row ${problem.row}${problem.column ? `, ${problem.column}` : ''}`,
        code: 'invalid_row',
        message: problem.message,
      })),
    );
  const { table: current } = await tableInForce(deps, input.agreement);
  const diff = current
    ? diffRuleTables(current, parsed.table)
    : { added: [...parsed.table.rows], removed: [], changed: [], unchanged: 0 };
  const at = deps.clock.now().toISOString();
  return deps.store.transaction(async (tx) => {
    const record: RuleTableRecord = {
      id: newId(),
      agreement: input.agreement,
      version: (await tx.ruleTables.latestVersion(input.agreement)) + 1,
      sourceName: input.sourceName,
      format: input.format,
      content: input.content,
      rowCount: parsed.table.rows.length,
      status: 'pending',
      diff: {
        added: diff.added.length,
        removed: diff.removed.length,
        changed: diff.changed.length,
        unchanged: diff.unchanged,
        lines: describeRuleTableDiff(diff).slice(0, 1000),
      },
      importedBy: actorLabel(actor),
      importedAt: at,
      activatedBy: null,
      activatedAt: null,
    };
    await tx.ruleTables.insert(record);
    await tx.audit.append(actor, at, {
      type: 'rule_table.imported',
      subjectType: 'rule_table',
      subjectId: record.id,
      data: { agreement: record.agreement, version: record.version, rows: record.rowCount },
    });
    return record;
  });
}

/** Puts a pending version in force; the one before it is superseded. Evaluations use it at once. */
export async function activateRuleTable(
  deps: Pick<Deps, 'store' | 'clock'>,
  actor: Actor,
  id: string,
): Promise<RuleTableRecord> {
  authorize(actor, 'origin.manageRules');
  const at = deps.clock.now().toISOString();
  return deps.store.transaction(async (tx) => {
    const table = await tx.ruleTables.findById(id);
    if (!table) throw new DomainError('NOT_FOUND', 'No such rule table.');
    if (table.status !== 'pending')
      throw new DomainError(
        'CONFLICT',
        `Version ${table.version} is ${table.status}; only a pending version is activated.`,
      );
    const previous = await tx.ruleTables.active(table.agreement);
    if (previous) await tx.ruleTables.setStatus(previous.id, 'superseded');
    await tx.ruleTables.setStatus(table.id, 'active', { by: actorLabel(actor), at });
    await tx.audit.append(actor, at, {
      type: 'rule_table.activated',
      subjectType: 'rule_table',
      subjectId: table.id,
      data: { agreement: table.agreement, version: table.version, replaced: previous?.version ?? null },
    });
    return { ...table, status: 'active' as const, activatedBy: actorLabel(actor), activatedAt: at };
  });
}

/** The imported versions of an agreement's table, newest first (without their content). */
export async function listRuleTables(
  deps: Pick<Deps, 'store'>,
  actor: Actor,
  agreement: string,
): Promise<Array<Omit<RuleTableRecord, 'content'>>> {
  authorize(actor, 'origin.evaluate');
  return (await deps.store.ruleTables.list(agreement)).map(({ content: _content, ...rest }) => rest);
}
