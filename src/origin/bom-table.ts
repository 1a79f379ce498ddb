import type { CellValue, Sheet } from '../domain/xlsx.js';
import { columnLetters } from '../domain/xlsx.js';
import type { BillOfMaterials, MaterialRole } from './bill-of-materials.js';
import { UNDETERMINED, parseBillOfMaterials } from './bill-of-materials.js';
import { readCsv } from './csv.js';

/**
 * A bill of materials as a clerk fills it in a spreadsheet (docs/origin.md, "Spreadsheet layout"): a
 * Product sheet of label and value, a Materials sheet with one row per line and a Level column for
 * sub-assemblies, a Processes sheet, and an optional Deductions sheet; a CSV file holds the same parts as
 * sections (`[Product]`, `[Materials]`, ...). Sheet names, labels and headers are matched ignoring case,
 * spaces and brackets, in English or Chinese. The tables become the JSON bill, which the one schema
 * (`parseBillOfMaterials`) checks; every problem comes back at the sheet, row and column it came from.
 */

/** A problem at a place in the file: the column as a spreadsheet heads it ("C"), or null for a whole row. */
export interface BomTableProblem {
  sheet: string;
  /** The row a spreadsheet shows (for CSV, the line in the file); null for the sheet as a whole. */
  row: number | null;
  column: string | null;
  /** The header of the column (or the label of a Product row), when there is one. */
  header: string | null;
  code: string;
  message: string;
}

export type BomTableResult = { ok: true; bill: BillOfMaterials } | { ok: false; problems: BomTableProblem[] };

/** Where a problem is, written as a spreadsheet writes it: `Materials!C7`, `Materials!7`, `Materials`. */
export function cellReference(problem: Pick<BomTableProblem, 'sheet' | 'row' | 'column'>): string {
  if (problem.row === null) return problem.sheet;
  return `${problem.sheet}!${problem.column ?? ''}${problem.row}`;
}

// ---- Vocabulary ---------------------------------------------------------------------------------------

/** Labels compare without case, spaces, brackets, stars and punctuation, and full-width forms as ASCII. */
const normalise = (label: string) =>
  label
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s()[\]{}*._\-/:;,'"]/g, '');

type PartKind = 'product' | 'materials' | 'processes' | 'deductions';

const PART_NAMES: Record<PartKind, string[]> = {
  product: ['Product', '产品', '成品'],
  materials: ['Materials', 'Material', 'Bill of materials', 'BOM', '物料', '材料', '物料清单', '原材料'],
  processes: ['Processes', 'Process', 'Processing', '工序', '加工工序', '生产工序'],
  deductions: ['Deductions', 'Deduction', '扣除', '扣除项目'],
};
const REQUIRED_PARTS: PartKind[] = ['product', 'materials'];

interface Column {
  /** The English header written in templates and messages. */
  header: string;
  synonyms: string[];
  required?: boolean;
}

const VALUE_ADDED_COLUMNS = {
  directLabour: { header: 'Direct labour', synonyms: ['Direct labor', '直接人工', '直接人工成本'] },
  directOverhead: { header: 'Direct overhead', synonyms: ['直接制造费用', '直接间接费用'] },
  profit: { header: 'Profit', synonyms: ['利润'] },
  otherCosts: { header: 'Other costs', synonyms: ['其他成本', '其他费用'] },
  whollyObtained: {
    header: 'Wholly obtained',
    synonyms: ['Wholly obtained category', '完全获得', '完全获得类别'],
  },
} satisfies Record<string, Column>;

const PRODUCT_FIELDS = {
  hsCode: { header: 'HS code', synonyms: ['HS', 'HS编码', '商品编码', '税则号列'], required: true },
  nameZh: { header: 'Name (Chinese)', synonyms: ['Chinese name', '中文名称', '中文品名'], required: true },
  nameEn: { header: 'Name (English)', synonyms: ['English name', '英文名称', '英文品名'], required: true },
  model: { header: 'Model', synonyms: ['型号', '规格型号'] },
  unit: { header: 'Unit', synonyms: ['单位', '计量单位'], required: true },
  exWorksPrice: {
    header: 'Ex-works price',
    synonyms: ['Ex-factory price', 'EXW price', '出厂价', '出厂价格'],
    required: true,
  },
  fobPrice: { header: 'FOB price', synonyms: ['FOB', 'FOB价', 'FOB价格', '离岸价'], required: true },
  netWeightKg: {
    header: 'Net weight (kg)',
    synonyms: ['Net weight', 'Weight (kg)', '净重', '净重(千克)', '净重(kg)'],
    required: true,
  },
  currency: { header: 'Currency', synonyms: ['币制', '币种'] },
  ...VALUE_ADDED_COLUMNS,
} satisfies Record<string, Column>;

