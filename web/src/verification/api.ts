// The public verification page's calls: no session, no CSRF token (the operations are public).

export type Verdict =
  | 'VALID'
  | 'REPLACED'
  | 'CANCELLED'
  | 'NOT_YET_ARCHIVED'
  | 'NOT_FOUND'
  | 'TAMPERED'
  | 'UNKNOWN_ISSUER'
  | 'NOT_A_CERTIFICATE';

export interface Verification {
  certificateNumber: string;
  verdict: Verdict;
  replacedBy: string | null;
  cancelledAt: string | null;
  cancellationCategory: string | null;
  explanation: { en: string; zh: string };
  certificate: {
    certificateNumber: string;
    certificateType: string;
    kind: string;
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
  } | null;
  didYouMean: string | null;
  checkedAt: string;
}

export interface Captcha {
  token: string;
  svg: string;
  expiresAt: string;
}

/** A refused call: the error code, the first field's code, and Retry-After when rate limited. */
export class VerificationError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly fieldCode: string | undefined,
    readonly retryAfterSeconds: number | undefined,
  ) {
    super(message);
  }
}

async function call<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  const body = (await response.json().catch(() => ({}))) as {
    code?: string;
    message?: string;
    fields?: Array<{ code: string }>;
  };
  if (!response.ok) {
    const retryAfter = Number(response.headers.get('retry-after'));
    throw new VerificationError(
      body.code ?? 'INTERNAL_ERROR',
      body.message ?? response.statusText,
      body.fields?.[0]?.code,
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
    );
  }
  return body as T;
}

export const verificationApi = {
  captcha: () => call<Captcha>('/api/public/captcha'),
  byNumber: (input: {
    certificateNumber: string;
    invoiceNumber: string;
    captchaToken: string;
    captchaAnswer: string;
  }) =>
    call<Verification>('/api/public/verifications', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    }),
  byDocument: (file: File) => {
    const form = new FormData();
    form.append('file', file);
    return call<Verification>('/api/public/certificate-documents', { method: 'POST', body: form });
  },
};
