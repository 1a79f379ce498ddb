import type { Actor } from '../../domain/actor.js';
import { actorLabel } from '../../domain/actor.js';
import { DomainError } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import { parseBillOfMaterials } from '../../origin/bill-of-materials.js';
import { evaluateOrigin } from '../origin/evaluate-origin.js';
import { scopeOfOrganisation } from '../organisations/access.js';
import type { Deps, PreReviewRecord } from '../ports.js';
import { newId } from '../tokens.js';
import type { PreReviewView } from './access.js';
import { viewOf } from './access.js';

/**
 * The producer submits a product for advance origin verification: its bill of materials and the
 * agreements it will export under. The engine's answer is kept with it for the officer of the
 * enterprise's office, who replies within two days.
 */
export async function submitPreReview(
  deps: Pick<Deps, 'store' | 'clock' | 'origin' | 'hs'>,
  actor: Actor,
  input: { enterpriseId?: string | undefined; bill: unknown; agreements: string[] },
): Promise<PreReviewView> {
  const enterpriseId = input.enterpriseId ?? (actor.kind === 'system' ? '' : actor.orgId);
  const enterprise = await deps.store.organisations.findById(enterpriseId);
  authorize(
    actor,
    'preReview.submit',
    enterprise ? scopeOfOrganisation(enterprise) : { orgId: enterpriseId },
  );
  if (!enterprise) throw new DomainError('NOT_FOUND', 'No such enterprise.');
  if (enterprise.kind !== 'enterprise')
    throw new DomainError('VALIDATION_FAILED', 'Only an enterprise submits products for pre-review.', [
      { path: 'enterpriseId', code: 'not_an_enterprise', message: 'Choose the producing enterprise.' },
    ]);
  const agreements = [...new Set(input.agreements)];
  // Checks the bill and the agreements with the engine's own messages (paths "bill.…", "agreements.N").
  const evaluation = await evaluateOrigin(deps, actor, { bill: input.bill, agreements });
  const parsed = parseBillOfMaterials(input.bill);
  if (!parsed.ok) throw new Error('a bill the engine evaluated no longer parses');
  const profile = await deps.store.enterpriseProfiles.find(enterprise.id);
  const officeId = profile?.data.affiliatedOfficeId ?? enterprise.parentId;
  if (!officeId)
    throw new DomainError('VALIDATION_FAILED', 'The enterprise belongs to no customs office yet.', [
      {
        path: 'enterpriseId',
        code: 'no_office',
        message: 'Maintain the enterprise basic information (affiliated customs office) first.',
      },
    ]);
  const { product } = parsed.bill;
  const preReview: PreReviewRecord = {
    id: newId(),
    enterpriseId: enterprise.id,
    officeId,
    status: 'submitted',
    hsCode: product.hsCode,
    nameEn: product.names.en,
    nameZh: product.names.zh,
    model: product.model,
    agreements,
    bill: parsed.bill,
    evaluation: { determinations: evaluation.determinations, rows: evaluation.rows },
    evaluatedOn: evaluation.date,
    submittedBy: actorLabel(actor),
    submittedAt: deps.clock.now().toISOString(),
    decision: null,
    version: 1,
  };
  await deps.store.transaction(async (tx) => {
    await tx.preReviews.insert(preReview);
    await tx.audit.append(actor, preReview.submittedAt, {
      type: 'pre_review.submitted',
      subjectType: 'pre_review',
      subjectId: preReview.id,
      data: {
        hsCode: preReview.hsCode,
        agreements,
        engine: evaluation.rows.map((row) => `${row.agreement}: ${row.status}`),
      },
    });
  });
  return viewOf(deps, preReview);
}