const MATERIAL_COLUMNS = {
  item: { header: 'Item', synonyms: ['Item no', 'No', 'Line', '编号', '序号', '物料编号'] },
  level: { header: 'Level', synonyms: ['层级', '级别', '层次'] },
  name: {
    header: 'Name',
    synonyms: ['Material', 'Material name', '名称', '物料名称', '材料名称'],
    required: true,
  },
  hsCode: { header: 'HS code', synonyms: ['HS', 'HS编码', '商品编码', '税则号列'], required: true },
  originCountry: {
    header: 'Origin',
    synonyms: ['Origin country', 'Country of origin', '原产国', '原产地', '原产国(地区)'],
    required: true,
  },
  proofParty: {
    header: 'Proof party',
    synonyms: ['Proof of origin party', 'Originating in', '原产证明缔约方', '证明缔约方'],
  },
  proofAgreements: { header: 'Proof agreements', synonyms: ['Proof agreement', '证明协定', '证明所属协定'] },
  proofDocument: {
    header: 'Proof document',
    synonyms: ['Proof of origin', 'Proof document no', '原产证明', '原产证明编号', '证明编号'],
  },
  value: { header: 'Value', synonyms: ['Value per unit', '价值', '金额', '单位价值'], required: true },
  weightKg: { header: 'Weight (kg)', synonyms: ['Weight', 'Net weight', '重量', '重量(千克)', '净重'] },
  quantity: { header: 'Quantity', synonyms: ['Usage', 'Qty', '用量', '数量'] },
  unit: { header: 'Unit', synonyms: ['单位'] },
  role: { header: 'Role', synonyms: ['Kind', 'Type', '类别', '角色', '用途'] },
  ...VALUE_ADDED_COLUMNS,
} satisfies Record<string, Column>;

const PROCESS_COLUMNS = {
  assembly: { header: 'Assembly', synonyms: ['Sub-assembly', 'Item', '组件', '所属组件', '编号'] },
  description: {
    header: 'Description',
    synonyms: ['Process', 'Step', '工序', '工序描述', '加工工序', '描述'],
    required: true,
  },
  minimalOperation: { header: 'Minimal operation', synonyms: ['微小加工', '微小加工处理', '简单加工'] },
} satisfies Record<string, Column>;

const DEDUCTION_COLUMNS = {
  item: { header: 'Item', synonyms: ['Item no', '编号', '物料编号'], required: true },
  kind: { header: 'Kind', synonyms: ['Type', '类型', '扣除类型'], required: true },
  amount: { header: 'Amount', synonyms: ['金额'], required: true },
  evidence: { header: 'Evidence', synonyms: ['证明', '凭证', '证明文件'] },
} satisfies Record<string, Column>;

/** Written values and the code they stand for (English, Chinese, or the code itself). */
const ROLE_WORDS: Record<string, MaterialRole> = {
  material: 'material',
  materials: 'material',
  part: 'material',
  材料: 'material',
  物料: 'material',
  原材料: 'material',
  零件: 'material',
  transportpacking: 'transport_packing',
  运输包装: 'transport_packing',
  retailpacking: 'retail_packing',
  零售包装: 'retail_packing',
  销售包装: 'retail_packing',
  accessory: 'accessory',
  accessories: 'accessory',
  附件: 'accessory',
  配件: 'accessory',
  indirect: 'indirect',
  indirectmaterial: 'indirect',
  间接材料: 'indirect',
};
const UNDETERMINED_WORDS = new Set(['undetermined', 'unknown', '不明', '未知', '原产地不明', '原产国不明']);
const DEDUCTION_WORDS: Record<string, string> = {
  inboundtransport: 'inbound_transport',
  freight: 'inbound_transport',
  运费: 'inbound_transport',
  运输费用: 'inbound_transport',
  dutiesnotrefunded: 'duties_not_refunded',
  未退还税费: 'duties_not_refunded',
  未退还关税: 'duties_not_refunded',
  wastenetofscrap: 'waste_net_of_scrap',
  waste: 'waste_net_of_scrap',
  废料净损耗: 'waste_net_of_scrap',
  损耗: 'waste_net_of_scrap',
};
const NO_WORDS = new Set(['', 'no', 'none', 'n', '否', '无']);

// ---- Reading tables -----------------------------------------------------------------------------------

