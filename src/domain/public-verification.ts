import type { ApplicationStatus } from './application-lifecycle.js';
import type { ApplicationData } from './application.js';
import { canonicalJson } from './canonical-json.js';
import type { SignedCertificatePayload } from './signed-certificate.js';
import { invoiceNumberDigest } from './signed-certificate.js';
import { normaliseReference } from './verification-input.js';

/**
 * What public verification answers (issue 6, DOMAIN.md section 8, ADR 0010): the verdicts, their
 * explanations in English and Chinese, the certificate's status from its application's status, and the
 * few data a member of the public may see. Pure: the use cases in src/app/verification load and combine.
 */

/**
 * The public verdicts (frozen: part of the API). VALID: archived, unchanged, signed by a published key.
 * REPLACED: void, an amendment or a certified true copy replaced it. CANCELLED: void, cancelled by customs.
 * NOT_YET_ARCHIVED: issued, but the print is not confirmed. NOT_FOUND: no such certificate (or not with
 * that invoice number). TAMPERED: the stored or uploaded data does not match its signature.
 * UNKNOWN_ISSUER: signed by a key the issuing authority never published. NOT_A_CERTIFICATE: an upload
 * that carries no Origo certificate payload at all.
 */
export const PUBLIC_VERDICTS = [
  'VALID',
  'REPLACED',
  'CANCELLED',
  'NOT_YET_ARCHIVED',
  'NOT_FOUND',
  'TAMPERED',
  'UNKNOWN_ISSUER',
  'NOT_A_CERTIFICATE',
] as const;
export type PublicVerdict = (typeof PUBLIC_VERDICTS)[number];

export interface Bilingual {
  en: string;
  zh: string;
}

/** Each verdict explained to the person who asked; {placeholders} are filled by `explain`. */
export const VERDICT_EXPLANATIONS: Readonly<Record<PublicVerdict, Bilingual>> = {
  VALID: {
    en: 'This certificate of origin was issued by Chinese customs, its print was confirmed and its data are unchanged since signing. It is in force.',
    zh: '该原产地证书由中国海关签发，已确认打印并归档，数据自签名以来未被改动。证书有效。',
  },
  REPLACED: {
    en: 'This certificate is void: it was replaced by certificate {replacedBy}. Check the replacing certificate instead.',
    zh: '该证书已作废：已由证书 {replacedBy} 替代。请核查替代证书。',
  },
  CANCELLED: {
    en: 'This certificate was cancelled by the issuing customs office on {cancelledOn} ({category}). It is void.',
    zh: '该证书已于 {cancelledOn} 被签证海关撤销（{category}），证书无效。',
  },
  NOT_YET_ARCHIVED: {
    en: 'This certificate has been issued, but the exporter has not yet confirmed its print, so it is not yet archived. Ask again later or ask the exporter.',
    zh: '该证书已签发，但出口企业尚未确认打印，证书尚未归档。请稍后再查或联系出口企业。',
  },
  NOT_FOUND: {
    en: 'No certificate matches this certificate number and invoice number. Check both against the paper: 0 and O, 1 and I are often confused.',
    zh: '没有与该证书号和发票号相符的证书。请对照纸质证书核对两者：数字 0 与字母 O、数字 1 与字母 I 常被混淆。',
  },
  TAMPERED: {
    en: 'The certificate data do not match the issuing authority’s signature: they were changed after signing. Do not accept this certificate; contact the issuing office.',
    zh: '证书数据与签证机构的签名不符，签名后数据被改动。请勿接受该证书，并联系签证海关。',
  },
  UNKNOWN_ISSUER: {
    en: 'The certificate was signed with a key that is not among the issuing authority’s published keys. Do not accept it; contact the issuing office.',
    zh: '该证书的签名密钥不在签证机构公布的密钥之列。请勿接受，并联系签证海关。',
  },
  NOT_A_CERTIFICATE: {
    en: 'This file carries no signed Origo certificate. Upload the PDF certificate as it was issued, or its signed payload.',
    zh: '该文件不含签名的原产地证书数据。请上传签发时的 PDF 证书或其签名数据。',
  },
};

/** Why customs cancelled a certificate, as the public is told (the officer's words stay private). */
export const CANCELLATION_CATEGORY_LABELS: Readonly<Record<string, Bilingual>> = {
  issued_in_error: { en: 'issued in error', zh: '签发错误' },
  false_declaration: { en: 'false declaration', zh: '申报不实' },
  goods_not_exported: { en: 'goods not exported', zh: '货物未出口' },
  verification_not_confirmed: { en: 'origin not confirmed on verification', zh: '核查未能确认原产资格' },
  at_applicant_request: { en: 'at the applicant’s request', zh: '应申请人要求' },
  other: { en: 'other reason', zh: '其他原因' },
};

/** The category of a stored void reason ("category: note"); the note is never returned. */
export function cancellationCategoryOf(voidReason: string | null): string {
  const category = voidReason?.split(':', 1)[0]?.trim() ?? '';
  return category in CANCELLATION_CATEGORY_LABELS ? category : 'other';
}

