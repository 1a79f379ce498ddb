import type { ApplicationData } from './application.js';
import { UNCOUNTED_PACKAGE_KINDS } from './application.js';
import type { ApplicationField, CertificateType } from './certificate-types.js';
import { acceptsDestination, boxOf } from './certificate-types.js';
import { addDays, isCalendarDay as isDay } from './calendar-days.js';
import { isCountryCode } from './countries.js';
import type { HsNomenclature } from './hs-nomenclature.js';

/**
 * The field rules of a certificate application. Each rule is a small named check over the type's data
 * (certificate-types.ts) that returns findings; none throws and none refuses. A finding names its rule,
 * a stable code, the field path (`items.0.hsCode`), the box it belongs to, and a message in English and
 * Chinese. Errors stop a submission; warnings inform the applicant and the officer.
 */

export type Severity = 'error' | 'warning';

export interface Finding {
  rule: RuleName;
  code: string;
  severity: Severity;
  /** Dotted path into the application (`items.2.description`); empty for the application as a whole. */
  path: string;
  /** The box on the form the field sits in, when it has one. */
  box: string | null;
  message: { en: string; zh: string };
}

export interface RuleContext {
  type: CertificateType;
  data: ApplicationData;
  hs: HsNomenclature;
  /** Today in China Standard Time (YYYY-MM-DD): the certification date if issued today. */
  today: string;
}

interface Rule {
  name: RuleName;
  /** One line: what the rule protects. */
  purpose: string;
  check(context: RuleContext, report: Reporter): void;
}

type Reporter = (severity: Severity, code: string, path: string, en: string, zh: string) => void;

export const RULE_NAMES = [
  'required',
  'english_only',
  'goods_items',
  'invoices',
  'hs_code',
  'dates_in_order',
  'destination',
  'consignee',
  'producer',
  'marks',
  'packages',
  'description_closed',
  'origin_criterion',
  'fob_value',
  'origin_country',
  'back_to_back',
  'third_party_invoicing',
  'exhibition',
  'retroactive',
  'commitment',
] as const;

export type RuleName = (typeof RULE_NAMES)[number];

/** Reads every value a field path stands for, with its concrete path (`items[].marks` → each item's). */
function valuesAt(data: ApplicationData, field: ApplicationField): Array<{ path: string; value: unknown }> {
  const [head, tail] = field.split('[].') as [string, string | undefined];
  if (tail !== undefined) {
    const list = (data as unknown as Record<string, Array<Record<string, unknown>>>)[head] ?? [];
    return list.map((entry, index) => ({ path: `${head}.${index}.${tail}`, value: entry[tail] }));
  }
  const [group, key] = field.split('.') as [string, string | undefined];
  const top = (data as unknown as Record<string, unknown>)[group];
  if (key === undefined) return [{ path: group, value: top }];
  if (top === null || top === undefined) return [];
  return [{ path: field, value: (top as Record<string, unknown>)[key] }];
}

const isEmpty = (value: unknown) =>
  value === null ||
  value === undefined ||
  value === false ||
  (typeof value === 'string' && value.trim() === '');