interface Place {
  sheet: string;
  row: number | null;
  column: string | null;
  header: string | null;
}

interface Part {
  kind: PartKind;
  name: string;
  rows: Sheet['rows'];
}

const isBlank = (value: CellValue | undefined) =>
  value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

const sectionName = (cells: CellValue[]) => {
  const first = cells[0];
  if (typeof first !== 'string' || !cells.slice(1).every(isBlank)) return undefined;
  return /^\s*\[(.+)\]\s*$/.exec(first)?.[1]?.trim();
};

function partKindOf(name: string): PartKind | undefined {
  const wanted = normalise(name);
  return (Object.keys(PART_NAMES) as PartKind[]).find((kind) =>
    PART_NAMES[kind].some((synonym) => normalise(synonym) === wanted),
  );
}

/** Splits a sheet (or a CSV file) into its sections, each started by a row `[Materials]`. */
function sectionsOf(sheet: Sheet, problems: BomTableProblem[]): Part[] {
  const parts: Part[] = [];
  let current: Part | undefined;
  for (const row of sheet.rows) {
    const section = sectionName(row.cells);
    if (section !== undefined) {
      const kind = partKindOf(section);
      if (!kind) {
        problems.push({
          ...{ sheet: sheet.name, row: row.row, column: 'A', header: null },
          code: 'unknown_section',
          message: `Unknown section [${section}]; name it [Product], [Materials], [Processes] or [Deductions].`,
        });
        current = undefined;
      } else parts.push((current = { kind, name: section, rows: [] }));
    } else if (current) current.rows.push(row);
    else if (!row.cells.every(isBlank))
      problems.push({
        ...{ sheet: sheet.name, row: row.row, column: null, header: null },
        code: 'outside_section',
        message:
          'This row is outside any section; start each part with a row [Product], [Materials] or [Processes].',
      });
  }
  return parts;
}

/** The parts of a workbook: sheets named for a part, or one sheet laid out in sections. Other sheets are ignored. */
function partsOfWorkbook(sheets: Sheet[], problems: BomTableProblem[]): Part[] {
  const parts: Part[] = [];
  for (const sheet of sheets) {
    const kind = partKindOf(sheet.name);
    if (kind) parts.push({ kind, name: sheet.name, rows: sheet.rows });
    else if (sheet.rows.some((row) => sectionName(row.cells) !== undefined))
      parts.push(...sectionsOf(sheet, problems));
  }
  return parts;
}

const cellText = (value: CellValue | undefined): string | undefined => {
  if (value === null || value === undefined) return undefined;
  const text = (typeof value === 'number' ? String(roundNoise(value)) : String(value)).trim();
  return text === '' ? undefined : text;
};

/** Spreadsheet arithmetic leaves binary noise (30.000000000000004); 15 significant digits remove it. */
const roundNoise = (value: number) => Number(value.toPrecision(15));

/** Matches a header row to columns; unknown and repeated headers are problems. */
function headerMap<K extends string>(
  part: Part,
  columns: Record<K, Column>,
  problems: BomTableProblem[],
): { indexOf: Map<K, number>; headerRow: number } | undefined {
  const headerRow = part.rows.find((row) => !row.cells.every(isBlank));
  if (!headerRow) {
    problems.push({
      ...{ sheet: part.name, row: null, column: null, header: null },
      code: 'empty_sheet',
      message: `${part.name} is empty; put the headers in its first row (${Object.values<Column>(columns)
        .map((column) => column.header)
        .join(', ')}).`,
    });
    return undefined;
  }
  const indexOf = new Map<K, number>();
  headerRow.cells.forEach((cell, index) => {
    const written = cellText(cell);
    if (written === undefined) return;
    const place = { sheet: part.name, row: headerRow.row, column: columnLetters(index), header: written };
    const key = (Object.keys(columns) as K[]).find((candidate) =>
      [columns[candidate].header, ...columns[candidate].synonyms].some(
        (name) => normalise(name) === normalise(written),
      ),
    );
    if (key === undefined)
      problems.push({
        ...place,
        code: 'unknown_column',
        message: `Unknown column "${written}"; rename it to one of ${Object.values<Column>(columns)
          .map((column) => column.header)
          .join(', ')}, or delete it.`,
      });
    else if (indexOf.has(key))
      problems.push({
        ...place,
        code: 'duplicate_column',
        message: `"${written}" repeats column ${columnLetters(indexOf.get(key)!)} (${columns[key].header}); keep one.`,
      });
    else indexOf.set(key, index);
  });
  for (const key of Object.keys(columns) as K[])
    if (columns[key].required && !indexOf.has(key))
      problems.push({
        ...{ sheet: part.name, row: headerRow.row, column: null, header: columns[key].header },
        code: 'missing_column',
        message: `Add a column "${columns[key].header}" to ${part.name}; it is required.`,
      });
  return { indexOf, headerRow: headerRow.row };
}

