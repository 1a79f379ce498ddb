import type { Actor } from '../../domain/actor.js';
import { chinaDate } from '../../domain/agent-authorisation.js';
import { DomainError } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import { parseBillOfMaterials } from '../../origin/bill-of-materials.js';
import type { OriginComparison } from '../../origin/determine-origin.js';
import { compareAgreements } from '../../origin/determine-origin.js';
import { queryFor } from '../../origin/origin-catalogue.js';
import type { Deps } from '../ports.js';
import { tableInForce } from './rule-tables.js';

/**
 * Determines the origin of a product from its bill of materials under one or more agreements, side by
 * side: every branch tried with its arithmetic, the certificate's origin criterion, and what would change
 * the answer. Nothing is stored; any user may ask.
 */
export async function evaluateOrigin(
  deps: Pick<Deps, 'origin' | 'clock' | 'store' | 'hs'>,
  actor: Actor,
  input: { bill: unknown; agreements: string[]; date?: string | undefined },
): Promise<OriginComparison & { date: string }> {
  authorize(actor, 'origin.evaluate');
  const parsed = parseBillOfMaterials(input.bill);
  const problems = parsed.ok
    ? []
    : parsed.problems.map((problem) => ({
        path: `bill.${problem.path}`.replace(/\.$/, ''),
        code: 'invalid',
        message: problem.message,
      }));
  const date = input.date ?? chinaDate(deps.clock.now());
  const known = [...deps.origin.agreements.keys()];
  const queries = input.agreements.map((agreement, index) => {
    const query = queryFor(deps.origin, agreement, date);
    if (!query)
      problems.push({
        path: `agreements.${index}`,
        code: 'unknown_agreement',
        message: `No agreement ${agreement}; known: ${known.join(', ')}.`,
      });
    return query;
  });
  if (input.agreements.length === 0)
    problems.push({
      path: 'agreements',
      code: 'required',
      message: `Name at least one of ${known.join(', ')}.`,
    });
  if (!parsed.ok || problems.length)
    throw new DomainError(
      'VALIDATION_FAILED',
      'The bill of materials or the agreements cannot be evaluated.',
      problems,
    );
  // Imported rule tables in force replace the shipped ones.
  const inForce = await Promise.all(
    queries.map(async (query) =>
      query ? { ...query, table: (await tableInForce(deps, query.profile.id)).table } : null,
    ),
  );
  return {
    ...compareAgreements(
      parsed.bill,
      inForce.filter((query) => query !== null),
    ),
    date,
  };
}
