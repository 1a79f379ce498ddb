import type {
  ApplicationData,
  ApplicationFieldPath,
  CertificateBox,
  CertificateType,
  Finding,
  GoodsItem,
} from '../api';

// How a certificate type's boxes become a form, and where each finding of the field rules is shown. Pure
// functions over the type's data: no box layout is written in code.

/** Ticks a form may offer; each one's fields appear once it is ticked. */
export const OPTION_GROUPS = ['thirdPartyInvoicing', 'backToBack', 'exhibition'] as const;
export type OptionGroup = (typeof OPTION_GROUPS)[number];

export type BoxField = CertificateBox['fields'][number];

/**
 * The form in the certificate's order: single boxes, and each run of boxes that describe the goods items
 * (marks, packages and description, HS code, criterion, quantity), which the form repeats per item.
 */
export type FormPart = { kind: 'box'; box: CertificateBox } | { kind: 'goods'; boxes: CertificateBox[] };

export const isItemField = (field: BoxField): boolean => field.path.startsWith('items[].');
export const isInvoiceField = (field: BoxField): boolean => field.path.startsWith('invoices[].');

export function optionGroupOf(path: string): OptionGroup | undefined {
  return OPTION_GROUPS.find((group) => path.startsWith(`${group}.`));
}

export function formParts(type: CertificateType): FormPart[] {
  const parts: FormPart[] = [];
  for (const box of type.boxes) {
    const last = parts.at(-1);
    if (!box.fields.some(isItemField)) parts.push({ kind: 'box', box });
    else if (last?.kind === 'goods') last.boxes.push(box);
    else parts.push({ kind: 'goods', boxes: [box] });
  }
  return parts;
}

/** `items[].hsCode` of item 2 → `items.2.hsCode`. */
export const concretePath = (path: ApplicationFieldPath, index: number): string =>
  path.replace('[]', `.${index}`);

/** `items.2.hsCode` → `items[].hsCode` and its index. */
export function generalPath(path: string): { path: string; index: number | null } {
  const match = /^(items|invoices)\.(\d+)\.(.+)$/.exec(path);
  return match ? { path: `${match[1]}[].${match[3]}`, index: Number(match[2]) } : { path, index: null };
}

/** The element id of a field's control, so the summary can lead to it. */
export const fieldId = (path: string): string => `field-${path.replaceAll('.', '-')}`;
/** The element id of a box (`goods` for the goods items). */
export const boxId = (box: string): string => `box-${box}`;

/** Where the form shows a box: its own element, or the goods items for a box of item fields only. */
export function boxAnchor(type: CertificateType, number: string): string {
  const box = type.boxes.find((candidate) => candidate.number === number);
  const inGoods = box !== undefined && box.fields.length > 0 && box.fields.every(isItemField);
  return boxId(inGoods ? 'goods' : number);
}

/** Whether a tick's fields are on the form: ticked, or a back-to-back-only type. */
export const optionShown = (type: CertificateType, data: ApplicationData, group: OptionGroup): boolean =>
  data[group] !== null || (group === 'backToBack' && type.backToBackOnly);

const BLANK_OPTIONS: { [G in OptionGroup]: NonNullable<ApplicationData[G]> } = {
  thirdPartyInvoicing: { name: '', address: '', country: '' },
  backToBack: { originalNumber: '', originalDate: '', originalCountry: '' },
  exhibition: { name: '', place: '' },
};

export const blankOption = <G extends OptionGroup>(group: G): NonNullable<ApplicationData[G]> => ({
  ...BLANK_OPTIONS[group],
});

/** A new goods item: RCEP-style forms state each item's country of origin, China unless changed. */
export function blankItem(type: CertificateType): GoodsItem {
  const statesOrigin = type.boxes.some((box) =>
    box.fields.some((field) => field.path === 'items[].originCountry'),
  );
  return {
    marks: '',
    packageCount: null,
    packageKind: '',
    description: '',
    hsCode: '',
    originCriterion: '',
    originCountry: statesOrigin ? 'CN' : '',
    quantity: null,
    quantityUnit: '',
    fobValue: null,
    preReviewId: '',
  };
}

