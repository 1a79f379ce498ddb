import type { Kysely, Transaction } from 'kysely';
import type { CaseOutcome, CaseSource, CaseStatus } from '../../domain/verification-case.js';
import type {
  StricterReviewRecord,
  VerificationCaseRecord,
  VerificationCaseRepository,
} from '../../app/ports.js';
import { prepared } from './prepared-query.js';
import type { Database, VerificationCasesTable } from './schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

type CaseRow = Omit<VerificationCaseRecord, 'certificates'>;

function toCase(row: VerificationCasesTable): CaseRow {
  return {
    id: row.id,
    officeId: row.office_id,
    enterpriseId: row.enterprise_id,
    source: row.source as CaseSource,
    status: row.status as CaseStatus,
    outcome: row.outcome as CaseOutcome | null,
    requestingCountry: row.requesting_country,
    requestingAuthority: row.requesting_authority,
    foreignReference: row.foreign_reference,
    receivedOn: row.received_on,
    replyDue: row.reply_due,
    questions: row.questions,
    riskRule: row.risk_rule,
    ownerId: row.owner_id,
    findings: row.findings,
    openedBy: row.opened_by,
    openedAt: row.opened_at,
    openedOn: row.opened_on,
    concludedBy: row.concluded_by,
    concludedAt: row.concluded_at,
    version: Number(row.version),
  };
}

function toRow(record: VerificationCaseRecord): VerificationCasesTable {
  return {
    id: record.id,
    office_id: record.officeId,
    enterprise_id: record.enterpriseId,
    source: record.source,
    status: record.status,
    outcome: record.outcome,
    requesting_country: record.requestingCountry,
    requesting_authority: record.requestingAuthority,
    foreign_reference: record.foreignReference,
    received_on: record.receivedOn,
    reply_due: record.replyDue,
    questions: record.questions,
    risk_rule: record.riskRule,
    owner_id: record.ownerId,
    findings: record.findings,
    opened_by: record.openedBy,
    opened_at: record.openedAt,
    opened_on: record.openedOn,
    concluded_by: record.concludedBy,
    concluded_at: record.concludedAt,
    version: record.version,
  };
}

const samplingRateOfType = (db: Executor) =>
  db.selectFrom('sampling_rates').select('rate').where('type_code', '=', '');

