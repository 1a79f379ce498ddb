import { describe, expect, it } from 'vitest';
import { TODAY, certificateTypes, goodApplication, hs, typeOf } from '../../test/support/applications.js';
import type { ApplicationData } from './application.js';
import type { Finding, RuleName } from './certificate-rules.js';
import { FIELD_RULES, RULE_NAMES, checkApplication } from './certificate-rules.js';

const check = (code: string, data: ApplicationData, today = TODAY): Finding[] =>
  checkApplication({ type: typeOf(code), data, hs, today });

/** A change to a good application that one rule must catch, with the finding it must give. */
interface Case {
  rule: RuleName;
  /** What the case shows, in the domain's words (DOMAIN.md section 5 unless said otherwise). */
  title: string;
  types: string[];
  bad: (data: ApplicationData) => void;
  /** Where applicable, a value the rule accepts that differs from the baseline. */
  good?: (data: ApplicationData) => void;
  code: string;
  path: string;
  severity?: 'error' | 'warning';
}

const FTA = ['RC', 'E', 'K'];
const ALL = ['C', 'RC', 'E', 'K', 'A'];

const CASES: Case[] = [
  {
    rule: 'required',
    title: 'the consignee is never empty',
    types: ALL,
    bad: (data) => (data.consignee.name = ''),
    code: 'required',
    path: 'consignee.name',
  },
  {
    rule: 'required',
    title: 'every goods item has an HS code',
    types: ALL,
    bad: (data) => (data.items[0]!.hsCode = ''),
    code: 'required',
    path: 'items.0.hsCode',
  },
  {
    rule: 'english_only',
    title: 'Chinese characters are refused in any box',
    types: ALL,
    bad: (data) => (data.items[0]!.description = '男式棉质T恤***'),
    good: (data) => (data.items[0]!.description = "MEN'S T-SHIRTS, 100% COTTON (KNITTED)***"),
    code: 'chinese_characters',
    path: 'items.0.description',
  },
  {
    rule: 'english_only',
    title: 'full-width characters are refused',
    types: ['C', 'RC'],
    bad: (data) => (data.consignee.name = 'ＮＯＲＤＩＣ HOME AB'),
    code: 'chinese_characters',
    path: 'consignee.name',
  },
  {
    rule: 'english_only',
    title: 'lower case is refused',
    types: ['C', 'E'],
    bad: (data) => (data.transport.portOfDischarge = 'Busan'),
    code: 'lower_case',
    path: 'transport.portOfDischarge',
  },
  {
    rule: 'english_only',
    title: 'a box holds no more than its length',
    types: ['C', 'RC'],
    bad: (data) => (data.exporter.name = 'A'.repeat(201)),
    good: (data) => (data.exporter.name = 'A'.repeat(200)),
    code: 'too_long',
    path: 'exporter.name',
  },
  {
    rule: 'english_only',
    title: 'values are trimmed',
    types: ['C', 'K'],
    bad: (data) => (data.consignee.name = 'NORDIC  HOME AB'),
    code: 'untrimmed',
    path: 'consignee.name',
  },
  {
    rule: 'goods_items',
    title: 'at least one goods item',
    types: ALL,
    bad: (data) => (data.items = []),
    code: 'no_items',
    path: 'items',
  },
  {
    rule: 'invoices',
    title: 'box 10 names the invoice',
    types: ALL,
    bad: (data) => (data.invoices = []),
    code: 'no_invoice',
    path: 'invoices',
  },
  {
    rule: 'invoices',
    title: 'an invoice is listed once',
    types: ['C', 'RC'],
    bad: (data) => data.invoices.push({ number: 'EB-2026-0117', date: '2026-02-26' }),
    good: (data) => data.invoices.push({ number: 'EB-2026-0118', date: '2026-02-27' }),
    code: 'duplicate_invoice',
    path: 'invoices.1.number',
  },
  {
    rule: 'hs_code',
    title: 'the HS code exists in HS 2022',
    types: ALL,
    bad: (data) => (data.items[0]!.hsCode = data.items[0]!.hsCode.replace('610910', '610980')),
    good: (data) => (data.items[0]!.hsCode = data.items[0]!.hsCode.replace('610910', '610990')),
    code: 'hs_unknown',
    path: 'items.0.hsCode',
  },
  {
    rule: 'hs_code',
    title: 'preferential certificates state the 6-digit subheading',
    types: FTA,
    bad: (data) => (data.items[0]!.hsCode = '6109100021'),
    code: 'hs_six_digits',
    path: 'items.0.hsCode',
  },
  {
    rule: 'hs_code',
    title: 'the non-preferential certificate takes the declared 6, 8 or 10 digits, not 7',
    types: ['C'],
    bad: (data) => (data.items[0]!.hsCode = '6109100'),
    good: (data) => (data.items[0]!.hsCode = '61091000'),
    code: 'hs_length',
    path: 'items.0.hsCode',
  },
  {
    rule: 'hs_code',
    title: 'HS codes are digits',
    types: ['C', 'E'],
    bad: (data) => (data.items[0]!.hsCode = '6109.10'),
    code: 'hs_not_digits',
    path: 'items.0.hsCode',
  },
  {
    rule: 'dates_in_order',
    title: 'the invoice date is no later than the shipment date',
    types: ALL,
    bad: (data) => {
      data.transport.departureDate = '2026-03-01';
      data.invoices[0]!.date = '2026-03-02';
    },
    good: (data) => {
      data.transport.departureDate = '2026-03-02';
      data.invoices[0]!.date = '2026-03-02';
    },
    code: 'invoice_after_shipment',
    path: 'invoices.0.date',
  },
  {
    rule: 'dates_in_order',
    title: 'certification (today at the earliest) cannot precede the invoice',
    types: ['C', 'E'],
    bad: (data) => (data.invoices[0]!.date = '2026-03-03'),
    code: 'invoice_in_future',
    path: 'invoices.0.date',
  },
  {
    rule: 'dates_in_order',
    title: 'the declaration is not dated before the invoice',
    types: ALL,
    bad: (data) => (data.declaration.date = '2026-02-25'),
    good: (data) => (data.declaration.date = '2026-02-26'),
    code: 'declaration_before_invoice',
    path: 'declaration.date',
  },
  {
    rule: 'dates_in_order',
    title: 'dates are real days',
    types: ['C', 'RC'],
    bad: (data) => (data.transport.departureDate = '2026-02-30'),
    code: 'invalid_date',
    path: 'transport.departureDate',
  },
  {
    rule: 'destination',
    title: 'the destination is an importing country of the agreement',
    types: FTA,
    bad: (data) => (data.destinationCountry = 'US'),
    code: 'destination_not_covered',
    path: 'destinationCountry',
  },
  {
    rule: 'destination',
    title: 'an export certificate never names China as destination',
    types: ['C'],
    bad: (data) => (data.destinationCountry = 'CN'),
    code: 'destination_not_covered',
    path: 'destinationCountry',
  },
  {
    rule: 'destination',
    title: 'the destination is a country code',
    types: ['C'],
    bad: (data) => (data.destinationCountry = 'XX'),
    good: (data) => (data.destinationCountry = 'NL'),
    code: 'unknown_country',
    path: 'destinationCountry',
  },
  {
    rule: 'consignee',
    title: 'a preferential consignee sits in an importing country',
    types: FTA,
    bad: (data) => (data.consignee.country = 'US'),
    code: 'consignee_country_not_covered',
    path: 'consignee.country',
  },
  {
    rule: 'consignee',
    title: 'TO WHOM IT MAY CONCERN where the consignee is unknown, on the non-preferential certificate only',
    types: ['C'],
    bad: (data) =>
      (data.consignee = { name: 'NORDIC HOME AB', address: '', country: data.destinationCountry }),
    good: (data) => (data.consignee = { name: 'TO WHOM IT MAY CONCERN', address: '', country: '' }),
    code: 'consignee_address_missing',
    path: 'consignee.address',
  },
  {
    rule: 'consignee',
    title: 'box 4 is the final destination: a consignee elsewhere is pointed out',
    types: ['C'],
    bad: (data) => (data.consignee.country = 'NL'),
    code: 'consignee_country_differs',
    path: 'consignee.country',
    severity: 'warning',
  },
  {
    rule: 'producer',
    title: 'RCEP box 3 names the producer with address, or says CONFIDENTIAL',
    types: ['RC'],
    bad: (data) => (data.producer.address = ''),
    good: (data) => (data.producer = { name: 'CONFIDENTIAL', address: '', country: '' }),
    code: 'producer_address_missing',
    path: 'producer.address',
  },
  {
    rule: 'marks',
    title: 'N/M when there are no marks',
    types: ALL,
    bad: (data) => (data.items[0]!.marks = ''),
    good: (data) => (data.items[0]!.marks = 'EVERBRIGHT/STOCKHOLM/C/NO. 1-200'),
    code: 'marks_missing',
    path: 'items.0.marks',
  },
  {
    rule: 'marks',
    title: '"AS PER INVOICE" is refused',
    types: ALL,
    bad: (data) => (data.items[0]!.marks = 'AS PER INVOICE'),
    code: 'marks_as_per_invoice',
    path: 'items.0.marks',
  },
  {
    rule: 'packages',
    title: '"PACKAGE" alone is not a unit',
    types: ['C', 'RC', 'E'],
    bad: (data) => (data.items[0]!.packageKind = 'PACKAGES'),
    good: (data) => (data.items[0]!.packageKind = 'PALLETS'),
    code: 'package_kind_vague',
    path: 'items.0.packageKind',
  },
  {
    rule: 'packages',
    title: 'packages are counted, unless shipped IN BULK or IN NUDE',
    types: ['C', 'RC'],
    bad: (data) => (data.items[0]!.packageCount = null),
    good: (data) => {
      data.items[0]!.packageCount = null;
      data.items[0]!.packageKind = 'IN NUDE';
    },
    code: 'package_count_missing',
    path: 'items.0.packageCount',
  },
  {
    rule: 'description_closed',
    title: 'the description ends with ***',
    types: ALL,
    bad: (data) => (data.items[0]!.description = "MEN'S COTTON T-SHIRTS"),
    code: 'description_not_closed',
    path: 'items.0.description',
  },
  {
    rule: 'origin_criterion',
    title: 'the origin criterion is one the form accepts',
    types: FTA,
    bad: (data) => (data.items[0]!.originCriterion = 'ZZZ'),
    code: 'criterion_unknown',
    path: 'items.0.originCriterion',
  },
  {
    rule: 'origin_criterion',
    title: 'RCEP ACU and DMI only together with a main criterion',
    types: ['RC'],
    bad: (data) => (data.items[0]!.originCriterion = 'ACU'),
    good: (data) => (data.items[0]!.originCriterion = 'CTC ACU'),
    code: 'criterion_combination',
    path: 'items.0.originCriterion',
  },
  {
    rule: 'required',
    title: 'preferential certificates state the origin criterion',
    types: FTA,
    bad: (data) => (data.items[0]!.originCriterion = ''),
    code: 'required',
    path: 'items.0.originCriterion',
  },
  {
    rule: 'fob_value',
    title: 'the FOB value is required when the criterion is RVC',
    types: ['RC', 'E'],
    bad: (data) => (data.items[0]!.originCriterion = 'RVC'),
    good: (data) => {
      data.items[0]!.originCriterion = 'RVC';
      data.items[0]!.fobValue = 18500;
    },
    code: 'fob_required',
    path: 'items.0.fobValue',
  },
  {
    rule: 'origin_country',
    title: 'RCEP box 11 names a party to the agreement',
    types: ['RC'],
    bad: (data) => (data.items[0]!.originCountry = 'US'),
    good: (data) => (data.items[0]!.originCountry = 'JP'),
    code: 'origin_country_not_party',
    path: 'items.0.originCountry',
  },
  {
    rule: 'back_to_back',
    title: "a back-to-back certificate names the original proof's number, date and country",
    types: ['BR'],
    bad: (data) => (data.backToBack!.originalNumber = ''),
    code: 'required',
    path: 'backToBack.originalNumber',
  },
  {
    rule: 'back_to_back',
    title: 'a back-to-back certificate cannot rest on nothing',
    types: ['BR'],
    bad: (data) => (data.backToBack = null),
    code: 'original_proof_missing',
    path: 'backToBack',
  },
  {
    rule: 'back_to_back',
    title: 'the original proof comes from another party, not China',
    types: ['BR'],
    bad: (data) => (data.backToBack!.originalCountry = 'CN'),
    code: 'original_country_not_party',
    path: 'backToBack.originalCountry',
  },
  {
    rule: 'back_to_back',
    title: 'the non-preferential certificate is never back-to-back',
    types: ['C'],
    bad: (data) =>
      (data.backToBack = { originalNumber: 'X1', originalDate: '2026-02-01', originalCountry: 'JP' }),
    code: 'option_not_available',
    path: 'backToBack',
  },
  {
    rule: 'third_party_invoicing',
    title: "third-party invoicing names the invoicer's name and country",
    types: ['RC', 'E'],
    bad: (data) => (data.thirdPartyInvoicing = { name: 'PACIFIC SOURCING LTD.', address: '', country: '' }),
    good: (data) =>
      (data.thirdPartyInvoicing = { name: 'PACIFIC SOURCING LTD.', address: '1 QUEENSWAY', country: 'HK' }),
    code: 'invoicer_country_missing',
    path: 'thirdPartyInvoicing.country',
  },
  {
    rule: 'exhibition',
    title: 'exhibition goods name the exhibition, where the form provides for it',
    types: ['E'],
    bad: (data) => (data.exhibition = { name: '', place: 'BANGKOK' }),
    good: (data) => (data.exhibition = { name: 'BANGKOK INTERNATIONAL GIFT FAIR', place: 'BANGKOK' }),
    code: 'required',
    path: 'exhibition.name',
  },
  {
    rule: 'retroactive',
    title: 'past the grace days the certificate is endorsed as issued retroactively',
    types: ['RC', 'E'],
    bad: (data) => {
      data.transport.departureDate = '2026-02-20';
      data.invoices[0]!.date = '2026-02-18';
    },
    code: 'issued_retroactively',
    path: 'transport.departureDate',
    severity: 'warning',
  },
  {
    rule: 'retroactive',
    title: 'past the retroactive window the application is refused',
    types: ['RC', 'E', 'K'],
    bad: (data) => {
      data.transport.departureDate = '2025-02-20';
      data.invoices[0]!.date = '2025-02-18';
    },
    code: 'retroactive_window_passed',
    path: 'transport.departureDate',
  },
  {
    rule: 'commitment',
    title: 'the applicant commitment is given',
    types: ALL,
    bad: (data) => (data.commitment = false),
    code: 'commitment_required',
    path: 'commitment',
  },
];

