import type { ApplicationData, GoodsItem } from '../domain/application.js';
import { packagesStatement, routeStatement } from '../domain/application.js';
import type { ApplicationField, CertificateType } from '../domain/certificate-types.js';
import { countryName } from '../domain/countries.js';
import { certificateDate } from '../domain/endorsements.js';

/**
 * What each box says, as lines of text: the application fields the type file puts in the box, written the
 * way certificates write them (countries by English name, dates as "MARCH 2, 2026", packages in words and
 * digits). Pure, so the layout tests and the renderer agree on what a box holds.
 */

type TypeBox = CertificateType['boxes'][number];

const country = (code: string): string => (code ? countryName(code).en : '');
const day = (value: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? certificateDate(value) : value);
const nonEmpty = (lines: string[]): string[] => lines.filter((line) => line.trim() !== '');

const QUANTITY = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });
const MONEY = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** `2400` → "2,400"; quantities keep up to three decimals. */
export const formatQuantity = (value: number): string => QUANTITY.format(value);
/** FOB values in US dollars with cents: "12,000.00". */
export const formatMoney = (value: number): string => MONEY.format(value);

const isItemPath = (path: ApplicationField): boolean => path.startsWith('items[].');

interface BoxFields {
  /** The box's fields outside the goods items, and the groups they belong to, in the type file's order. */
  paths: Set<ApplicationField>;
  groups: string[];
  /** The box's fields of each goods item. */
  itemPaths: Set<ApplicationField>;
}

/** Each box's fields sorted out once per process: every certificate asks again, for every item. */
const fieldsOfBox = new WeakMap<TypeBox, BoxFields>();

function boxFields(box: TypeBox): BoxFields {
  let fields = fieldsOfBox.get(box);
  if (!fields) {
    const all = box.fields.map((field) => field.path);
    const outside = all.filter((path) => !isItemPath(path));
    fields = {
      paths: new Set(outside),
      groups: [...new Set(outside.map((path) => path.split('.')[0]!.replace('[]', '')))],
      itemPaths: new Set(all.filter(isItemPath)),
    };
    fieldsOfBox.set(box, fields);
  }
  return fields;
}

/** The box's fields outside the goods items (parties, transport, invoices, declaration ...), as lines. */
export function boxLines(box: TypeBox, data: ApplicationData): string[] {
  const { paths, groups } = boxFields(box);
  const has = (path: ApplicationField) => paths.has(path);
  const lines: string[] = [];
  for (const group of groups) {
    switch (group) {
      case 'exporter':
      case 'consignee':
      case 'producer': {
        const party = data[group];
        lines.push(
          ...nonEmpty([
            has(`${group}.name`) ? party.name : '',
            has(`${group}.address`) ? party.address : '',
            has(`${group}.country`) ? country(party.country) : '',
          ]),
        );
        break;
      }
      case 'transport': {
        const transport = data.transport;
        const listed = (key: keyof typeof transport) => (has(`transport.${key}`) ? transport[key] : '');
        lines.push(
          ...nonEmpty([
            routeStatement({
              ...transport,
              mode: has('transport.mode') ? transport.mode : '',
              portOfLoading: listed('portOfLoading'),
              portOfDischarge: listed('portOfDischarge'),
              via: listed('via'),
            }),
            listed('departureDate') ? `DEPARTURE DATE: ${day(transport.departureDate)}` : '',
            listed('vesselOrFlight') ? `VESSEL / FLIGHT: ${transport.vesselOrFlight}` : '',
          ]),
        );
        break;
      }
      case 'destinationCountry':
        lines.push(...nonEmpty([country(data.destinationCountry)]));
        break;
      case 'invoices':
        for (const invoice of data.invoices) lines.push(...nonEmpty([invoice.number, day(invoice.date)]));
        break;
      case 'thirdPartyInvoicing': {
        const invoicer = data.thirdPartyInvoicing;
        if (invoicer)
          lines.push(
            `THIRD-PARTY INVOICING: ${nonEmpty([invoicer.name, invoicer.address, country(invoicer.country)]).join(', ')}`,
          );
        break;
      }
      case 'backToBack': {
        const original = data.backToBack;
        if (original)
          lines.push(
            nonEmpty([
              `BACK-TO-BACK, ORIGINAL PROOF NO. ${original.originalNumber}`,
              original.originalDate ? `DATED ${day(original.originalDate)}` : '',
              original.originalCountry ? `ISSUED IN ${country(original.originalCountry)}` : '',
            ]).join(' '),
          );
        break;
      }
      case 'exhibition': {
        const exhibition = data.exhibition;
        if (exhibition) lines.push(`EXHIBITION: ${nonEmpty([exhibition.name, exhibition.place]).join(', ')}`);
        break;
      }
      case 'remarks':
        lines.push(...nonEmpty([data.remarks]));
        break;
      case 'declaration':
        lines.push(
          nonEmpty([
            has('declaration.place') ? data.declaration.place : '',
            has('declaration.date') ? day(data.declaration.date) : '',
          ]).join(', '),
        );
        break;
      default:
        // commitment: the signatory's signature and seal stand for it, it prints no words.
        break;
    }
  }
  return nonEmpty(lines);
}

/** What the box says for one goods item (a column of the goods table), as lines. */
export function itemLines(box: TypeBox, item: GoodsItem): string[] {
  const paths = boxFields(box).itemPaths;
  const lines: string[] = [];
  if (paths.has('items[].marks')) lines.push(item.marks);
  if (paths.has('items[].description')) {
    const packages = paths.has('items[].packageCount') ? packagesStatement(item) : '';
    lines.push(packages ? `${packages} OF ${item.description}` : item.description);
  }
  // Where the HS code shares the description's box (Form E, Singapore, Pakistan), it is labelled.
  if (paths.has('items[].hsCode')) lines.push(paths.size > 1 ? `HS CODE ${item.hsCode}` : item.hsCode);
  if (paths.has('items[].originCriterion')) lines.push(item.originCriterion);
  if (paths.has('items[].originCountry')) lines.push(country(item.originCountry));
  if (paths.has('items[].quantity') && item.quantity !== null)
    lines.push(
      `${formatQuantity(item.quantity)} ${paths.has('items[].quantityUnit') ? item.quantityUnit : ''}`.trim(),
    );
  if (paths.has('items[].fobValue') && item.fobValue !== null)
    lines.push(`FOB USD ${formatMoney(item.fobValue)}`);
  return nonEmpty(lines);
}

/** The ticks a form offers (RCEP box 17), named when the data ticks them. */
export function tickLines(type: CertificateType, data: ApplicationData): string[] {
  const lines: string[] = [];
  if (type.options.backToBack && (data.backToBack !== null || type.backToBackOnly))
    lines.push('[X] BACK-TO-BACK CERTIFICATE OF ORIGIN');
  if (type.options.thirdPartyInvoicing && data.thirdPartyInvoicing !== null)
    lines.push('[X] THIRD-PARTY INVOICING');
  if (type.options.exhibition && data.exhibition !== null) lines.push('[X] EXHIBITION');
  return lines;
}

/** Han characters, kana, Hangul and full-width forms: text that needs the CJK font. */
const CJK = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/;

export const containsCjk = (text: string): boolean => CJK.test(text);
