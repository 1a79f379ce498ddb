import { seedDemoData } from '../../src/app/demo/seed-demo-data.js';
import type { Deps, OrganisationRecord } from '../../src/app/ports.js';
import type { Actor } from '../../src/domain/actor.js';
import { applicationInReview, goodApplication } from '../../test/support/applications.js';

/** The id of the `index`th application `seedApplicationsInReview` put in review. */
export const benchApplicationId = (index: number) => `bench-${String(index).padStart(6, '0')}`;

/**
 * Seeds the demo data, then puts `count` 10-item RCEP applications of the demo enterprise straight into
 * review, claimed by officer.wang of office 2200 at version 3 (how they got there is not what the approval
 * benchmarks measure). Returns that office and the officer as the actor who approves them.
 */
export async function seedApplicationsInReview(
  deps: Deps,
  count: number,
): Promise<{ office: OrganisationRecord; actor: Actor }> {
  await seedDemoData(deps, { kind: 'system', name: 'bench' });
  const { store } = deps;
  const office = (await store.organisations.findByCode('2200'))!;
  const enterprise = (await store.organisations.findByCode('91310115MA1K4B2X7G'))!;
  const officer = (await store.users.findByUsername('officer.wang'))!;
  const now = new Date().toISOString();
  const data = goodApplication('RC', 10);
  await store.transaction(async (tx) => {
    for (let index = 0; index < count; index++)
      await tx.applications.insert(
        applicationInReview(now, {
          id: benchApplicationId(index),
          enterpriseId: enterprise.id,
          officeId: office.id,
          data,
          createdBy: 'bench',
          reviewerId: officer.id,
        }),
      );
  });
  const actor: Actor = {
    kind: 'user',
    userId: officer.id,
    orgId: office.id,
    orgKind: 'office',
    roles: ['customs_officer'],
    officeIds: [office.id],
  };
  return { office, actor };
}