export function valueAt(data: ApplicationData, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (value, key) =>
        value === null || value === undefined ? undefined : (value as Record<string, unknown>)[key],
      data,
    );
}

function replaced(container: unknown, keys: string[], value: unknown): unknown {
  const [key, ...rest] = keys as [string, ...string[]];
  if (Array.isArray(container)) {
    const copy = [...(container as unknown[])];
    copy[Number(key)] = rest.length ? replaced(copy[Number(key)], rest, value) : value;
    return copy;
  }
  const record = (container ?? {}) as Record<string, unknown>;
  return { ...record, [key]: rest.length ? replaced(record[key], rest, value) : value };
}

/** The data with one field changed (`items.0.hsCode`); a tick's group comes into being when first filled. */
export function withValueAt(data: ApplicationData, path: string, value: unknown): ApplicationData {
  const group = optionGroupOf(path);
  const base = group && data[group] === null ? { ...data, [group]: blankOption(group) } : data;
  return replaced(base, path.split('.'), value) as ApplicationData;
}

/** Every field the form shows now, by concrete path. */
export function shownFieldPaths(type: CertificateType, data: ApplicationData): Set<string> {
  const paths = new Set<string>();
  for (const box of type.boxes) {
    for (const field of box.fields) {
      const group = optionGroupOf(field.path);
      if (isItemField(field)) data.items.forEach((_, index) => paths.add(concretePath(field.path, index)));
      else if (isInvoiceField(field))
        data.invoices.forEach((_, index) => paths.add(concretePath(field.path, index)));
      else if (!group || optionShown(type, data, group)) paths.add(field.path);
    }
  }
  return paths;
}

/** The box holding a group's fields (`invoices`, `backToBack`, ...), or `goods` for the items. */
function boxOfGroup(type: CertificateType, group: string): string | undefined {
  if (group === 'items') return 'goods';
  const prefix = group === 'invoices' ? 'invoices[].' : `${group}.`;
  return type.boxes.find((box) => box.fields.some((field) => field.path.startsWith(prefix)))?.number;
}

export interface PlacedFindings {
  /** Findings about one field, by its concrete path. */
  byField: Map<string, Finding[]>;
  /** Findings about a box or a group in it (`items`, `backToBack`), by box number or `goods`. */
  byBox: Map<string, Finding[]>;
  /** Where the summary leads for each finding: a field's or a box's element id, if it has one. */
  anchor: Map<Finding, string>;
}

/** Places each finding next to its field, else at its box; the rest appear in the summary only. */
export function placeFindings(
  type: CertificateType,
  data: ApplicationData,
  findings: readonly Finding[],
): PlacedFindings {
  const shown = shownFieldPaths(type, data);
  const placed: PlacedFindings = { byField: new Map(), byBox: new Map(), anchor: new Map() };
  const add = (map: Map<string, Finding[]>, key: string, finding: Finding) =>
    map.set(key, [...(map.get(key) ?? []), finding]);
  for (const finding of findings) {
    if (shown.has(finding.path)) {
      add(placed.byField, finding.path, finding);
      placed.anchor.set(finding, fieldId(finding.path));
      continue;
    }
    const number = boxOfGroup(type, finding.path.split('.')[0] ?? '') ?? finding.box;
    const entry = type.boxes.find((candidate) => candidate.number === number);
    // A box holding only goods item fields is part of the goods section.
    const box =
      number === 'goods' || (entry && entry.fields.length > 0 && entry.fields.every(isItemField))
        ? 'goods'
        : entry?.number;
    if (box) {
      add(placed.byBox, box, finding);
      placed.anchor.set(finding, boxId(box));
    }
  }
  return placed;
}
