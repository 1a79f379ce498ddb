import { Readable } from 'node:stream';
import type { Actor } from '../../domain/actor.js';
import { chinaDate } from '../../domain/agent-authorisation.js';
import type { ApplicationData } from '../../domain/application.js';
import { createApplication } from '../applications/create-application.js';
import { submitApplication } from '../applications/submit-application.js';
import { uploadSupportingDocument } from '../applications/upload-supporting-document.js';
import type { Deps } from '../ports.js';
import { approveApplication } from '../review/approve-application.js';
import { cancelCertificate } from '../review/cancel-certificate.js';
import { claimApplication } from '../review/claim-application.js';

/** A small PDF standing in for a commercial invoice. */
const INVOICE = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

function shipment(
  typeCode: 'C' | 'RC',
  invoice: string,
  today: string,
  offsetDays: (days: number) => string,
) {
  const rcep = typeCode === 'RC';
  const destination = rcep ? 'KR' : 'DE';
  const data: ApplicationData = {
    destinationCountry: destination,
    exporter: { name: '', address: '', country: '' },
    consignee: rcep
      ? { name: 'HANBIT HOME TRADING CO., LTD.', address: '45 CENTUM-RO, HAEUNDAE-GU, BUSAN', country: 'KR' }
      : { name: 'NORDHAUS TEXTIL GMBH', address: 'SPEICHERSTADT 12, 20457 HAMBURG', country: 'DE' },
    producer: rcep
      ? {
          name: 'SHANGHAI EVERBRIGHT TEXTILE CO., LTD.',
          address: 'NO. 88 HUAXIA ROAD, SHANGHAI',
          country: 'CN',
        }
      : { name: '', address: '', country: '' },
    transport: {
      departureDate: offsetDays(5),
      mode: 'SEA',
      vesselOrFlight: 'COSCO STAR V.026E',
      portOfLoading: 'SHANGHAI',
      portOfDischarge: rcep ? 'BUSAN' : 'HAMBURG',
      via: '',
    },
    items: [
      {
        marks: 'N/M',
        packageCount: 240,
        packageKind: 'CARTONS',
        description: "MEN'S COTTON KNITTED T-SHIRTS***",
        hsCode: rcep ? '610910' : '6109100021',
        originCriterion: rcep ? 'CTC' : '',
        originCountry: rcep ? 'CN' : '',
        quantity: 2880,
        quantityUnit: 'PCS',
        fobValue: null,
        preReviewId: '',
      },
    ],
    invoices: [{ number: invoice, date: offsetDays(-2) }],
    thirdPartyInvoicing: null,
    backToBack: null,
    exhibition: null,
    remarks: '',
    declaration: { place: 'SHANGHAI', date: today },
    commitment: true,
  };
  return data;
}

/**
 * Demo applications for `npm start` (`origo serve --demo --demo-applications`): Everbright has a draft,
 * an application waiting in the Shanghai queue, and an issued RCEP certificate, so every role sees work.
 */
export async function seedDemoApplications(deps: Deps): Promise<void> {
  const everbright = await deps.store.organisations.findByCode('91310115MA1K4B2X7G');
  const clerkUser = await deps.store.users.findByUsername('ent.clerk');
  const officerUser = await deps.store.users.findByUsername('officer.wang');
  if (!everbright || !clerkUser || !officerUser) return;
  const clerk: Actor = {
    kind: 'user',
    userId: clerkUser.id,
    orgId: everbright.id,
    orgKind: 'enterprise',
    roles: clerkUser.roles,
    officeIds: [],
  };
  const officer: Actor = {
    kind: 'user',
    userId: officerUser.id,
    orgId: officerUser.orgId,
    orgKind: 'office',
    roles: officerUser.roles,
    officeIds: await deps.store.users.officeIdsOf(officerUser.id),
  };
  const now = deps.clock.now();
  const today = chinaDate(now);
  const offsetDays = (days: number) => chinaDate(new Date(now.getTime() + days * 86_400_000));

  const submit = async (typeCode: 'C' | 'RC', invoice: string) => {
    const { application } = await createApplication(deps, clerk, {
      enterpriseId: everbright.id,
      typeCode,
      data: shipment(typeCode, invoice, today, offsetDays),
      channel: 'portal',
    });
    await uploadSupportingDocument(deps, clerk, {
      applicationId: application.id,
      kind: 'invoice',
      fileName: `${invoice}.pdf`,
      content: Readable.from([INVOICE]),
      limitBytes: 1024 * 1024,
    });
    return submitApplication(deps, clerk, { id: application.id });
  };

  const issued = await submit('RC', 'EB-DEMO-0001');
  const claimed = await claimApplication(deps, officer, { id: issued.id, expectedVersion: issued.version });
  await approveApplication(deps, officer, { id: issued.id, expectedVersion: claimed.version });
  await submit('C', 'EB-DEMO-0002');

  // For the public verification page (/verify): one archived certificate and one cancelled.
  const issue = async (typeCode: 'C' | 'RC', invoice: string) => {
    const sent = await submit(typeCode, invoice);
    const taken = await claimApplication(deps, officer, { id: sent.id, expectedVersion: sent.version });
    return approveApplication(deps, officer, { id: sent.id, expectedVersion: taken.version });
  };
  const archived = await issue('RC', 'EB-DEMO-0004');
  // Archived as a confirmed print leaves it, without printing: rendering a PDF at every demo start would
  // only slow the start.
  const stored = await deps.store.applications.findById(archived.id);
  if (stored)
    await deps.store.applications.update(
      { ...stored, status: 'archived', version: stored.version + 1, updatedAt: now.toISOString() },
      stored.version,
    );
  const toCancel = await issue('C', 'EB-DEMO-0005');
  await cancelCertificate(deps, officer, {
    id: toCancel.id,
    expectedVersion: toCancel.version,
    category: 'goods_not_exported',
    note: 'THE SHIPMENT WAS STOPPED AT THE PORT (DEMO).',
  });
  const draft = shipment('RC', 'EB-DEMO-0003', today, offsetDays);
  await createApplication(deps, clerk, {
    enterpriseId: everbright.id,
    typeCode: 'RC',
    data: { ...draft, items: [{ ...draft.items[0]!, hsCode: '6109' }], commitment: false },
    channel: 'portal',
  });
}
