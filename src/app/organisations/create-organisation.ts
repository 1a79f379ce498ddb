import type { Actor } from '../../domain/actor.js';
import type { FieldProblem } from '../../domain/errors.js';
import { DomainError } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import type { OrganisationKind } from '../../domain/roles.js';
import type { Deps, OrganisationRecord } from '../ports.js';
import { newId } from '../tokens.js';

export interface CreateOrganisationInput {
  kind: OrganisationKind;
  parentId: string | null;
  code: string | null;
  nameEn: string;
  nameZh: string;
}

/** What each kind of organisation hangs under: offices under the authority, the rest under an office. */
const PARENT_KIND: Record<OrganisationKind, OrganisationKind | null> = {
  authority: null,
  office: 'authority',
  enterprise: 'office',
  agency: 'office',
};

/** Creates an issuing authority, an office, an enterprise or an agency. */
export async function createOrganisation(
  deps: Pick<Deps, 'store' | 'clock'>,
  actor: Actor,
  input: CreateOrganisationInput,
): Promise<OrganisationRecord> {
  authorize(actor, 'organisation.create');
  const { store } = deps;
  const problems: FieldProblem[] = [];
  const parentKind = PARENT_KIND[input.kind];
  if (parentKind === null) {
    if (input.parentId)
      problems.push({ path: 'parentId', code: 'not_allowed', message: 'An authority has no parent.' });
    if ((await store.organisations.list({ kind: 'authority' })).length > 0) {
      problems.push({
        path: 'kind',
        code: 'authority_exists',
        message: 'There is already an issuing authority.',
      });
    }
  } else {
    const parent = input.parentId ? await store.organisations.findById(input.parentId) : undefined;
    if (!parent || parent.kind !== parentKind) {
      problems.push({
        path: 'parentId',
        code: 'invalid_parent',
        message: `An ${input.kind === 'office' ? 'office' : input.kind} belongs to ${parentKind === 'office' ? 'an issuing office' : 'the issuing authority'}; give its id.`,
      });
    }
  }
  const code = input.code?.trim() || null;
  if (code && (await store.organisations.findByCode(code))) {
    problems.push({ path: 'code', code: 'taken', message: `The code ${code} is already used.` });
  }
  if (problems.length)
    throw new DomainError('VALIDATION_FAILED', 'The organisation cannot be created as given.', problems);

  const organisation: OrganisationRecord = {
    id: newId(),
    kind: input.kind,
    parentId: input.parentId,
    code,
    nameEn: input.nameEn.trim(),
    nameZh: input.nameZh.trim(),
    createdAt: deps.clock.now().toISOString(),
  };
  await store.transaction(async (tx) => {
    await tx.organisations.insert(organisation);
    await tx.audit.append(actor, organisation.createdAt, {
      type: 'organisation.created',
      subjectType: 'organisation',
      subjectId: organisation.id,
      data: { kind: organisation.kind, code, nameEn: organisation.nameEn, parentId: organisation.parentId },
    });
  });
  return organisation;
}
