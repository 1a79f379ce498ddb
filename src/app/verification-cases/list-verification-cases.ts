import type { Actor } from '../../domain/actor.js';
import { actorLabel, hasRole } from '../../domain/actor.js';
import { activeCertificateTypes, chinaDate } from '../../domain/agent-authorisation.js';
import { DomainError } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import type { CaseStatus, SupervisionDashboard } from '../../domain/verification-case.js';
import { superviseCases } from '../../domain/verification-case.js';
import type { Deps, EvidenceRequestRecord, VerificationCaseFilter } from '../ports.js';
import { userIdOf } from '../review/decide.js';
import { loadCaseForParty } from './access.js';
import type { VerificationCaseView } from './case-view.js';
import { withOwnerNames } from './case-view.js';

type Query = {
  status?: CaseStatus | undefined;
  typeCode?: string | undefined;
  enterpriseId?: string | undefined;
  officeId?: string | undefined;
  openedFrom?: string | undefined;
  openedTo?: string | undefined;
  /** `unowned`: cases nobody has taken; `mine`: the caller's own (an officer). */
  owner?: 'unowned' | 'mine' | undefined;
};

/**
 * The cases the caller may see, narrowed by the query: officers their offices', an enterprise its own,
 * agent staff those naming a certificate their agency applied for (of an enterprise and type it is
 * authorised for today). Null when the caller may see none.
 */
async function visibleFilter(
  deps: Pick<Deps, 'store' | 'clock'>,
  actor: Actor,
  query: Query,
  limit: number,
): Promise<VerificationCaseFilter | null> {
  const filter: VerificationCaseFilter = {
    status: query.status,
    typeCode: query.typeCode,
    enterpriseId: query.enterpriseId,
    openedFrom: query.openedFrom,
    openedTo: query.openedTo,
    ownerId: query.owner === 'unowned' ? null : undefined,
    limit,
  };
  if (query.owner === 'mine') {
    const me = userIdOf(actor);
    if (!me) return null; // nobody but a person owns a case
    filter.ownerId = me;
  }
  if (actor.kind === 'system' || hasRole(actor, 'customs_admin'))
    return { ...filter, officeIds: query.officeId ? [query.officeId] : undefined };
  if (hasRole(actor, 'customs_officer')) {
    const offices = query.officeId
      ? actor.officeIds.filter((office) => office === query.officeId)
      : actor.officeIds;
    return { ...filter, officeIds: offices };
  }
  authorize(actor, 'verificationCase.read', { orgId: actor.orgId, orgKind: actor.orgKind });
  if (actor.orgKind === 'enterprise') return { ...filter, enterpriseId: actor.orgId };
  if (actor.orgKind === 'agency' && hasRole(actor, 'agent_staff')) {
    const today = chinaDate(deps.clock.now());
    const held = await deps.store.agentAuthorisations.listByAgency(actor.orgId);
    const enterprises = [...new Set(held.map((authorisation) => authorisation.enterpriseId))];
    return {
      ...filter,
      agency: {
        agencyId: actor.orgId,
        authorised: enterprises.map((enterpriseId) => ({
          enterpriseId,
          typeCodes: activeCertificateTypes(
            held.filter((authorisation) => authorisation.enterpriseId === enterpriseId),
            today,
          ),
        })),
      },
    };
  }
  return null;
}

/** Verification cases the caller may see, newest first, a page at a time (`next` is the cursor). */
export async function listVerificationCases(
  deps: Pick<Deps, 'store' | 'clock'>,
  actor: Actor,
  query: Query & { before?: { openedAt: string; id: string } | undefined; limit: number },
): Promise<{ items: VerificationCaseView[]; next: { openedAt: string; id: string } | null }> {
  const filter = await visibleFilter(deps, actor, query, query.limit + 1);
  if (!filter) return { items: [], next: null };
  const rows = await deps.store.verificationCases.list({ ...filter, before: query.before });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: await withOwnerNames(deps, page),
    next: rows.length > query.limit && last ? { openedAt: last.openedAt, id: last.id } : null,
  };
}

/** One case, for its enterprise (or the agency of one of its certificates), its office, administrators. */
export async function getVerificationCase(
  deps: Pick<Deps, 'store' | 'clock'>,
  actor: Actor,
  id: string,
): Promise<VerificationCaseView> {
  const found = await loadCaseForParty(deps, actor, id, false);
  return (await withOwnerNames(deps, [found]))[0]!;
}

/**
 * The supervision dashboard: open cases by age and by how soon the reply is due, outcomes by certificate
 * type and enterprise, and requests for evidence overdue or escalated, for the caller's offices (customs).
 */
export async function supervisionDashboard(
  deps: Pick<Deps, 'store' | 'clock'>,
  actor: Actor,
  query: Query,
): Promise<SupervisionDashboard & { overdueRequests: EvidenceRequestRecord[]; cases: number }> {
  if (!(actor.kind === 'system' || hasRole(actor, 'customs_admin') || hasRole(actor, 'customs_officer')))
    throw new DomainError('FORBIDDEN', 'The supervision dashboard is for customs.', [], {
      permission: 'verificationCase.manage',
      actor: actorLabel(actor),
    });
  const today = chinaDate(deps.clock.now());
  const filter = await visibleFilter(deps, actor, query, 10_000);
  const cases = filter ? await deps.store.verificationCases.list(filter) : [];
  const counts = superviseCases(
    cases.map((entry) => ({
      status: entry.status,
      outcome: entry.outcome,
      openedOn: entry.openedOn,
      replyDue: entry.replyDue,
      typeCodes: entry.certificates.map((certificate) => certificate.typeCode),
      enterpriseId: entry.enterpriseId,
    })),
    today,
  );
  const officeIds =
    actor.kind === 'system' || hasRole(actor, 'customs_admin')
      ? query.officeId
        ? [query.officeId]
        : undefined
      : actor.officeIds.filter((office) => !query.officeId || office === query.officeId);
  const open = await deps.store.evidenceRequests.list({ officeIds, status: 'open', limit: 1000 });
  const overdueRequests = open.filter(
    (request) =>
      request.deadline < today && (!query.enterpriseId || request.enterpriseId === query.enterpriseId),
  );
  return { ...counts, overdueRequests, cases: cases.length };
}
