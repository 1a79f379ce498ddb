import type { Kysely, Transaction } from 'kysely';
import type { OfficeSealRecord, OfficeSealRepository, OfficerSignatureRecord } from '../../app/ports.js';
import type { Database } from './schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

function toOfficeSeal(row: Database['office_seals']): OfficeSealRecord {
  return {
    id: row.id,
    officeId: row.office_id,
    fileSha256: row.file_sha256,
    widthPx: Number(row.width_px),
    heightPx: Number(row.height_px),
    dpi: Number(row.dpi),
    validFrom: row.valid_from,
    uploadedBy: row.uploaded_by,
    uploadedAt: row.uploaded_at,
  };
}

function toOfficerSignature(row: Database['officer_signatures']): OfficerSignatureRecord {
  return {
    id: row.id,
    userId: row.user_id,
    fileSha256: row.file_sha256,
    widthPx: Number(row.width_px),
    heightPx: Number(row.height_px),
    dpi: Number(row.dpi),
    uploadedBy: row.uploaded_by,
    uploadedAt: row.uploaded_at,
  };
}

/** Office seal versions (office_seals) and officers' signatures (officer_signatures). */
export function officeSeals(db: Executor): OfficeSealRepository {
  const seals = () =>
    db.selectFrom('office_seals').selectAll().orderBy('valid_from', 'desc').orderBy('uploaded_at', 'desc');
  const signatures = () => db.selectFrom('officer_signatures').selectAll().orderBy('uploaded_at', 'desc');
  return {
    async insertOfficeSeal(seal) {
      await db
        .insertInto('office_seals')
        .values({
          id: seal.id,
          office_id: seal.officeId,
          file_sha256: seal.fileSha256,
          width_px: seal.widthPx,
          height_px: seal.heightPx,
          dpi: seal.dpi,
          valid_from: seal.validFrom,
          uploaded_by: seal.uploadedBy,
          uploaded_at: seal.uploadedAt,
        })
        .execute();
    },
    async findOfficeSeal(id) {
      const row = await db.selectFrom('office_seals').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toOfficeSeal(row);
    },
    async listOfficeSeals(officeId) {
      return (await seals().where('office_id', '=', officeId).execute()).map(toOfficeSeal);
    },
    async officeSealInForce(officeId, at) {
      const row = await seals()
        .where('office_id', '=', officeId)
        .where('valid_from', '<=', at)
        .limit(1)
        .executeTakeFirst();
      return row && toOfficeSeal(row);
    },
    async insertOfficerSignature(signature) {
      await db
        .insertInto('officer_signatures')
        .values({
          id: signature.id,
          user_id: signature.userId,
          file_sha256: signature.fileSha256,
          width_px: signature.widthPx,
          height_px: signature.heightPx,
          dpi: signature.dpi,
          uploaded_by: signature.uploadedBy,
          uploaded_at: signature.uploadedAt,
        })
        .execute();
    },
    async findOfficerSignature(id) {
      const row = await db
        .selectFrom('officer_signatures')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toOfficerSignature(row);
    },
    async listOfficerSignatures(userId) {
      return (await signatures().where('user_id', '=', userId).execute()).map(toOfficerSignature);
    },
    async officerSignatureInForce(userId, at) {
      const row = await signatures()
        .where('user_id', '=', userId)
        .where('uploaded_at', '<=', at)
        .limit(1)
        .executeTakeFirst();
      return row && toOfficerSignature(row);
    },
  };
}
