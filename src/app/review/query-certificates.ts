import type { Actor } from '../../domain/actor.js';
import { chinaDayEnd, chinaDayStart } from '../../domain/calendar-days.js';
import { hasRole } from '../../domain/actor.js';
import type { ApplicationFilter, ApplicationRecord, ApplicationStatus, Deps } from '../ports.js';
import { loadApplicationFor } from '../applications/access.js';

/** One line of Certificate Query. */
export interface CertificateQueryRow {
  id: string;
  createdAt: string;
  enterpriseId: string;
  typeCode: string;
  kind: ApplicationRecord['kind'];
  status: ApplicationStatus;
  certificateNumber: string | null;
  destinationCountry: string;
  consigneeName: string;
  invoiceNumbers: string[];
  submittedAt: string | null;
  approvedAt: string | null;
  replacedById: string | null;
  updatedAt: string;
}

export interface CertificateQuery {
  certificateNumber?: string | undefined;
  statuses?: ApplicationStatus[] | undefined;
  typeCode?: string | undefined;
  destinationCountry?: string | undefined;
  invoiceNumber?: string | undefined;
  /** Applied for from this day on / up to and including this day (YYYY-MM-DD, China time). */
  from?: string | undefined;
  until?: string | undefined;
  before?: { createdAt: string; id: string } | undefined;
  limit: number;
}

/**
 * Certificate Query for enterprises and agents: their own applications and certificates by number,
 * status, type, destination, invoice number and the days they were applied for, newest application
 * first, a page at a time.
 */
export async function queryCertificates(
  deps: Pick<Deps, 'store'>,
  actor: Actor,
  query: CertificateQuery,
): Promise<{ items: CertificateQueryRow[]; next: { createdAt: string; id: string } | null }> {
  const filter: ApplicationFilter = {
    statuses: query.statuses?.length ? query.statuses : undefined,
    typeCode: query.typeCode,
    certificateNumber: query.certificateNumber?.trim().toUpperCase() || undefined,
    destinationCountry: query.destinationCountry,
    invoiceNumber: query.invoiceNumber?.trim() || undefined,
    createdFrom: query.from ? chinaDayStart(query.from) : undefined,
    createdUntil: query.until ? chinaDayEnd(query.until) : undefined,
    order: 'created',
    before: query.before && { at: query.before.createdAt, id: query.before.id },
    limit: query.limit + 1,
  };
  if (actor.kind === 'system' || hasRole(actor, 'customs_admin')) {
    // the whole authority
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
    items: page.map((row) => ({
      id: row.id,
      createdAt: row.createdAt,
      enterpriseId: row.enterpriseId,
      typeCode: row.typeCode,
      kind: row.kind,
      status: row.status,
      certificateNumber: row.certificateNumber,
      destinationCountry: row.data.destinationCountry,
      consigneeName: row.data.consignee.name,
      invoiceNumbers: row.data.invoices.map((invoice) => invoice.number),
      submittedAt: row.submittedAt,
      approvedAt: row.approvedAt,
      replacedById: row.replacedById,
      updatedAt: row.updatedAt,
    })),
    next: rows.length > query.limit && last ? { createdAt: last.createdAt, id: last.id } : null,
  };
}

/** Certificate Query rows as CSV (RFC 4180), for a spreadsheet. */
export function certificateQueryCsv(rows: readonly CertificateQueryRow[]): string {
  const header = [
    'certificate_number',
    'status',
    'type',
    'kind',
    'destination',
    'consignee',
    'invoices',
    'submitted_at',
    'approved_at',
    'application_id',
  ];
  const cell = (value: string | null) => {
    const text = value ?? '';
    // A leading = + - @ would make a spreadsheet run the cell as a formula.
    const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
    return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  const lines = rows.map((row) =>
    [
      row.certificateNumber,
      row.status,
      row.typeCode,
      row.kind,
      row.destinationCountry,
      row.consigneeName,
      row.invoiceNumbers.join(' '),
      row.submittedAt,
      row.approvedAt,
      row.id,
    ]
      .map(cell)
      .join(','),
  );
  return `${[header.join(','), ...lines].join('\r\n')}\r\n`;
}

/** An application's timeline: every recorded step, oldest first, for whoever may read it. */
export async function applicationTimeline(
  deps: Pick<Deps, 'store' | 'clock'>,
  actor: Actor,
  id: string,
): Promise<Array<{ seq: number; at: string; type: string; actor: string; data: unknown }>> {
  const application = await loadApplicationFor(deps, actor, 'application.read', id);
  const events = await deps.store.audit.listForSubject('application', application.id);
  return events.map((event) => ({
    seq: event.seq,
    at: event.occurredAt,
    type: event.type,
    actor: event.actorKind,
    data: event.data,
  }));
}