/** Characters a certificate may carry: capitals, digits, spaces and ordinary punctuation. */
const CERTIFICATE_CHARACTERS = /^[A-Z0-9 .,&'()\-/:;#+@"%*\n]*$/;

const RULES: Rule[] = [
  {
    name: 'required',
    purpose: 'Every box the type marks as required is filled.',
    check({ type, data }, report) {
      for (const box of type.boxes) {
        for (const field of box.fields) {
          if (!field.required) continue;
          // Rules with more to say about these fields report them themselves.
          if (field.path === 'commitment' || field.path === 'items[].marks') continue;
          if (
            field.path.startsWith('producer.') &&
            type.producerPlaceholders.includes(data.producer.name.trim())
          )
            continue;
          if (field.path === 'items[].packageCount' || field.path === 'consignee.address') continue;
          for (const { path, value } of valuesAt(data, field.path)) {
            if (isEmpty(value)) report('error', 'required', path, 'Fill this in.', '此项必填。');
          }
        }
      }
    },
  },
  {
    name: 'english_only',
    purpose:
      'Certificates are filled in English: capitals, digits and ordinary punctuation, trimmed, within length.',
    check({ type, data }, report) {
      for (const box of type.boxes) {
        for (const field of box.fields) {
          for (const { path, value } of valuesAt(data, field.path)) {
            if (typeof value !== 'string' || value === '') continue;
            if (/^\d{4}-\d{2}-\d{2}$/.test(value) && path.toLowerCase().includes('date')) continue;
            if (!CERTIFICATE_CHARACTERS.test(value)) {
              const bad = [...value].find((character) => !CERTIFICATE_CHARACTERS.test(character)) ?? '';
              const chinese = /[\u3000-\u9fff\uff00-\uffef]/.test(bad);
              if (chinese)
                report(
                  'error',
                  'chinese_characters',
                  path,
                  `Use English only: "${bad}" is a Chinese or full-width character.`,
                  `只能使用英文："${bad}"是中文或全角字符。`,
                );
              else if (/[a-z]/.test(bad))
                report('error', 'lower_case', path, 'Write in capital letters.', '请使用大写英文字母。');
              else
                report(
                  'error',
                  'invalid_characters',
                  path,
                  `Use capital letters, digits and ordinary punctuation only: "${bad}" is not allowed.`,
                  `只能使用大写字母、数字和常用标点："${bad}"不允许使用。`,
                );
            }
            if (value !== value.trim() || / {2,}/.test(value))
              report(
                'error',
                'untrimmed',
                path,
                'Remove leading, trailing and repeated spaces.',
                '请删除首尾空格和连续空格。',
              );
            if (field.maxLength !== undefined && value.length > field.maxLength)
              report(
                'error',
                'too_long',
                path,
                `Box ${box.number} holds at most ${field.maxLength} characters here; this has ${value.length}.`,
                `第${box.number}栏此项最多${field.maxLength}个字符，现有${value.length}个。`,
              );
          }
        }
      }
    },
  },
  {
    name: 'goods_items',
    purpose: 'At least one goods item, and no more than the type allows.',
    check({ type, data }, report) {
      if (data.items.length === 0)
        report('error', 'no_items', 'items', 'Add at least one goods item.', '请至少添加一项货物。');
      if (data.items.length > type.items.max)
        report(
          'error',
          'too_many_items',
          'items',
          `A ${type.code} certificate holds at most ${type.items.max} goods items; split the shipment over several applications.`,
          `${type.code}证书最多${type.items.max}项货物，请分成多份申请。`,
        );
    },
  },
  {
    name: 'invoices',
    purpose: 'At least one invoice, each number once.',
    check({ data }, report) {
      if (data.invoices.length === 0)
        report('error', 'no_invoice', 'invoices', 'Add the commercial invoice.', '请填写商业发票。');
      const seen = new Set<string>();
      data.invoices.forEach((invoice, index) => {
        const number = invoice.number.trim();
        if (number && seen.has(number))
          report(
            'error',
            'duplicate_invoice',
            `invoices.${index}.number`,
            `Invoice ${number} is listed twice.`,
            `发票${number}重复填写。`,
          );
        seen.add(number);
      });
    },
  },
  {
    name: 'hs_code',
    purpose: 'Each HS code exists in HS 2022, with the digits the type demands.',
    check({ type, data, hs }, report) {
      data.items.forEach((item, index) => {
        const code = item.hsCode.trim();
        const path = `items.${index}.hsCode`;
        if (code === '') return;
        if (!/^\d+$/.test(code)) {
          report(
            'error',
            'hs_not_digits',
            path,
            'Write the HS code in digits only.',
            '商品编码只能填写数字。',
          );
          return;
        }
        if (type.items.hsDigits === 6 && code.length !== 6) {
          report(
            'error',
            'hs_six_digits',
            path,
            `A ${type.code} certificate states the 6-digit HS subheading (${code.slice(0, 6)}).`,
            `${type.code}证书须填写6位HS编码（${code.slice(0, 6)}）。`,
          );
          return;
        }
        if (![6, 8, 10].includes(code.length)) {
          report(
            'error',
            'hs_length',
            path,
            'Write the HS code as declared for export: 6, 8 or 10 digits.',
            '请按出口报关填写6位、8位或10位商品编码。',
          );
          return;
        }
        if (!hs.hasSubheadingOf(code))
          report(
            'error',
            'hs_unknown',
            path,
            `${code.slice(0, 6)} is not an HS 2022 subheading; search the nomenclature for the right one.`,
            `${code.slice(0, 6)}不是2022版HS子目，请查询正确编码。`,
          );
      });
    },
  },
  {
    name: 'dates_in_order',
    purpose:
      'Dates are real days in order: invoice on or before shipment; declaration and certification not before the invoice.',
    check({ data, today }, report) {
      const dates: Array<[string, string]> = [
        ['transport.departureDate', data.transport.departureDate],
        ['declaration.date', data.declaration.date],
        ...data.invoices.map((invoice, index): [string, string] => [`invoices.${index}.date`, invoice.date]),
      ];
      if (data.backToBack) dates.push(['backToBack.originalDate', data.backToBack.originalDate]);
      for (const [path, value] of dates) {
        if (value !== '' && !isDay(value))
          report(
            'error',
            'invalid_date',
            path,
            'Give a real date as YYYY-MM-DD.',
            '请按YYYY-MM-DD填写有效日期。',
          );
      }
      const shipment = isDay(data.transport.departureDate) ? data.transport.departureDate : undefined;
      const declared = isDay(data.declaration.date) ? data.declaration.date : undefined;
      data.invoices.forEach((invoice, index) => {
        if (!isDay(invoice.date)) return;
        const path = `invoices.${index}.date`;
        if (shipment && invoice.date > shipment)
          report(
            'error',
            'invoice_after_shipment',
            path,
            `The invoice date (${invoice.date}) is after the shipment date (${shipment}); an invoice is issued on or before shipment.`,
            `发票日期（${invoice.date}）晚于出运日期（${shipment}），发票日期不得晚于出运日期。`,
          );
        if (declared && declared < invoice.date)
          report(
            'error',
            'declaration_before_invoice',
            'declaration.date',
            `The declaration date (${declared}) is before invoice ${invoice.number || index + 1} (${invoice.date}).`,
            `申报日期（${declared}）早于发票日期（${invoice.date}）。`,
          );
        if (invoice.date > today)
          report(
            'error',
            'invoice_in_future',
            path,
            `The invoice date (${invoice.date}) is later than today (${today}); a certificate cannot be certified before its invoice.`,
            `发票日期（${invoice.date}）晚于今天（${today}），签证日期不得早于发票日期。`,
          );
      });
      if (declared && declared > today)
        report(
          'error',
          'declaration_in_future',
          'declaration.date',
          `The declaration cannot be dated after today (${today}).`,
          `申报日期不得晚于今天（${today}）。`,
        );
    },
  },
  {
    name: 'destination',
    purpose: "The destination is a country the type's agreement covers.",
    check({ type, data }, report) {
      const destination = data.destinationCountry;
      if (destination === '') return;
      if (!isCountryCode(destination))
        report(
          'error',
          'unknown_country',
          'destinationCountry',
          `${destination} is not a country code; use ISO 3166 codes such as KR or DE.`,
          `${destination}不是国家代码，请使用ISO 3166代码，如KR、DE。`,
        );
      else if (!acceptsDestination(type, destination))
        report(
          'error',
          'destination_not_covered',
          'destinationCountry',
          destination === 'CN'
            ? 'An export certificate cannot name China as the destination.'
            : `${destination} is not an importing country of ${type.names.en}; choose another certificate type.`,
          destination === 'CN'
            ? '出口原产地证书的目的国不能是中国。'
            : `${destination}不是${type.names.zh}的进口成员，请选择其他证书类型。`,
        );
    },
  },
  {
    name: 'consignee',
    purpose: 'The consignee is named (or a placeholder the type allows) and sits in an importing country.',
    check({ type, data }, report) {
      const { name, address, country } = data.consignee;
      const placeholder = type.consigneePlaceholders.includes(name.trim());
      if (name.trim() !== '' && !placeholder && address.trim() === '')
        report(
          'error',
          'consignee_address_missing',
          'consignee.address',
          "Give the consignee's full address.",
          '请填写收货人详细地址。',
        );
      if (country === '') return;
      if (!isCountryCode(country)) {
        report(
          'error',
          'unknown_country',
          'consignee.country',
          `${country} is not a country code.`,
          `${country}不是国家代码。`,
        );
        return;
      }
      if (type.agreement && !acceptsDestination(type, country))
        report(
          'error',
          'consignee_country_not_covered',
          'consignee.country',
          `The consignee must be in an importing country of ${type.agreement.code}; ${country} is not one.`,
          `收货人须位于${type.agreement.code}进口成员境内，${country}不是。`,
        );
      else if (data.destinationCountry && country !== data.destinationCountry && !placeholder)
        report(
          'warning',
          'consignee_country_differs',
          'consignee.country',
          `The consignee is in ${country} but the destination is ${data.destinationCountry}; box 4 names the final destination.`,
          `收货人在${country}，但目的国为${data.destinationCountry}，目的国应为最终目的国。`,
        );
    },
  },
  {
    name: 'producer',
    purpose:
      'Where the form has a producer box (RCEP), the producer is named with address and country, or a permitted statement.',
    check({ type, data }, report) {
      if (!boxOf(type, 'producer.name')) return;
      const name = data.producer.name.trim();
      if (name === '' || type.producerPlaceholders.includes(name)) return;
      if (data.producer.address.trim() === '')
        report(
          'error',
          'producer_address_missing',
          'producer.address',
          "Give the producer's address.",
          '请填写生产商地址。',
        );
      if (data.producer.country === '')
        report(
          'error',
          'producer_country_missing',
          'producer.country',
          "Give the producer's country.",
          '请填写生产商国家。',
        );
      else if (!isCountryCode(data.producer.country))
        report(
          'error',
          'unknown_country',
          'producer.country',
          `${data.producer.country} is not a country code.`,
          `${data.producer.country}不是国家代码。`,
        );
    },
  },
  {
    name: 'marks',
    purpose: 'Marks are stated, "N/M" when there are none, never "AS PER INVOICE".',
    check({ type, data }, report) {
      if (!boxOf(type, 'items[].marks')) return;
      data.items.forEach((item, index) => {
        const marks = item.marks.trim();
        const path = `items.${index}.marks`;
        if (marks === '')
          report(
            'error',
            'marks_missing',
            path,
            'Write the shipping marks, or N/M when there are none.',
            '请填写唛头，无唛头时填写N/M。',
          );
        else if (/^AS\s+PER\s+(INVOICE|INV\.?)$/i.test(marks))
          report(
            'error',
            'marks_as_per_invoice',
            path,
            '"AS PER INVOICE" is not accepted: copy the marks themselves, or write N/M.',
            '不接受"AS PER INVOICE"，请填写实际唛头或N/M。',
          );
      });
    },
  },
  {
    name: 'packages',
    purpose:
      'Packages are counted in a real unit (the certificate states them in words and digits); unpacked goods say IN BULK or IN NUDE.',
    check({ data }, report) {
      data.items.forEach((item, index) => {
        const kind = item.packageKind.trim();
        if (UNCOUNTED_PACKAGE_KINDS.includes(kind)) return;
        if (/^(PACKAGES?|PKGS?\.?)$/.test(kind))
          report(
            'error',
            'package_kind_vague',
            `items.${index}.packageKind`,
            '"PACKAGE" alone is not a unit: say CARTONS, PALLETS, BAGS, ... (or IN BULK / IN NUDE).',
            '"PACKAGE"不是包装单位，请填写CARTONS、PALLETS、BAGS等（散装填IN BULK或IN NUDE）。',
          );
        if (item.packageCount === null || item.packageCount === 0)
          report(
            'error',
            'package_count_missing',
            `items.${index}.packageCount`,
            'Give the number of packages (or choose IN BULK / IN NUDE).',
            '请填写包装件数（散装请选IN BULK或IN NUDE）。',
          );
      });
    },
  },
  {
    name: 'description_closed',
    purpose: 'Each description ends with "***", so nothing can be added after it.',
    check({ data }, report) {
      data.items.forEach((item, index) => {
        const description = item.description.trim();
        if (description !== '' && !description.endsWith('***'))
          report(
            'error',
            'description_not_closed',
            `items.${index}.description`,
            'End the description with "***".',
            '货物描述须以"***"结尾。',
          );
      });
    },
  },
  {
    name: 'origin_criterion',
    purpose:
      "Each item's origin criterion is one the type's form accepts (supplementary codes only alongside another).",
    check({ type, data }, report) {
      if (type.originCriteria.length === 0) return;
      const known = new Map(type.originCriteria.map((criterion) => [criterion.code, criterion]));
      data.items.forEach((item, index) => {
        const written = item.originCriterion.trim();
        if (written === '') return;
        const path = `items.${index}.originCriterion`;
        const codes = written.split(/[\s,]+/);
        const unknown = codes.filter((code) => !known.has(code));
        if (unknown.length) {
          report(
            'error',
            'criterion_unknown',
            path,
            `${unknown.join(', ')} is not an origin criterion of ${type.code}; use ${type.originCriteria.map((c) => c.code).join(', ')}.`,
            `${unknown.join(', ')}不是${type.code}证书的原产地标准，可用：${type.originCriteria.map((c) => c.code).join('、')}。`,
          );
          return;
        }
        const main = codes.filter((code) => !known.get(code)!.supplementary);
        if (main.length !== 1)
          report(
            'error',
            'criterion_combination',
            path,
            main.length === 0
              ? `${codes.join(' ')} can only accompany a main criterion (${type.originCriteria
                  .filter((c) => !c.supplementary)
                  .map((c) => c.code)
                  .join(', ')}).`
              : 'State one main origin criterion per item.',
            main.length === 0
              ? `${codes.join(' ')}须与一项主要原产地标准同时使用。`
              : '每项货物只能填写一项主要原产地标准。',
          );
      });
    },
  },
  {
    name: 'fob_value',
    purpose:
      'The FOB value is stated where the type asks for it: always, or when the criterion is a value-content one.',
    check({ type, data }, report) {
      if (type.fobValue === 'never') return;
      const valueContent = new Set(type.originCriteria.filter((c) => c.valueContent).map((c) => c.code));
      data.items.forEach((item, index) => {
        const needed =
          type.fobValue === 'always' ||
          item.originCriterion.split(/[\s,]+/).some((code) => valueContent.has(code));
        if (needed && (item.fobValue === null || item.fobValue <= 0))
          report(
            'error',
            'fob_required',
            `items.${index}.fobValue`,
            type.fobValue === 'always'
              ? 'Give the FOB value (US dollars).'
              : `The criterion ${item.originCriterion} is a value-content test: give the FOB value (US dollars).`,
            type.fobValue === 'always'
              ? '请填写FOB价格（美元）。'
              : `原产地标准${item.originCriterion}为区域价值成分标准，须填写FOB价格（美元）。`,
          );
      });
    },
  },
  {
    name: 'origin_country',
    purpose:
      "Where the form states each item's country of origin (RCEP box 11), it is China or another party to the agreement.",
    check({ type, data }, report) {
      if (!boxOf(type, 'items[].originCountry')) return;
      const parties =
        type.importingCountries === '*' ? undefined : new Set([...type.importingCountries, 'CN']);
      data.items.forEach((item, index) => {
        const country = item.originCountry;
        if (country === '' || !parties || parties.has(country)) return;
        report(
          'error',
          'origin_country_not_party',
          `items.${index}.originCountry`,
          `${country} is not a party to ${type.agreement?.code ?? type.code}; the country of origin must be one.`,
          `${country}不是${type.agreement?.code ?? type.code}成员，原产国须为成员国。`,
        );
      });
    },
  },
  {
    name: 'back_to_back',
    purpose: "A back-to-back certificate names the original proof's number, date and country.",
    check({ type, data }, report) {
      const original = data.backToBack;
      if (original && !type.options.backToBack) {
        report(
          'error',
          'option_not_available',
          'backToBack',
          `${type.code} certificates are not issued back-to-back.`,
          `${type.code}证书不签发背对背证书。`,
        );
        return;
      }
      if (!original) {
        if (type.backToBackOnly)
          report(
            'error',
            'original_proof_missing',
            'backToBack',
            "A back-to-back certificate needs the original proof's number, date and country.",
            '背对背证书须填写原始原产地证明的编号、日期和国家。',
          );
        return;
      }
      if (original.originalNumber.trim() === '')
        report(
          'error',
          'required',
          'backToBack.originalNumber',
          "Give the original proof's number.",
          '请填写原始证明编号。',
        );
      if (original.originalDate === '')
        report(
          'error',
          'required',
          'backToBack.originalDate',
          "Give the original proof's date.",
          '请填写原始证明日期。',
        );
      const country = original.originalCountry;
      if (country === '')
        report(
          'error',
          'required',
          'backToBack.originalCountry',
          'Give the country that issued the original proof.',
          '请填写签发原始证明的国家。',
        );
      else if (
        country === 'CN' ||
        (type.backToBackOriginCountries !== '*' && !type.backToBackOriginCountries.includes(country))
      )
        report(
          'error',
          'original_country_not_party',
          'backToBack.originalCountry',
          `The original proof must come from another party to ${type.agreement?.code ?? type.code}; ${country} is not one.`,
          `原始证明须由${type.agreement?.code ?? type.code}其他成员签发，${country}不是。`,
        );
    },
  },
  {
    name: 'third_party_invoicing',
    purpose: 'Third-party invoicing names the invoicing company and its country.',
    check({ type, data }, report) {
      const invoicer = data.thirdPartyInvoicing;
      if (!invoicer) return;
      if (!type.options.thirdPartyInvoicing) {
        report(
          'error',
          'option_not_available',
          'thirdPartyInvoicing',
          `${type.code} certificates do not provide for third-party invoicing.`,
          `${type.code}证书不适用第三方发票。`,
        );
        return;
      }
      if (invoicer.name.trim() === '')
        report(
          'error',
          'invoicer_name_missing',
          'thirdPartyInvoicing.name',
          "Give the invoicing company's name.",
          '请填写开票公司名称。',
        );
      if (invoicer.country === '')
        report(
          'error',
          'invoicer_country_missing',
          'thirdPartyInvoicing.country',
          "Give the invoicing company's country.",
          '请填写开票公司所在国家。',
        );
      else if (!isCountryCode(invoicer.country))
        report(
          'error',
          'unknown_country',
          'thirdPartyInvoicing.country',
          `${invoicer.country} is not a country code.`,
          `${invoicer.country}不是国家代码。`,
        );
    },
  },
  {
    name: 'exhibition',
    purpose: 'Exhibition goods name the exhibition and its place, where the form provides for it.',
    check({ type, data }, report) {
      if (!data.exhibition) return;
      if (!type.options.exhibition) {
        report(
          'error',
          'option_not_available',
          'exhibition',
          `${type.code} certificates do not provide for exhibitions.`,
          `${type.code}证书不适用展览品。`,
        );
        return;
      }
      if (data.exhibition.name.trim() === '')
        report('error', 'required', 'exhibition.name', 'Name the exhibition.', '请填写展览会名称。');
      if (data.exhibition.place.trim() === '')
        report('error', 'required', 'exhibition.place', "Give the exhibition's place.", '请填写展览地点。');
    },
  },
  {
    name: 'retroactive',
    purpose:
      "Applying after shipment: within the type's grace it is ordinary, within its window it is endorsed, beyond it refused.",
    check({ type, data, today }, report) {
      const shipment = data.transport.departureDate;
      if (!isDay(shipment)) return;
      const { allowed, windowDays, graceDays, marking } = type.retroactive;
      if (today <= addDays(shipment, graceDays)) return;
      const path = 'transport.departureDate';
      if (!allowed)
        report(
          'error',
          'retroactive_not_allowed',
          path,
          `The goods left on ${shipment}; ${type.code} certificates cannot be issued retroactively, so apply by ${addDays(shipment, graceDays)}.`,
          `货物已于${shipment}出运，${type.code}证书不能补发，应于${addDays(shipment, graceDays)}前申请。`,
        );
      else if (today > addDays(shipment, windowDays))
        report(
          'error',
          'retroactive_window_passed',
          path,
          `The goods left on ${shipment}; a ${type.code} certificate can be issued retroactively only until ${addDays(shipment, windowDays)}.`,
          `货物已于${shipment}出运，${type.code}证书补发期限至${addDays(shipment, windowDays)}。`,
        );
      else
        report(
          'warning',
          'issued_retroactively',
          path,
          `The goods left on ${shipment}: the certificate will be endorsed "${marking}" in box ${type.retroactive.box}.`,
          `货物已于${shipment}出运，证书将在第${type.retroactive.box}栏注明"${marking}"（补发）。`,
        );
    },
  },
  {
    name: 'commitment',
    purpose: 'The applicant commitment is given before the application goes to customs.',
    check({ data }, report) {
      if (!data.commitment)
        report(
          'error',
          'commitment_required',
          'commitment',
          'Confirm the applicant commitment: the declaration is true and you bear the consequences of a false one.',
          '请确认申请人承诺：所申报内容真实，并承担虚假申报的法律责任。',
        );
    },
  },
];

/** The rules with their purposes, for documentation and the API. */
export const FIELD_RULES: ReadonlyArray<{ name: RuleName; purpose: string }> = RULES.map(
  ({ name, purpose }) => ({
    name,
    purpose,
  }),
);

/** The box a concrete path belongs to: `items.3.hsCode` → the box holding `items[].hsCode`. */
export function boxForPath(type: CertificateType, path: string): string | null {
  const general = path.replace(/^(items|invoices)\.\d+\./, '$1[].');
  for (const entry of type.boxes) {
    if (entry.fields.some((field) => field.path === general || field.path.startsWith(`${general}.`)))
      return entry.number;
  }
  const group = general.split('.')[0]!;
  return (
    type.boxes.find((entry) =>
      entry.fields.some(
        (field) => field.path.startsWith(`${group}.`) || field.path.startsWith(`${group}[].`),
      ),
    )?.number ?? null
  );
}

/** Runs every rule; a rule that fails unexpectedly becomes an error finding rather than an exception. */
export function checkApplication(context: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const report: Reporter = (severity, code, path, en, zh) =>
      findings.push({
        rule: rule.name,
        code,
        severity,
        path,
        box: boxForPath(context.type, path),
        message: { en, zh },
      });
    try {
      rule.check(context, report);
    } catch (error) {
      report(
        'error',
        'rule_failed',
        '',
        `The ${rule.name} check could not run (${(error as Error).message}); tell the issuing authority.`,
        `${rule.name}检查无法运行，请联系签证机构。`,
      );
    }
  }
  return findings;
}

/** Whether findings allow submission: no error among them. */
export const hasErrors = (findings: readonly Finding[]) =>
  findings.some((finding) => finding.severity === 'error');