// ---- Building the bill --------------------------------------------------------------------------------

type Json = Record<string, unknown>;

/** Builds the JSON bill and remembers, for every path in it, the cell it came from. */
class BillBuilder {
  readonly problems: BomTableProblem[] = [];
  readonly places = new Map<string, Place>();
  /** Cells that already have a problem: the schema's complaint about them would repeat it. */
  private readonly reported = new Set<string>();

  problem(place: Place, code: string, message: string) {
    this.problems.push({ ...place, code, message });
    this.reported.add(cellReference(place));
  }

  wasReported(place: Place) {
    return this.reported.has(cellReference(place));
  }

  text(target: Json, key: string, value: CellValue | undefined, place: Place, path: string) {
    this.places.set(path, place);
    const text = cellText(value);
    if (text !== undefined) target[key] = text;
  }

  number(target: Json, key: string, value: CellValue | undefined, place: Place, path: string) {
    this.places.set(path, place);
    if (typeof value === 'number') {
      target[key] = roundNoise(value);
      return;
    }
    const text = cellText(value);
    if (text === undefined) return;
    // Thousands separators and spaces as people type them; no units or currency signs.
    const plain = text.replace(/[,\s]/g, '');
    if (/^-?(\d+(\.\d*)?|\.\d+)$/.test(plain)) target[key] = Number(plain);
    else
      this.problem(
        place,
        'not_a_number',
        `${place.header} "${text}" is not a number; write digits only, such as 12.50 (no unit or currency).`,
      );
  }

  hsCode(target: Json, value: CellValue | undefined, place: Place, path: string) {
    this.places.set(path, place);
    if (typeof value === 'number' && Number.isInteger(value)) {
      // A code typed as a number loses its leading zero (030389 → 30389); HS codes have an even length.
      const digits = String(value);
      target.hsCode = digits.length % 2 === 1 ? `0${digits}` : digits;
    } else this.text(target, 'hsCode', value, place, path);
  }
}

interface Located<K extends string> {
  get(key: K): CellValue | undefined;
  place(key: K): Place;
  row: number;
  has(key: K): boolean;
}

function rowsOf<K extends string>(
  part: Part,
  columns: Record<K, Column>,
  header: { indexOf: Map<K, number>; headerRow: number },
): Located<K>[] {
  return part.rows
    .filter((row) => row.row > header.headerRow && !row.cells.every(isBlank))
    .map((row) => ({
      row: row.row,
      has: (key) => header.indexOf.has(key),
      get: (key) => {
        const index = header.indexOf.get(key);
        return index === undefined ? undefined : row.cells[index];
      },
      place: (key) => {
        const index = header.indexOf.get(key);
        return {
          sheet: part.name,
          row: row.row,
          column: index === undefined ? null : columnLetters(index),
          header: columns[key].header,
        };
      },
    }));
}

type ValueAddedKey = keyof typeof VALUE_ADDED_COLUMNS;
const VALUE_ADDED_KEYS = ['directLabour', 'directOverhead', 'profit', 'otherCosts'] as const;

/** Puts the build-up cost items and the wholly-obtained claim on an assembly, from cells where present. */
function addValueAdded(
  builder: BillBuilder,
  assembly: Json,
  path: string,
  cell: (key: ValueAddedKey) => { value: CellValue | undefined; place: Place } | undefined,
) {
  const filled = VALUE_ADDED_KEYS.filter((key) => !isBlank(cell(key)?.value));
  if (filled.length > 0) {
    const valueAdded: Json = {};
    for (const key of VALUE_ADDED_KEYS) {
      const found = cell(key);
      if (found) builder.number(valueAdded, key, found.value, found.place, `${path}valueAdded.${key}`);
    }
    assembly.valueAdded = valueAdded;
    builder.places.set(`${path}valueAdded`, cell(filled[0]!)!.place);
  }
  const wholly = cell('whollyObtained');
  if (wholly && !isBlank(wholly.value)) {
    const claim: Json = {};
    builder.text(claim, 'category', wholly.value, wholly.place, `${path}whollyObtained.category`);
    assembly.whollyObtained = claim;
  }
}

