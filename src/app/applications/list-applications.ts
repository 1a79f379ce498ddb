import type { Actor } from '../../domain/actor.js';
import { hasRole } from '../../domain/actor.js';
import type { Finding } from '../../domain/certificate-rules.js';
import type { ApplicationFilter, ApplicationRecord, ApplicationStatus, Deps } from '../ports.js';

/** A line of the applicant's list: enough to find an application again. */
export interface ApplicationSummary {
  id: string;
  enterpriseId: string;
  typeCode: string;
  status: ApplicationStatus;
  version: number;
  channel: ApplicationRecord['channel'];
  agencyId: string | null;
  destinationCountry: string;
  consigneeName: string;
  invoiceNumbers: string[];
  itemCount: number;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  warnings: Finding[] | null;
}

/**
 * Applications the actor may see, newest first: an enterprise's own (all channels, its agencies' too),
 * an agency's own, all for the customs administration. Officers work from the review queue (review issue).
 */
export async function listApplications(
  deps: Pick<Deps, 'store'>,
  actor: Actor,
  query: {
    status?: ApplicationStatus | undefined;
    typeCode?: string | undefined;
    before?: { updatedAt: string; id: string } | undefined;
    limit: number;
  },
): Promise<{ items: ApplicationSummary[]; next: { updatedAt: string; id: string } | null }> {
  const filter: ApplicationFilter = {
    status: query.status,
    typeCode: query.typeCode,
    before: query.before && { at: query.before.updatedAt, id: query.before.id },
    limit: query.limit + 1,
  };
  if (actor.kind === 'system' || hasRole(actor, 'customs_admin')) {
    // everything
  } else if (actor.orgKind === 'enterprise') {
    filter.enterpriseIds = [actor.orgId];
  } else if (actor.orgKind === 'agency' && hasRole(actor, 'agent_staff')) {
    filter.agencyId = actor.orgId;
  } else {
    return { items: [], next: null };
  }
  const rows = await deps.store.applications.list(filter);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((application) => ({
      id: application.id,
      enterpriseId: application.enterpriseId,
      typeCode: application.typeCode,
      status: application.status,
      version: application.version,
      channel: application.channel,
      agencyId: application.agencyId,
      destinationCountry: application.data.destinationCountry,
      consigneeName: application.data.consignee.name,
      invoiceNumbers: application.data.invoices.map((invoice) => invoice.number),
      itemCount: application.data.items.length,
      createdAt: application.createdAt,
      updatedAt: application.updatedAt,
      submittedAt: application.submittedAt,
      warnings: application.findings,
    })),
    next: rows.length > query.limit && last ? { updatedAt: last.updatedAt, id: last.id } : null,
  };
}