describe('certificate types (data/certificate-types)', () => {
  it('ships at least the twelve types of the application issue', () => {
    const codes = certificateTypes.list().map((type) => type.code);
    expect(codes).toEqual(
      expect.arrayContaining(['C', 'RC', 'BR', 'E', 'K', 'P', 'A', 'S', 'B', 'F', 'N', 'X']),
    );
  });

  for (const type of certificateTypes.list()) {
    it(`a careful clerk's ${type.code} application has no finding at all`, () => {
      expect(check(type.code, goodApplication(type.code, 3))).toStrictEqual([]);
    });
  }
});

describe('field rules: each passes a good value and fails a bad one', () => {
  it('every rule has at least one case here', () => {
    expect(new Set(CASES.map((entry) => entry.rule))).toStrictEqual(new Set(RULE_NAMES));
    expect(FIELD_RULES.map((rule) => rule.name)).toStrictEqual([...RULE_NAMES]);
  });

  for (const entry of CASES) {
    for (const code of entry.types) {
      it(`${entry.rule} (${code}): ${entry.title}`, () => {
        const bad = goodApplication(code);
        entry.bad(bad);
        const findings = check(code, bad).filter((finding) => finding.rule === entry.rule);
        expect(findings).toContainEqual(
          expect.objectContaining({
            code: entry.code,
            path: entry.path,
            severity: entry.severity ?? 'error',
          }),
        );
        for (const finding of findings) {
          expect(finding.message.en).not.toBe('');
          expect(finding.message.zh).toMatch(/[\u4e00-\u9fff]/);
        }
        if (entry.good) {
          const good = goodApplication(code);
          entry.good(good);
          expect(check(code, good).filter((finding) => finding.rule === entry.rule)).toStrictEqual([]);
        }
      });
    }
  }
});