function readProduct(builder: BillBuilder, part: Part, bill: Json) {
  type Key = keyof typeof PRODUCT_FIELDS;
  const found = new Map<Key, { value: CellValue | undefined; place: Place }>();
  for (const row of part.rows) {
    const label = cellText(row.cells[0]);
    if (label === undefined) continue;
    const normalised = normalise(label);
    if (['field', 'item', 'label', '项目', '字段'].includes(normalised) && found.size === 0) continue; // a header row
    const key = (Object.keys(PRODUCT_FIELDS) as Key[]).find((candidate) =>
      [PRODUCT_FIELDS[candidate].header, ...PRODUCT_FIELDS[candidate].synonyms].some(
        (name) => normalise(name) === normalised,
      ),
    );
    const labelPlace = { sheet: part.name, row: row.row, column: 'A', header: label };
    if (key === undefined) {
      builder.problem(
        labelPlace,
        'unknown_field',
        `Unknown product field "${label}"; use ${Object.values<Column>(PRODUCT_FIELDS)
          .map((field) => field.header)
          .join(', ')}.`,
      );
      continue;
    }
    if (found.has(key)) {
      builder.problem(labelPlace, 'duplicate_field', `"${label}" is given twice; keep one row.`);
      continue;
    }
    if (row.cells.slice(2).some((cell) => !isBlank(cell)))
      builder.problem(
        { ...labelPlace, column: 'C' },
        'extra_cells',
        `Only column B holds the value of "${label}"; clear the cells to its right.`,
      );
    found.set(key, {
      value: row.cells[1],
      place: { sheet: part.name, row: row.row, column: 'B', header: PRODUCT_FIELDS[key].header },
    });
  }
  for (const key of Object.keys(PRODUCT_FIELDS) as Key[])
    if ((PRODUCT_FIELDS[key] as Column).required && isBlank(found.get(key)?.value) && !found.has(key))
      builder.problem(
        { sheet: part.name, row: null, column: null, header: PRODUCT_FIELDS[key].header },
        'missing_field',
        `Add a row "${PRODUCT_FIELDS[key].header}" with its value in column B.`,
      );

  const product: Json = {};
  const names: Json = {};
  const at = (key: Key) =>
    found.get(key) ?? { value: undefined, place: productPlace(part, PRODUCT_FIELDS[key].header) };
  builder.hsCode(product, at('hsCode').value, at('hsCode').place, 'product.hsCode');
  builder.text(names, 'zh', at('nameZh').value, at('nameZh').place, 'product.names.zh');
  builder.text(names, 'en', at('nameEn').value, at('nameEn').place, 'product.names.en');
  product.names = names;
  builder.text(product, 'model', at('model').value, at('model').place, 'product.model');
  builder.text(product, 'unit', at('unit').value, at('unit').place, 'product.unit');
  builder.number(
    product,
    'exWorksPrice',
    at('exWorksPrice').value,
    at('exWorksPrice').place,
    'product.exWorksPrice',
  );
  builder.number(product, 'fobPrice', at('fobPrice').value, at('fobPrice').place, 'product.fobPrice');
  builder.number(
    product,
    'netWeightKg',
    at('netWeightKg').value,
    at('netWeightKg').place,
    'product.netWeightKg',
  );
  builder.places.set('product', { sheet: part.name, row: null, column: null, header: null });
  bill.product = product;
  const currency = found.get('currency');
  if (currency) {
    builder.text(bill, 'currency', currency.value, currency.place, 'currency');
    if (typeof bill.currency === 'string') bill.currency = bill.currency.toUpperCase();
  }
  addValueAdded(builder, bill, '', (key) => found.get(key));
}

const productPlace = (part: Part, header: string): Place => ({
  sheet: part.name,
  row: null,
  column: null,
  header,
});

interface MaterialEntry {
  material: Json;
  path: string;
  row: Located<keyof typeof MATERIAL_COLUMNS>;
}

/** The sub-assembly of a material, created when first needed. */
function subAssemblyOf(entry: MaterialEntry): Json {
  entry.material.subAssembly ??= { materials: [] };
  return entry.material.subAssembly as Json;
}