/** Verification cases, the certificates they name, sampling rates and stricter review. */
export function verificationCases(db: Executor): VerificationCaseRepository {
  // Read by every approval, inside its transaction.
  const samplingRateOf = prepared(db, undefined, samplingRateOfType);
  /** Cases with their certificates, in the order given. */
  async function withCertificates(rows: VerificationCasesTable[]): Promise<VerificationCaseRecord[]> {
    if (rows.length === 0) return [];
    const links = await db
      .selectFrom('verification_case_certificates')
      .selectAll()
      .where(
        'case_id',
        'in',
        rows.map((row) => row.id),
      )
      .orderBy('certificate_number')
      .execute();
    return rows.map((row) => ({
      ...toCase(row),
      certificates: links
        .filter((link) => link.case_id === row.id)
        .map((link) => ({
          applicationId: link.application_id,
          certificateNumber: link.certificate_number,
          typeCode: link.type_code,
        })),
    }));
  }

  return {
    async insert(record) {
      await db.insertInto('verification_cases').values(toRow(record)).execute();
      for (const certificate of record.certificates)
        await db
          .insertInto('verification_case_certificates')
          .values({
            case_id: record.id,
            application_id: certificate.applicationId,
            certificate_number: certificate.certificateNumber,
            type_code: certificate.typeCode,
          })
          .execute();
    },
    async findById(id) {
      const row = await db
        .selectFrom('verification_cases')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? (await withCertificates([row]))[0] : undefined;
    },
    async list(filter) {
      let query = db.selectFrom('verification_cases').selectAll();
      if (filter.officeIds) {
        if (filter.officeIds.length === 0) return [];
        query = query.where('office_id', 'in', filter.officeIds);
      }
      if (filter.enterpriseId) query = query.where('enterprise_id', '=', filter.enterpriseId);
      const agency = filter.agency;
      if (agency) {
        const authorised = agency.authorised.filter((entry) => entry.typeCodes.length > 0);
        if (authorised.length === 0) return [];
        // A certificate of the case that this agency applied for, of an enterprise and type it is
        // authorised for: never the enterprise's other cases, never another principal's.
        query = query.where((eb) =>
          eb.exists(
            eb
              .selectFrom('verification_case_certificates')
              .innerJoin('applications', 'applications.id', 'verification_case_certificates.application_id')
              .select('verification_case_certificates.case_id')
              .whereRef('verification_case_certificates.case_id', '=', 'verification_cases.id')
              .where('applications.agency_id', '=', agency.agencyId)
              .where((inner) =>
                inner.or(
                  authorised.map((entry) =>
                    inner.and([
                      inner('applications.enterprise_id', '=', entry.enterpriseId),
                      inner('verification_case_certificates.type_code', 'in', [...entry.typeCodes]),
                    ]),
                  ),
                ),
              ),
          ),
        );
      }
      if (filter.ownerId === null) query = query.where('owner_id', 'is', null);
      else if (filter.ownerId !== undefined) query = query.where('owner_id', '=', filter.ownerId);
      const before = filter.before;
      if (before)
        query = query.where((eb) =>
          eb.or([
            eb('opened_at', '<', before.openedAt),
            eb.and([eb('opened_at', '=', before.openedAt), eb('id', '<', before.id)]),
          ]),
        );
      if (filter.status) query = query.where('status', '=', filter.status);
      if (filter.openedFrom) query = query.where('opened_on', '>=', filter.openedFrom);
      if (filter.openedTo) query = query.where('opened_on', '<=', filter.openedTo);
      if (filter.typeCode) {
        const typeCode = filter.typeCode;
        query = query.where((eb) =>
          eb.exists(
            eb
              .selectFrom('verification_case_certificates')
              .select('case_id')
              .whereRef('verification_case_certificates.case_id', '=', 'verification_cases.id')
              .where('verification_case_certificates.type_code', '=', typeCode),
          ),
        );
      }
      const rows = await query
        .orderBy('opened_at', 'desc')
        .orderBy('id', 'desc')
        .limit(filter.limit)
        .execute();
      return withCertificates(rows);
    },
    async update(record, expectedVersion) {
      const result = await db
        .updateTable('verification_cases')
        .set({
          status: record.status,
          outcome: record.outcome,
          owner_id: record.ownerId,
          findings: record.findings,
          concluded_by: record.concludedBy,
          concluded_at: record.concludedAt,
          version: record.version,
        })
        .where('id', '=', record.id)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async openCasesOf(applicationId) {
      const rows = await db
        .selectFrom('verification_cases')
        .innerJoin(
          'verification_case_certificates',
          'verification_case_certificates.case_id',
          'verification_cases.id',
        )
        .selectAll('verification_cases')
        .where('verification_case_certificates.application_id', '=', applicationId)
        .where('verification_cases.status', '=', 'open')
        .execute();
      return withCertificates(rows);
    },
    async samplingRate(typeCode) {
      const [row] = await samplingRateOf(typeCode);
      return row ? Number(row.rate) : 0;
    },
    async setSamplingRate(setting) {
      await db
        .insertInto('sampling_rates')
        .values({ type_code: setting.typeCode, rate: setting.rate, set_by: setting.by, set_at: setting.at })
        .onConflict((conflict) =>
          conflict
            .column('type_code')
            .doUpdateSet({ rate: setting.rate, set_by: setting.by, set_at: setting.at }),
        )
        .execute();
    },
    async listSamplingRates() {
      const rows = await db.selectFrom('sampling_rates').selectAll().orderBy('type_code').execute();
      return rows.map((row) => ({
        typeCode: row.type_code,
        rate: Number(row.rate),
        setBy: row.set_by,
        setAt: row.set_at,
      }));
    },
    async addStricterReview(entry: StricterReviewRecord) {
      await db
        .insertInto('stricter_reviews')
        .values({
          id: entry.id,
          enterprise_id: entry.enterpriseId,
          case_id: entry.caseId,
          until: entry.until,
          set_by: entry.setBy,
          set_at: entry.setAt,
        })
        .execute();
    },
    async stricterReviewOn(enterpriseId, day) {
      const row = await db
        .selectFrom('stricter_reviews')
        .selectAll()
        .where('enterprise_id', '=', enterpriseId)
        .where('until', '>=', day)
        .orderBy('until', 'desc')
        .executeTakeFirst();
      return (
        row && {
          id: row.id,
          enterpriseId: row.enterprise_id,
          caseId: row.case_id,
          until: row.until,
          setBy: row.set_by,
          setAt: row.set_at,
        }
      );
    },
  };
}
