/**
 * The automated checks customs runs at submission (the review issue), each a result with its evidence, in
 * the style of the field rules: a check never throws; the officer reads the outcome and the evidence; an
 * office may approve automatically only when every check passed.
 */

export const CHECK_NAMES = [
  /** The field rules of the type: errors stop a submission, so this reports the warnings left. */
  'field_rules',
  /** The enterprise's basic information is synchronised for its latest version. */
  'enterprise_synchronised',
  /** An agency applied within the types the enterprise authorised, on a day the authorisation ran. */
  'agent_scope',
  /** No other live certificate (or application in review) of the enterprise names the same invoice. */
  'invoice_unique',
  /** The destination is an importing country of the type's agreement. */
  'destination_eligible',
  /** Applying after shipment: within the grace days, within the retroactive window, or beyond. */
  'retroactive_window',
  /** HS code and origin criterion agree with a referenced product pre-review (origin issue). */
  'pre_review',
  /** The enterprise is not under stricter review after a verification case concluded "not confirmed". */
  'stricter_review',
] as const;

export type CheckName = (typeof CHECK_NAMES)[number];

export interface CheckResult {
  check: CheckName;
  outcome: 'pass' | 'warn' | 'fail' | 'not_applicable';
  /** What was looked at, for the officer: "invoice EB-0117 is on certificate C262200000001". */
  evidence: string;
}

/** Whether an application may be approved without an officer: every check passed (or did not apply). */
export const passesEveryCheck = (results: readonly CheckResult[]) =>
  results.every((result) => result.outcome === 'pass' || result.outcome === 'not_applicable');