function readMaterials(builder: BillBuilder, part: Part, bill: Json): Map<string, MaterialEntry> {
  const byItem = new Map<string, MaterialEntry>();
  bill.materials = [];
  builder.places.set('materials', { sheet: part.name, row: null, column: null, header: null });
  const header = headerMap(part, MATERIAL_COLUMNS, builder.problems);
  if (!header) return byItem;
  /** The open line at each level: level n's parent is the nearest line above at level n - 1. */
  const open: MaterialEntry[] = [];
  for (const row of rowsOf(part, MATERIAL_COLUMNS, header)) {
    let level = 1;
    const levelText = cellText(row.get('level'));
    if (levelText !== undefined) {
      const written = Number(levelText);
      if (!Number.isInteger(written) || written < 1) {
        builder.problem(
          row.place('level'),
          'invalid_level',
          `Level "${levelText}" must be a whole number from 1 (a part of the product) up.`,
        );
        continue;
      }
      if (written > open.length + 1) {
        builder.problem(
          row.place('level'),
          'level_without_parent',
          open.length === 0
            ? `Level ${written} has no line above it to belong to; the first line is level 1.`
            : `Level ${written} follows a line of level ${open.length}; a part of a sub-assembly is one level below it.`,
        );
        continue;
      }
      level = written;
    }
    open.length = level - 1;
    const parent = level === 1 ? undefined : open[level - 2]!;
    const assembly = parent ? subAssemblyOf(parent) : bill;
    const siblings = assembly.materials as Json[];
    const path = `${parent ? `${parent.path}.subAssembly.` : ''}materials.${siblings.length}`;
    const material: Json = {};
    siblings.push(material);
    const entry: MaterialEntry = { material, path, row };
    open.push(entry);
    builder.places.set(path, { sheet: part.name, row: row.row, column: null, header: null });
    builder.places.set(`${path}.subAssembly`, { sheet: part.name, row: row.row, column: null, header: null });

    const item = cellText(row.get('item'));
    if (item !== undefined) {
      if (byItem.has(item))
        builder.problem(
          row.place('item'),
          'duplicate_item',
          `Item "${item}" is also on row ${byItem.get(item)!.row.row}; number each line once.`,
        );
      else byItem.set(item, entry);
    }
    builder.text(material, 'name', row.get('name'), row.place('name'), `${path}.name`);
    builder.hsCode(material, row.get('hsCode'), row.place('hsCode'), `${path}.hsCode`);
    const origin = cellText(row.get('originCountry'));
    builder.places.set(`${path}.originCountry`, row.place('originCountry'));
    if (origin !== undefined)
      material.originCountry = UNDETERMINED_WORDS.has(normalise(origin))
        ? UNDETERMINED
        : origin.toUpperCase();

    const party = cellText(row.get('proofParty'));
    const agreements = cellText(row.get('proofAgreements'));
    const document = cellText(row.get('proofDocument'));
    if (party !== undefined || agreements !== undefined || document !== undefined) {
      const proof: Json = {};
      builder.places.set(`${path}.proofOfOrigin`, row.place('proofParty'));
      builder.places.set(`${path}.proofOfOrigin.party`, row.place('proofParty'));
      if (party !== undefined) proof.party = party.toUpperCase();
      if (agreements !== undefined) {
        proof.agreements = agreements
          .split(/[\s,;，；、]+/)
          .filter(Boolean)
          .map((id) => id.toUpperCase());
        builder.places.set(`${path}.proofOfOrigin.agreements`, row.place('proofAgreements'));
      }
      if (document !== undefined)
        builder.text(
          proof,
          'document',
          document,
          row.place('proofDocument'),
          `${path}.proofOfOrigin.document`,
        );
      material.proofOfOrigin = proof;
    }
    builder.number(material, 'value', row.get('value'), row.place('value'), `${path}.value`);
    builder.number(material, 'weightKg', row.get('weightKg'), row.place('weightKg'), `${path}.weightKg`);
    builder.number(material, 'quantity', row.get('quantity'), row.place('quantity'), `${path}.quantity`);
    builder.text(material, 'unit', row.get('unit'), row.place('unit'), `${path}.unit`);
    const role = cellText(row.get('role'));
    builder.places.set(`${path}.role`, row.place('role'));
    if (role !== undefined) {
      const code = ROLE_WORDS[normalise(role)];
      if (code) material.role = code;
      else
        builder.problem(
          row.place('role'),
          'unknown_role',
          `Role "${role}" is not known; write material, transport packing, retail packing, accessory or indirect (材料, 运输包装, 零售包装, 附件, 间接材料).`,
        );
    }
    if (VALUE_ADDED_KEYS.some((key) => !isBlank(row.get(key))) || !isBlank(row.get('whollyObtained')))
      addValueAdded(builder, subAssemblyOf(entry), `${path}.subAssembly.`, (key) =>
        row.has(key) ? { value: row.get(key), place: row.place(key) } : undefined,
      );
  }
  return byItem;
}

