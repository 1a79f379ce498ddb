import type { CertificateType } from './certificate-types.js';

/**
 * Endorsements the issuing authority writes on a certificate, in the box its type names: a retroactive
 * issue ("ISSUED RETROACTIVELY" or the type's wording), and, with the review issue's later parts, the
 * replacement and certified-true-copy wording.
 */

export interface Endorsement {
  box: string;
  text: string;
}

const dayAfter = (day: string, days: number) =>
  new Date(Date.parse(day) + days * 86_400_000).toISOString().slice(0, 10);

/** Whether a certificate certified on `certifiedOn` after shipment on `shippedOn` is issued retroactively. */
export function isRetroactive(type: CertificateType, shippedOn: string, certifiedOn: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(shippedOn) || Number.isNaN(Date.parse(shippedOn))) return false;
  return certifiedOn > dayAfter(shippedOn, type.retroactive.graceDays);
}

/** The endorsements a certificate carries, given its dates. */
export function endorsementsOf(type: CertificateType, shippedOn: string, certifiedOn: string): Endorsement[] {
  return isRetroactive(type, shippedOn, certifiedOn)
    ? [{ box: type.retroactive.box, text: type.retroactive.marking }]
    : [];
}