describe('findings name their box', () => {
  it('an RCEP HS code finding points at box 9, a non-preferential one at box 8', () => {
    for (const [code, box] of [
      ['RC', '9'],
      ['C', '8'],
    ] as const) {
      const data = goodApplication(code);
      data.items[0]!.hsCode = '999999';
      expect(check(code, data).find((finding) => finding.code === 'hs_unknown')?.box).toBe(box);
    }
  });

  it('a type whose retroactive issue is not allowed refuses an application after the grace days', () => {
    const closed = certificateTypes.list().find((type) => !type.retroactive.allowed);
    expect(closed, 'at least one shipped type does not allow retroactive issue').toBeDefined();
    const data = goodApplication(closed!.code);
    data.transport.departureDate = '2026-02-01';
    data.invoices[0]!.date = '2026-01-30';
    expect(check(closed!.code, data)).toContainEqual(
      expect.objectContaining({ rule: 'retroactive', code: 'retroactive_not_allowed', severity: 'error' }),
    );
  });
});

describe('findings about a whole group', () => {
  it('point at the first box of the group ("add a goods item" at the items, "add the invoice" at box 10)', () => {
    const data = goodApplication('C');
    data.items = [];
    data.invoices = [];
    const findings = check('C', data);
    expect(findings.find((finding) => finding.code === 'no_items')?.box).toBe('6');
    expect(findings.find((finding) => finding.code === 'no_invoice')?.box).toBe('10');
  });
});