function unknownItem(builder: BillBuilder, place: Place, item: string, items: Map<string, MaterialEntry>) {
  builder.problem(
    place,
    'unknown_item',
    items.size === 0
      ? `Item "${item}" refers to no line: give the Materials line an Item number and write it here.`
      : `Item "${item}" is not in the Materials sheet's Item column (${[...items.keys()].slice(0, 10).join(', ')}).`,
  );
}

function readProcesses(builder: BillBuilder, part: Part, bill: Json, items: Map<string, MaterialEntry>) {
  const header = headerMap(part, PROCESS_COLUMNS, builder.problems);
  if (!header) return;
  for (const row of rowsOf(part, PROCESS_COLUMNS, header)) {
    const item = cellText(row.get('assembly'));
    let assembly = bill;
    let path = '';
    if (item !== undefined) {
      const entry = items.get(item);
      if (!entry) {
        unknownItem(builder, row.place('assembly'), item, items);
        continue;
      }
      assembly = subAssemblyOf(entry);
      path = `${entry.path}.subAssembly.`;
    }
    assembly.processes ??= [];
    const processes = assembly.processes as Json[];
    const stepPath = `${path}processes.${processes.length}`;
    const step: Json = {};
    processes.push(step);
    builder.places.set(stepPath, { sheet: part.name, row: row.row, column: null, header: null });
    builder.text(
      step,
      'description',
      row.get('description'),
      row.place('description'),
      `${stepPath}.description`,
    );
    const minimal = cellText(row.get('minimalOperation'));
    builder.places.set(`${stepPath}.minimalOperation`, row.place('minimalOperation'));
    step.minimalOperation =
      minimal === undefined || NO_WORDS.has(normalise(minimal))
        ? null
        : minimal
            .trim()
            .toLowerCase()
            .replace(/[\s-]+/g, '_');
  }
}

function readDeductions(builder: BillBuilder, part: Part, items: Map<string, MaterialEntry>) {
  const header = headerMap(part, DEDUCTION_COLUMNS, builder.problems);
  if (!header) return;
  for (const row of rowsOf(part, DEDUCTION_COLUMNS, header)) {
    const item = cellText(row.get('item'));
    if (item === undefined) {
      builder.problem(
        row.place('item'),
        'required',
        'Item: write the Item number of the Materials line this deduction belongs to.',
      );
      continue;
    }
    const entry = items.get(item);
    if (!entry) {
      unknownItem(builder, row.place('item'), item, items);
      continue;
    }
    entry.material.deductions ??= [];
    const deductions = entry.material.deductions as Json[];
    const path = `${entry.path}.deductions.${deductions.length}`;
    const deduction: Json = {};
    deductions.push(deduction);
    builder.places.set(path, { sheet: part.name, row: row.row, column: null, header: null });
    const kind = cellText(row.get('kind'));
    builder.places.set(`${path}.kind`, row.place('kind'));
    if (kind !== undefined) {
      const code = DEDUCTION_WORDS[normalise(kind)];
      if (code) deduction.kind = code;
      else
        builder.problem(
          row.place('kind'),
          'unknown_deduction',
          `Kind "${kind}" is not known; write inbound transport, duties not refunded or waste net of scrap (运费, 未退还税费, 废料净损耗).`,
        );
    }
    builder.number(deduction, 'amount', row.get('amount'), row.place('amount'), `${path}.amount`);
    builder.text(deduction, 'evidence', row.get('evidence'), row.place('evidence'), `${path}.evidence`);
  }
}

/** The place a schema path came from: the path itself, or the nearest enclosing one that has a place. */
function placeOf(places: Map<string, Place>, path: string[]): Place | undefined {
  for (let length = path.length; length >= 0; length -= 1) {
    const place = places.get(path.slice(0, length).join('.'));
    if (place) return place;
  }
  return undefined;
}

const valueAt = (root: unknown, path: string[]): unknown =>
  path.reduce<unknown>(
    (value, key) => (value && typeof value === 'object' ? (value as Json)[key] : undefined),
    root,
  );

/**
 * The bill of materials in the sheets of a workbook, checked by the bill's schema; problems name the
 * sheet, row and column and say what to do. Sheets named for no part (instructions, notes) are ignored.
 */
export function billFromSheets(sheets: Sheet[]): BomTableResult {
  const problems: BomTableProblem[] = [];
  const parts = partsOfWorkbook(sheets, problems);
  return billFromParts(
    parts,
    problems,
    (name) =>
      `No ${name} sheet; add one named ${name} (sheets found: ${sheets.map((sheet) => sheet.name).join(', ')}).`,
  );
}

