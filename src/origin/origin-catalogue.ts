import type { HsNomenclature } from '../domain/hs-nomenclature.js';
import type { AgreementProfile } from './agreement-profile.js';
import { loadAgreementProfile } from './agreement-profile.js';
import type { OriginQuery } from './determine-origin.js';
import type { RuleTable, RuleTableResult } from './rule-table.js';
import { parseRuleTableCsv, parseRuleTableJson } from './rule-table.js';

/**
 * The origin data as a whole: every agreement profile (data/origin/agreements/*.json) with its shipped
 * product-specific rules (data/origin/psr/*). An adapter reads the files and hands their contents in;
 * this checks them all and refuses the set if any file is wrong, naming the file, so a server never
 * starts with half its origin rules.
 */

/** One agreement, ready to answer queries. */
export interface CatalogueEntry {
  profile: AgreementProfile;
  /** Its product-specific rules, or null when the profile names none. */
  table: RuleTable | null;
}

/** Every agreement by id. */
export interface OriginCatalogue {
  agreements: ReadonlyMap<string, CatalogueEntry>;
}

/** File contents as read by an adapter: JSON profiles already parsed, rule tables as text. */
export interface OriginDataFiles {
  /** `name` is the file name ("RCEP.json"); the profile's id must equal it without ".json". */
  agreements: Array<{ name: string; content: unknown }>;
  /** `name` is the file name under data/origin/psr ("rcep-sample.csv" or a ".json" table). */
  productSpecificRules: Array<{ name: string; content: string }>;
  /** When given, every HS scope in the tables must exist in it. */
  nomenclature?: HsNomenclature;
}

/** Checks and assembles the origin data; problems name the file (and row and column for tables). */
export function loadOriginCatalogue(
  files: OriginDataFiles,
): { ok: true; catalogue: OriginCatalogue } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const agreements = new Map<string, CatalogueEntry>();
  const tableTexts = new Map(files.productSpecificRules.map((file) => [file.name, file.content]));
  for (const file of files.agreements) {
    const loaded = loadAgreementProfile(file.content);
    if (!loaded.ok) {
      problems.push(...loaded.problems.map((problem) => `${file.name}: ${problem}`));
      continue;
    }
    const { profile } = loaded;
    if (`${profile.id}.json` !== file.name)
      problems.push(`${file.name}: id "${profile.id}" differs from the file name`);
    let table: RuleTable | null = null;
    if (profile.productSpecificRules !== null) {
      const name = profile.productSpecificRules;
      const text = tableTexts.get(name);
      if (text === undefined) {
        problems.push(`${file.name}: productSpecificRules names ${name}, which is not there`);
        continue;
      }
      const options = {
        agreement: profile.id,
        ...(files.nomenclature ? { nomenclature: files.nomenclature } : {}),
      };
      const parsed: RuleTableResult = name.endsWith('.json')
        ? parseRuleTableJson(text, options)
        : parseRuleTableCsv(text, options);
      if (!parsed.ok) {
        problems.push(
          ...parsed.problems.map(
            (problem) =>
              `${name}: row ${problem.row}${problem.column ? `, ${problem.column}` : ''}: ${problem.message}`,
          ),
        );
        continue;
      }
      table = parsed.table;
    }
    if (agreements.has(profile.id)) problems.push(`${file.name}: agreement ${profile.id} is defined twice`);
    agreements.set(profile.id, { profile, table });
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, catalogue: { agreements } };
}

/** The query for an agreement of the catalogue on a day; null when the catalogue has no such agreement. */
export function queryFor(catalogue: OriginCatalogue, agreement: string, date: string): OriginQuery | null {
  const entry = catalogue.agreements.get(agreement);
  return entry ? { profile: entry.profile, table: entry.table, date } : null;
}

/** The agreement whose certificates are of this type (RC → RCEP, C → NONPREFERENTIAL), or null. */
export function agreementForCertificateType(catalogue: OriginCatalogue, typeCode: string): string | null {
  for (const [id, entry] of catalogue.agreements)
    if (entry.profile.certificateTypes.includes(typeCode)) return id;
  return null;
}
