import { loadCertificateTypes } from '../../src/adapters/reference/certificate-type-files.js';
import { loadHsNomenclature } from '../../src/adapters/reference/hs-nomenclature-file.js';
import type { ApplicationRecord } from '../../src/app/ports.js';
import type { ApplicationData } from '../../src/domain/application.js';
import type { CertificateType } from '../../src/domain/certificate-types.js';
import { boxOf } from '../../src/domain/certificate-types.js';

/** The shipped certificate types and HS 2022, as the server loads them. */
export const certificateTypes = loadCertificateTypes();
export const hs = loadHsNomenclature();

export function typeOf(code: string): CertificateType {
  const type = certificateTypes.get(code);
  if (!type) throw new Error(`no certificate type ${code}`);
  return type;
}

/** The day the test clock reads in China (test/support/runtime.ts: 2026-03-02T01:00Z). */
export const TODAY = '2026-03-02';

/**
 * A complete, correct application of a type, for the first country the type may go to: what a careful
 * clerk files. Tests break one box at a time from here.
 */
export function goodApplication(code: string, items = 1): ApplicationData {
  const type = typeOf(code);
  const destination = type.importingCountries === '*' ? 'DE' : type.importingCountries[0]!;
  const criterion = type.originCriteria.find((entry) => !entry.supplementary && !entry.valueContent);
  const hasBox = (path: Parameters<typeof boxOf>[1]) => boxOf(type, path) !== undefined;
  const originals = type.backToBackOriginCountries;
  return {
    destinationCountry: destination,
    exporter: {
      name: 'SHANGHAI EVERBRIGHT TEXTILE CO., LTD.',
      address: 'NO. 88 HUAXIA ROAD, PUDONG NEW AREA, SHANGHAI, CHINA',
      country: 'CN',
    },
    consignee: { name: 'NORDIC HOME TRADING AB', address: '12 HARBOUR STREET', country: destination },
    producer: hasBox('producer.name')
      ? {
          name: 'SHANGHAI EVERBRIGHT TEXTILE CO., LTD.',
          address: 'NO. 88 HUAXIA ROAD, SHANGHAI',
          country: 'CN',
        }
      : { name: '', address: '', country: '' },
    transport: {
      departureDate: '2026-03-05',
      mode: 'SEA',
      vesselOrFlight: 'COSCO STAR V.026E',
      portOfLoading: 'SHANGHAI',
      portOfDischarge: 'BUSAN',
      via: '',
    },
    items: Array.from({ length: items }, (_, index) => ({
      marks: 'N/M',
      packageCount: 200 + index,
      packageKind: 'CARTONS',
      description: `MEN'S COTTON KNITTED T-SHIRTS, STYLE ${index + 1}***`,
      hsCode: type.items.hsDigits === 6 ? '610910' : '6109100021',
      originCriterion: criterion?.code ?? '',
      originCountry: hasBox('items[].originCountry') ? 'CN' : '',
      quantity: 2400 + index,
      quantityUnit: 'PCS',
      fobValue: type.fobValue === 'always' ? 12000 : null,
      preReviewId: '',
    })),
    invoices: [{ number: 'EB-2026-0117', date: '2026-02-26' }],
    thirdPartyInvoicing: null,
    backToBack: type.backToBackOnly
      ? {
          originalNumber: 'JP26-000123',
          originalDate: '2026-02-20',
          originalCountry: originals === '*' ? 'JP' : originals[0]!,
        }
      : null,
    exhibition: null,
    remarks: '',
    declaration: { place: 'SHANGHAI', date: TODAY },
    commitment: true,
  };
}

/**
 * An application record already in review (submitted at `at`, version 3), for tests and benchmarks that
 * put it straight into the store rather than through the use cases; `fields` name the record and set
 * whatever else the caller needs.
 */
export function applicationInReview(
  at: string,
  fields: Pick<ApplicationRecord, 'id' | 'enterpriseId' | 'officeId'> & Partial<ApplicationRecord>,
): ApplicationRecord {
  return {
    typeCode: 'RC',
    status: 'under_review',
    data: fields.data ?? goodApplication(fields.typeCode ?? 'RC'),
    version: 3,
    channel: 'api',
    agencyId: null,
    createdBy: 'test',
    idempotencyKey: null,
    requestHash: null,
    copiedFrom: null,
    profileVersion: 1,
    findings: [],
    createdAt: at,
    updatedAt: at,
    submittedAt: at,
    reviewerId: null,
    certificateNumber: null,
    approvedAt: null,
    automatic: null,
    kind: 'original',
    replacesId: null,
    replacedById: null,
    voidReason: null,
    checks: [],
    firstSubmittedAt: at,
    ...fields,
  };
}
