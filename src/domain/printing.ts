import type { ApplicationStatus } from './application-lifecycle.js';
import { LIVE_CERTIFICATE_STATUSES } from './application-lifecycle.js';
import type { CertificateType } from './certificate-types.js';
import { selfPrintAccepted } from './certificate-types.js';

/**
 * Printing an issued certificate (DOMAIN.md sections 3 and 6): self-print on plain A4 with the electronic
 * seals, or template print of the data onto the official pre-printed form. The checks here return results
 * with a coded reason in both languages; the use case turns a refusal into an error.
 */

export const PRINT_MODES = ['self', 'template'] as const;
export type PrintMode = (typeof PRINT_MODES)[number];

/** How far an office's printer must move the data for template print, in millimetres (right, down). */
export interface PrinterOffset {
  dx: number;
  dy: number;
}

/** The largest correction accepted either way: a printer further off than this needs servicing. */
export const PRINTER_OFFSET_LIMIT_MM = 20;
/** An offset rounded to a tenth of a millimetre, what a ruler reads (what is stored and shown). */
export function roundOffset(offset: PrinterOffset): PrinterOffset {
  const round = (value: number) => Math.round(value * 10) / 10 || 0;
  return { dx: round(offset.dx), dy: round(offset.dy) };
}

/** The address the QR code of a certificate leads to: the public verification page with its number. */
export function verificationUrl(publicBaseUrl: string, certificateNumber: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/verify?n=${encodeURIComponent(certificateNumber)}`;
}

export type PrintRefusalCode =
  | 'not_issued'
  | 'certificate_void'
  | 'self_print_not_accepted'
  | 'no_seal_authorisation'
  | 'seal_authorised_after_approval'
  | 'no_office_seal'
  | 'no_officer_signature';

export type PrintCheck =
  { ok: true } | { ok: false; code: PrintRefusalCode; message: { en: string; zh: string } };

const VOID_WORDS: Partial<Record<ApplicationStatus, { en: string; zh: string }>> = {
  cancelled: { en: 'was cancelled by customs', zh: '已被海关注销' },
  amended: { en: 'was replaced by an amended certificate', zh: '已被更改证书替代' },
  reissued: { en: 'was replaced by a certified true copy', zh: '已被重发证书替代' },
};

/** Whether the certificate may be printed at all: issued (approved, printed, archived) and not void. */
export function checkPrintable(certificate: {
  status: ApplicationStatus;
  certificateNumber: string | null;
  voidReason: string | null;
  replacedByNumber?: string | null | undefined;
}): PrintCheck {
  const voided = VOID_WORDS[certificate.status];
  if (voided) {
    const replacement = certificate.replacedByNumber ? ` (by ${certificate.replacedByNumber})` : '';
    const reason = certificate.voidReason ? `: ${certificate.voidReason}` : '';
    return {
      ok: false,
      code: 'certificate_void',
      message: {
        en: `Certificate ${certificate.certificateNumber ?? ''} ${voided.en}${replacement}${reason}; it is void and cannot be printed.`,
        zh: `证书${certificate.certificateNumber ?? ''}${voided.zh}${certificate.replacedByNumber ? `（${certificate.replacedByNumber}）` : ''}，已作废，不能打印。`,
      },
    };
  }
  if (!LIVE_CERTIFICATE_STATUSES.includes(certificate.status) || !certificate.certificateNumber)
    return {
      ok: false,
      code: 'not_issued',
      message: {
        en: `Only an issued certificate can be printed; this application is ${certificate.status.replaceAll('_', ' ')}.`,
        zh: '只有已签发的证书才能打印。',
      },
    };
  return { ok: true };
}

/**
 * Whether the certificate may be self-printed: the type and the importing country accept self-printed
 * certificates, and the enterprise's seal and signature authorisation in force was given before the
 * approval (an authorisation given later is not what customs approved the certificate under).
 */
export function checkSelfPrint(input: {
  type: CertificateType;
  destinationCountry: string;
  approvedAt: string;
  sealAuthorisedAt: string | null;
}): PrintCheck {
  if (!selfPrintAccepted(input.type, input.destinationCountry))
    return {
      ok: false,
      code: 'self_print_not_accepted',
      message: {
        en: `${input.type.names.en} certificates for ${input.destinationCountry} are not accepted self-printed; print on the pre-printed form.`,
        zh: `该类证书（目的国 ${input.destinationCountry}）不接受自助打印，请使用预印证书套打。`,
      },
    };
  if (input.sealAuthorisedAt === null)
    return {
      ok: false,
      code: 'no_seal_authorisation',
      message: {
        en: 'The enterprise has no seal and signature authorised for self-print; its administrator authorises them under Seals.',
        zh: '企业尚未授权自助打印所用的印章和签名，请由企业管理员在“印章”中授权。',
      },
    };
  if (input.sealAuthorisedAt > input.approvedAt)
    return {
      ok: false,
      code: 'seal_authorised_after_approval',
      message: {
        en: `The seal authorisation in force (${input.sealAuthorisedAt}) is newer than the approval (${input.approvedAt}); print on the pre-printed form or ask for a reissue.`,
        zh: '现行的印章授权晚于证书审核通过时间，不能自助打印，请使用预印证书套打。',
      },
    };
  return { ok: true };
}

/**
 * Whether the issuing office's side of a self-print exists (DOMAIN.md section 6: the customs seal and the
 * officer's signature printed electronically): the office seal in force at the approval and, when an officer
 * approved, that officer's signature in force then. An automatic approval has no officer: the seal alone
 * certifies it. Without them a self-print would carry no customs certification, so it is refused; template
 * print on the pre-printed, pre-sealed form remains.
 */
export function checkCertification(input: {
  officeSealInForce: boolean;
  officerSignature: 'in_force' | 'missing' | 'automatic';
}): PrintCheck {
  if (!input.officeSealInForce)
    return {
      ok: false,
      code: 'no_office_seal',
      message: {
        en: 'The issuing office had no electronic seal in force at the approval; print on the pre-printed form, or ask the customs administration to upload the office seal.',
        zh: '审核通过时签证机构尚无有效的电子印章，请使用预印证书套打，或请海关管理员上传签证印章。',
      },
    };
  if (input.officerSignature === 'missing')
    return {
      ok: false,
      code: 'no_officer_signature',
      message: {
        en: 'The officer who approved the certificate had no signature on file at the approval; print on the pre-printed form.',
        zh: '审核通过时审核关员尚未上传签名，请使用预印证书套打。',
      },
    };
  return { ok: true };
}