/** The explanation of a verdict in both languages, with its values filled in. */
export function explain(
  verdict: PublicVerdict,
  values: { replacedBy?: string | null; cancelledOn?: string | null; category?: string | null } = {},
): Bilingual {
  const template = VERDICT_EXPLANATIONS[verdict];
  const label = values.category ? CANCELLATION_CATEGORY_LABELS[values.category] : undefined;
  const fill = (text: string, language: keyof Bilingual) =>
    text
      .replace('{replacedBy}', values.replacedBy ?? '?')
      .replace('{cancelledOn}', values.cancelledOn ?? '?')
      .replace('{category}', label?.[language] ?? '?');
  return { en: fill(template.en, 'en'), zh: fill(template.zh, 'zh') };
}

/** What an application's status means for the certificate's standing (before any integrity check). */
export function standingOf(
  status: ApplicationStatus,
): Extract<PublicVerdict, 'VALID' | 'REPLACED' | 'CANCELLED' | 'NOT_YET_ARCHIVED' | 'NOT_FOUND'> {
  switch (status) {
    case 'archived':
      return 'VALID';
    case 'approved':
    case 'printed':
      return 'NOT_YET_ARCHIVED';
    case 'amended':
    case 'reissued':
      return 'REPLACED';
    case 'cancelled':
      return 'CANCELLED';
    default:
      // Never issued: no certificate exists under a number (there is none anyway).
      return 'NOT_FOUND';
  }
}

/**
 * The key data the public may see (ADR 0010), taken from the signed payload, never from the row: number,
 * type, kind, issue date, issuing office, exporter's name, importing country, goods (description, HS code,
 * quantity and unit). Not shown: invoice numbers and values (FOB), consignee, producer, addresses,
 * transport, marks, remarks, documents.
 */
export interface PublicCertificateData {
  certificateNumber: string;
  certificateType: string;
  kind: SignedCertificatePayload['kind'];
  replaces: string | null;
  issueDate: string;
  issuingOffice: { nameEn: string; nameZh: string };
  exporterName: string;
  importingCountry: string;
  items: Array<{
    itemNumber: number;
    description: string;
    hsCode: string;
    quantity: number | null;
    quantityUnit: string;
  }>;
}

export function publicDataOf(payload: SignedCertificatePayload): PublicCertificateData {
  return {
    certificateNumber: payload.certificateNumber,
    certificateType: payload.certificateType,
    kind: payload.kind,
    replaces: payload.replaces,
    issueDate: payload.issueDate,
    issuingOffice: { nameEn: payload.issuingOffice.nameEn, nameZh: payload.issuingOffice.nameZh },
    exporterName: payload.exporter.name,
    importingCountry: payload.destinationCountry,
    items: payload.items.map((item) => ({
      itemNumber: item.itemNumber,
      description: item.description,
      hsCode: item.hsCode,
      quantity: item.quantity,
      quantityUnit: item.quantityUnit,
    })),
  };
}

/** Whether a typed invoice number (normalised) is one of the certificate's invoices (normalised alike). */
export function invoiceMatches(data: ApplicationData, typedInvoice: string): boolean {
  return (
    typedInvoice !== '' &&
    data.invoices.some((invoice) => normaliseReference(invoice.number) === typedInvoice)
  );
}

/**
 * The fields where the stored application differs from what was signed; empty when they agree. A row
 * edited in the database after approval shows here even when its JWS is left intact: the public answer
 * is then TAMPERED, not the edited data.
 */
export function recordDifferences(
  record: { certificateNumber: string; typeCode: string; data: ApplicationData },
  payload: SignedCertificatePayload,
): string[] {
  const { data } = record;
  const same = (left: unknown, right: unknown) => canonicalJson(left) === canonicalJson(right);
  const differences: string[] = [];
  if (record.certificateNumber !== payload.certificateNumber) differences.push('certificateNumber');
  if (record.typeCode !== payload.certificateType) differences.push('certificateType');
  if (!same(data.exporter, payload.exporter)) differences.push('exporter');
  if (!same(data.consignee, payload.consignee)) differences.push('consignee');
  if (data.destinationCountry !== payload.destinationCountry) differences.push('destinationCountry');
  const goods = (items: ReadonlyArray<Record<string, unknown>>) =>
    items.map(({ description, hsCode, quantity, quantityUnit, originCriterion, fobValue }) => ({
      description,
      hsCode,
      quantity,
      quantityUnit,
      originCriterion,
      fobValue,
    }));
  if (!same(goods(data.items), goods(payload.items))) differences.push('items');
  const digests = data.invoices
    .filter((invoice) => invoice.number !== '')
    .map((invoice) => invoiceNumberDigest(record.certificateNumber, invoice.number))
    .sort();
  if (!same(digests, [...payload.invoiceNumberDigests].sort())) differences.push('invoices');
  return differences;
}
