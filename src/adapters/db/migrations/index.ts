import type { Migration } from 'kysely';
import * as foundation from './0001-foundation.js';
import * as enterpriseProfiles from './0002-enterprise-profiles.js';
import * as seals from './0003-seals.js';
import * as applications from './0004-applications.js';
import * as review from './0005-review.js';
import * as receipts from './0006-receipts.js';
import * as ruleTables from './0007-rule-tables.js';
import * as evidenceRequests from './0008-evidence-requests.js';
import * as preReviews from './0009-pre-reviews.js';
import * as signingKeys from './0010-signing-keys.js';
import * as printerOffsets from './0011-printer-offsets.js';
import * as verificationCases from './0012-verification-cases.js';
import * as officeSeals from './0013-office-seals.js';
import * as notifications from './0014-notifications.js';
import * as partialIndexes from './0015-partial-indexes.js';

/** All migrations in order. Names are permanent: never rename or edit one that has shipped. */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-enterprise-profiles': enterpriseProfiles,
  '0003-seals': seals,
  '0004-applications': applications,
  '0005-review': review,
  '0006-receipts': receipts,
  '0007-rule-tables': ruleTables,
  '0008-evidence-requests': evidenceRequests,
  '0009-pre-reviews': preReviews,
  '0010-signing-keys': signingKeys,
  '0011-printer-offsets': printerOffsets,
  '0012-verification-cases': verificationCases,
  '0013-office-seals': officeSeals,
  '0014-notifications': notifications,
  '0015-partial-indexes': partialIndexes,
};
