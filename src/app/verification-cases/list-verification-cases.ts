import type { Actor } from '../../domain/actor.js';
import { actorLabel, hasRole } from '../../domain/actor.js';
import { chinaDate } from '../../domain/agent-authorisation.js';
import { DomainError } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import type { CaseStatus, SupervisionDashboard } from '../../domain/verification-case.js';
import { superviseCases } from '../../domain/verification-case.js';
import type {
  Deps,
  EvidenceRequestRecord,
  VerificationCaseFilter,
  VerificationCaseRecord,
} from '../ports.js';
import { loadCaseForParty } from './access.js';

type Query = {
  status?: CaseStatus | undefined;
  typeCode?: string | undefined;
  enterpriseId?: string | undefined;
  officeId?: string | undefined;
  openedFrom?: string | undefined;
  openedTo?: string | undefined;
};

/** The cases the caller may see, narrowed by the query: officers their offices', an enterprise its own. */
async function visibleCases(
  deps: Pick<Deps, 'store'>,
  actor: Actor,
  query: Query,
  limit: number,
): Promise<VerificationCaseRecord[]> {
  const filter: VerificationCaseFilter = {
    status: query.status,
    typeCode: query.typeCode,
    enterpriseId: query.enterpriseId,
    openedFrom: query.openedFrom,
    openedTo: query.openedTo,
    limit,
  };
  if (actor.kind === 'system' || hasRole(actor, 'customs_admin'))
    return deps.store.verificationCases.list({
      ...filter,
      officeIds: query.officeId ? [query.officeId] : undefined,
    });
  if (hasRole(actor, 'customs_officer')) {
    const offices = query.officeId
      ? actor.officeIds.filter((office) => office === query.officeId)
      : actor.officeIds;
    return deps.store.verificationCases.list({ ...filter, officeIds: offices });
  }
  authorize(actor, 'verificationCase.read', { orgId: actor.orgId, orgKind: actor.orgKind });
  if (actor.orgKind !== 'enterprise') return [];
  return deps.store.verificationCases.list({ ...filter, enterpriseId: actor.orgId });
}

/** Verification cases the caller may see, newest first. */
export async function listVerificationCases(
  deps: Pick<Deps, 'store'>,
  actor: Actor,
  query: Query,
): Promise<VerificationCaseRecord[]> {
  return visibleCases(deps, actor, query, 500);
}

/** One case, for its enterprise (or the agency of one of its certificates), its office, administrators. */
export async function getVerificationCase(
  deps: Pick<Deps, 'store' | 'clock'>,
  actor: Actor,
  id: string,
): Promise<VerificationCaseRecord> {
  return loadCaseForParty(deps, actor, id, false);
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
  const cases = await visibleCases(deps, actor, query, 10_000);
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
