import { loadCertificateLayouts } from '../src/adapters/reference/certificate-layout-files.js';
import { loadCertificateTypes } from '../src/adapters/reference/certificate-type-files.js';
import type { ApplicationData } from '../src/domain/application.js';
import { endorsementsOf } from '../src/domain/endorsements.js';
import type { CertificateDocument } from '../src/pdf/render-certificate.js';
import { renderCertificate } from '../src/pdf/render-certificate.js';
import { cjkFont } from '../src/pdf/fonts.js';
import { splitPng } from '../src/pdf/images.js';
import { barePdfkitRate } from './support/bare-pdfkit.js';
import type { Figure } from './support/figures.js';
import { round } from './support/figures.js';
import { sealPng } from './support/seal-png.js';

export const name = 'print';

const SECONDS = Number(process.env.ORIGO_BENCH_SECONDS ?? 5);

/** A complete 10-item RCEP application, as the review benchmark issues them. */
function tenItems(): ApplicationData {
  return {
    destinationCountry: 'KR',
    exporter: {
      name: 'SHANGHAI EVERBRIGHT TEXTILE CO., LTD.',
      address: 'NO. 88 HUAXIA ROAD, PUDONG NEW AREA, SHANGHAI, CHINA',
      country: 'CN',
    },
    consignee: {
      name: 'HANBIT APPAREL CO., LTD.',
      address: '21 SEJONG-DAERO, JUNG-GU, SEOUL',
      country: 'KR',
    },
    producer: {
      name: 'SHANGHAI EVERBRIGHT TEXTILE CO., LTD.',
      address: 'NO. 88 HUAXIA ROAD, SHANGHAI',
      country: 'CN',
    },
    transport: {
      departureDate: '2026-03-05',
      mode: 'SEA',
      vesselOrFlight: 'COSCO STAR V.026E',
      portOfLoading: 'SHANGHAI',
      portOfDischarge: 'BUSAN',
      via: '',
    },
    items: Array.from({ length: 10 }, (_, index) => ({
      marks: index === 0 ? 'HANBIT/SEOUL C/NO. 1-200' : 'N/M',
      packageCount: 200 + index,
      packageKind: 'CARTONS',
      description: `MEN'S COTTON KNITTED T-SHIRTS, 100% COTTON, STYLE ${index + 1}***`,
      hsCode: '610910',
      originCriterion: index % 3 === 0 ? 'RVC' : 'CTC',
      originCountry: 'CN',
      quantity: 2400 + index,
      quantityUnit: 'PCS',
      fobValue: index % 3 === 0 ? 12000 + index : null,
      preReviewId: '',
    })),
    invoices: [{ number: 'EB-2026-0117', date: '2026-02-26' }],
    thirdPartyInvoicing: null,
    backToBack: null,
    exhibition: null,
    remarks: '',
    declaration: { place: 'SHANGHAI', date: '2026-03-02' },
    commitment: true,
  };
}

/** Renders one after another on this thread for the measured time; returns renders per second. */
async function rate(document: CertificateDocument): Promise<{ rate: number; bytes: number }> {
  let bytes = 0;
  for (let warm = 0; warm < 50; warm++) bytes = (await renderCertificate(document, { mode: 'self' })).length;
  let done = 0;
  const startedAt = performance.now();
  const until = startedAt + SECONDS * 1000;
  while (performance.now() < until) {
    await renderCertificate(document, { mode: 'self' });
    done++;
  }
  return { rate: done / ((performance.now() - startedAt) / 1000), bytes };
}

/**
 * Printing (issue 6): a 10-item RCEP certificate, self-print with both seals and a signature, rendered
 * one after another on one core. The target (issue, sign and render at least 150 per second) covers
 * three steps; this measures the render alone, which must leave room for the other two.
 */
export async function run(): Promise<Figure[]> {
  const types = loadCertificateTypes();
  const type = types.get('RC')!;
  const seal = sealPng();
  const signature = sealPng(300);
  const document: CertificateDocument = {
    type,
    layout: loadCertificateLayouts(types).get('RC')!,
    number: 'RC2631000001230001',
    issuedOn: '2026-03-02',
    issuingOffice: { name: 'SHANGHAI CUSTOMS DISTRICT' },
    application: tenItems(),
    endorsements: endorsementsOf(type, '2026-03-05', '2026-03-02'),
    images: {
      officeSeal: seal,
      officerSignature: signature,
      enterpriseSeal: seal,
      signatorySignature: signature,
    },
    verificationUrl: 'https://origo.example.cn/verify/RC2631000001230001?k=7Hq2Lm',
    signedPayload: `eyJhbGciOiJFZERTQSIsImtpZCI6IjIwMjYtMDEifQ.${'x'.repeat(1400)}.${'s'.repeat(86)}`,
  };
  if (!splitPng(seal)) throw new Error('bench seal should be an RGBA PNG');
  const bare = await barePdfkitRate(SECONDS);
  console.error(`  bare pdfkit, one page of 40 ruled text rows: ${round(bare, 1)} pages/s`);
  const english = await rate(document);
  console.error(`  10-item RCEP self-print: ${round(english.rate, 1)} renders/s, ${english.bytes} bytes`);

  const fontStart = performance.now();
  cjkFont();
  const fontLoad = performance.now() - fontStart;
  const chinese = await rate({
    ...document,
    issuingOffice: { name: 'SHANGHAI CUSTOMS DISTRICT', nameZh: '中华人民共和国上海海关' },
  });
  console.error(
    `  with a Chinese office name: ${round(chinese.rate, 1)} renders/s, ${chinese.bytes} bytes; CJK font loaded once in ${round(fontLoad)} ms`,
  );
  return [
    {
      name: 'render a 10-item self-print certificate (seals, signatures, QR), one core',
      value: round(english.rate, 1),
      unit: 'renders/s',
      target: 'render alone; issue + sign + render >= 150/s',
    },
    {
      name: 'bare pdfkit, one page of 40 ruled text rows (for scale)',
      value: round(bare, 1),
      unit: 'pages/s',
      target: null,
    },
    {
      name: 'the same with a Chinese office name (CJK subset embedded)',
      value: round(chinese.rate, 1),
      unit: 'renders/s',
      target: null,
    },
    {
      name: 'CJK font loaded and parsed, once per process',
      value: round(fontLoad),
      unit: 'ms',
      target: null,
    },
  ];
}
