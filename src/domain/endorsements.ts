import { addDays, isCalendarDay } from './calendar-days.js';
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

/** Whether a certificate certified on `certifiedOn` after shipment on `shippedOn` is issued retroactively. */
export function isRetroactive(type: CertificateType, shippedOn: string, certifiedOn: string): boolean {
  if (!isCalendarDay(shippedOn)) return false;
  return certifiedOn > addDays(shippedOn, type.retroactive.graceDays);
}

const MONTHS = [
  'JANUARY',
  'FEBRUARY',
  'MARCH',
  'APRIL',
  'MAY',
  'JUNE',
  'JULY',
  'AUGUST',
  'SEPTEMBER',
  'OCTOBER',
  'NOVEMBER',
  'DECEMBER',
];

/** A date as certificates write it: "MARCH 2, 2026". */
export function certificateDate(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return `${MONTHS[month - 1]} ${date}, ${year}`;
}

/** The certificate a replacement stands in for: its number and the day it was certified. */
export interface ReplacedCertificate {
  kind: 'amendment' | 'reissue';
  number: string;
  certifiedOn: string;
}

/**
 * The endorsements a certificate carries, in the box its type keeps for the authority: a retroactive
 * issue, and for a replacement the wording DOMAIN.md section 6 records.
 */
export function endorsementsOf(
  type: CertificateType,
  shippedOn: string,
  certifiedOn: string,
  replaces?: ReplacedCertificate,
): Endorsement[] {
  const box = type.retroactive.box;
  const endorsements: Endorsement[] = [];
  if (replaces?.kind === 'amendment')
    endorsements.push({
      box,
      text: `THIS CERTIFICATE IS IN REPLACEMENT OF CERTIFICATE OF ORIGIN NO. ${replaces.number} DATED ${certificateDate(replaces.certifiedOn)} WHICH IS CANCELLED`,
    });
  if (replaces?.kind === 'reissue')
    endorsements.push({
      box,
      text: `CERTIFIED TRUE COPY OF THE ORIGINAL CERTIFICATE OF ORIGIN NO. ${replaces.number} DATED ${certificateDate(replaces.certifiedOn)}`,
    });
  // A certified true copy is issued after shipment by nature; only the original's own timing counts.
  if (replaces?.kind !== 'reissue' && isRetroactive(type, shippedOn, certifiedOn))
    endorsements.push({ box, text: type.retroactive.marking });
  return endorsements;
}