/** The bill of materials in a CSV file laid out in sections (`[Product]`, `[Materials]`, ...); rows are lines. */
export function billFromCsv(text: string): BomTableResult {
  const read = readCsv(text);
  if (!read.ok)
    return {
      ok: false,
      problems: [
        {
          ...{ sheet: 'CSV', row: read.line, column: null, header: null },
          code: 'unclosed_quote',
          message: 'A quoted field that starts on this line is never closed; add the closing double quote.',
        },
      ],
    };
  const problems: BomTableProblem[] = [];
  const rows = read.records.map((record) => ({ row: record.line, cells: record.fields }));
  const parts = sectionsOf({ name: 'CSV', rows }, problems);
  if (parts.length === 0)
    return {
      ok: false,
      problems: [
        {
          ...{ sheet: 'CSV', row: null, column: null, header: null },
          code: 'no_sections',
          message:
            'The CSV file has no sections; start its parts with lines [Product], [Materials] and [Processes] ' +
            '(docs/origin.md, "Spreadsheet layout").',
        },
      ],
    };
  // Each section is reported as a sheet of its own name; its rows keep the file's line numbers.
  return billFromParts(
    parts,
    problems,
    (name) => `No [${name}] section; add a line [${name}] followed by its rows.`,
  );
}

function billFromParts(
  parts: Part[],
  initial: BomTableProblem[],
  missingPart: (name: string) => string,
): BomTableResult {
  const builder = new BillBuilder();
  builder.problems.push(...initial);
  const partOf = (kind: PartKind) => parts.filter((part) => part.kind === kind);
  for (const kind of Object.keys(PART_NAMES) as PartKind[])
    for (const extra of partOf(kind).slice(1))
      builder.problem(
        { sheet: extra.name, row: null, column: null, header: null },
        'duplicate_sheet',
        `${extra.name} repeats ${partOf(kind)[0]!.name}; put all its rows in one place.`,
      );
  for (const kind of REQUIRED_PARTS.filter((required) => partOf(required).length === 0))
    builder.problem(
      { sheet: PART_NAMES[kind][0]!, row: null, column: null, header: null },
      'missing_sheet',
      missingPart(PART_NAMES[kind][0]!),
    );
  const bill: Json = {};
  const product = partOf('product')[0];
  if (product) readProduct(builder, product, bill);
  const materials = partOf('materials')[0];
  const items = materials ? readMaterials(builder, materials, bill) : new Map<string, MaterialEntry>();
  const processes = partOf('processes')[0];
  if (processes) readProcesses(builder, processes, bill, items);
  const deductions = partOf('deductions')[0];
  if (deductions) readDeductions(builder, deductions, items);

  // A missing sheet or column leaves no cell to point at; those come first, the cells once they are fixed.
  const structural = builder.problems.some((problem) =>
    ['missing_sheet', 'missing_column', 'missing_field', 'empty_sheet'].includes(problem.code),
  );
  if (!structural) {
    const parsed = parseBillOfMaterials(bill);
    if (parsed.ok && builder.problems.length === 0) return { ok: true, bill: parsed.bill };
    if (!parsed.ok)
      for (const issue of parsed.problems) {
        const path = issue.path === '' ? [] : issue.path.split('.');
        const place = placeOf(builder.places, path) ?? {
          sheet: parts[0]?.name ?? '',
          row: null,
          column: null,
          header: null,
        };
        if (builder.wasReported(place)) continue;
        const value = valueAt(bill, path);
        const what = place.header ?? path.at(-1) ?? 'This line';
        builder.problem(
          place,
          value === undefined ? 'required' : 'invalid',
          value === undefined
            ? `${what}: fill in this cell; it is required.`
            : `${what} "${typeof value === 'object' ? JSON.stringify(value) : String(value)}": ${issue.message}; correct the cell.`,
        );
      }
  }
  const order = new Map(parts.map((part, index) => [part.name, index]));
  const columnOrder = (column: string | null) =>
    column === null ? -1 : [...column].reduce((sum, letter) => sum * 26 + letter.charCodeAt(0) - 64, 0);
  return {
    ok: false,
    problems: builder.problems.sort(
      (a, b) =>
        (order.get(a.sheet) ?? -1) - (order.get(b.sheet) ?? -1) ||
        (a.row ?? 0) - (b.row ?? 0) ||
        columnOrder(a.column) - columnOrder(b.column),
    ),
  };
}
