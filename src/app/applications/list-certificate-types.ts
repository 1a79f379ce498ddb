import type { Actor } from '../../domain/actor.js';
import type { CertificateType } from '../../domain/certificate-types.js';
import { FIELD_RULES } from '../../domain/certificate-rules.js';
import type { HsEntry } from '../../domain/hs-nomenclature.js';
import { authorize } from '../../domain/policy.js';
import type { Deps } from '../ports.js';

/** The certificate types the authority issues, as their data files say, and the rules applied to them. */
export function listCertificateTypes(
  deps: Pick<Deps, 'certificateTypes'>,
  actor: Actor,
): { items: readonly CertificateType[]; rules: typeof FIELD_RULES } {
  authorize(actor, 'certificateType.read');
  return { items: deps.certificateTypes.list(), rules: FIELD_RULES };
}

/** HS 2022 headings and subheadings matching a code prefix or words of a description. */
export function searchHsCodes(deps: Pick<Deps, 'hs'>, actor: Actor, query: string, limit: number): HsEntry[] {
  authorize(actor, 'certificateType.read');
  return deps.hs.search(query, limit);
}
