import type { FieldProblem } from './errors.js';

/** The longest an authorisation may run before the enterprise renews it. */
export const MAX_AUTHORISATION_DAYS = 3 * 366;

export interface AgentAuthorisation {
  id: string;
  enterpriseId: string;
  agencyId: string;
  certificateTypes: string[];
  /** First and last day (inclusive), YYYY-MM-DD, in China Standard Time. */
  validFrom: string;
  validUntil: string;
  createdAt: string;
  revokedAt: string | null;
}

/** The calendar day in China Standard Time (UTC+8), where validity days are counted. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function checkAuthorisationTerms(input: {
  certificateTypes: string[];
  /** The codes of the certificate types the authority issues (data/certificate-types). */
  knownTypes: readonly string[];
  validFrom: string;
  validUntil: string;
  today: string;
}): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (input.certificateTypes.length === 0) {
    problems.push({
      path: 'certificateTypes',
      code: 'required',
      message: 'Choose at least one certificate type.',
    });
  }
  input.certificateTypes.forEach((type, index) => {
    if (!input.knownTypes.includes(type)) {
      problems.push({
        path: `certificateTypes.${index}`,
        code: 'unknown_type',
        message: `Unknown certificate type ${type}; known: ${input.knownTypes.join(', ')}.`,
      });
    }
  });
  const day = /^\d{4}-\d{2}-\d{2}$/;
  if (!day.test(input.validFrom) || Number.isNaN(Date.parse(input.validFrom))) {
    problems.push({ path: 'validFrom', code: 'invalid_date', message: 'Give the first day as YYYY-MM-DD.' });
  } else if (input.validFrom < input.today) {
    problems.push({
      path: 'validFrom',
      code: 'in_the_past',
      message: 'An authorisation cannot start in the past.',
    });
  }
  if (!day.test(input.validUntil) || Number.isNaN(Date.parse(input.validUntil))) {
    problems.push({ path: 'validUntil', code: 'invalid_date', message: 'Give the last day as YYYY-MM-DD.' });
  } else if (input.validUntil < input.validFrom) {
    problems.push({
      path: 'validUntil',
      code: 'before_start',
      message: 'The last day comes after the first day.',
    });
  } else if (
    (Date.parse(input.validUntil) - Date.parse(input.validFrom)) / 86_400_000 >
    MAX_AUTHORISATION_DAYS
  ) {
    problems.push({
      path: 'validUntil',
      code: 'too_long',
      message: 'An authorisation runs for at most three years.',
    });
  }
  return problems;
}

/** Whether an authorisation lets its agency act today (not revoked, within its days). */
export function isActive(authorisation: AgentAuthorisation, today: string): boolean {
  return (
    authorisation.revokedAt === null && authorisation.validFrom <= today && today <= authorisation.validUntil
  );
}

/** The certificate types an agency may act on for an enterprise today, over all its authorisations. */
export function activeCertificateTypes(
  authorisations: readonly AgentAuthorisation[],
  today: string,
): string[] {
  return [
    ...new Set(
      authorisations.filter((item) => isActive(item, today)).flatMap((item) => item.certificateTypes),
    ),
  ].sort();
}
