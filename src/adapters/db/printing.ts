import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { PrinterOffsetRecord, PrintingRepository } from '../../app/ports.js';
import type { DirectReads } from './direct-reads.js';
import { prepared } from './prepared-query.js';
import type { Database } from './schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

const printSummary = (db: Executor) =>
  db
    .selectFrom('certificate_prints')
    .select([
      sql<number | string>`count(*)`.as('count'),
      sql<number | string | null>`sum(reprint)`.as('reprints'),
      sql<string | null>`max(printed_at)`.as('last'),
    ])
    .where('application_id', '=', '');

/** The print log (certificate_prints) and the offices' printer offsets (printer_offsets). */
export function printing(db: Executor, direct?: DirectReads): PrintingRepository {
  const summary = prepared(db, direct, printSummary);
  return {
    async insertPrint(print) {
      await db
        .insertInto('certificate_prints')
        .values({
          id: print.id,
          application_id: print.applicationId,
          mode: print.mode,
          reprint: print.reprint ? 1 : 0,
          printed_by: print.printedBy,
          printed_at: print.printedAt,
        })
        .execute();
    },
    async summary(applicationId) {
      const [row] = await summary(applicationId);
      return {
        count: Number(row?.count ?? 0),
        reprints: Number(row?.reprints ?? 0),
        lastPrintedAt: row?.last ?? null,
      };
    },
    async printerOffset(officeId) {
      const row = await db
        .selectFrom('printer_offsets')
        .selectAll()
        .where('office_id', '=', officeId)
        .executeTakeFirst();
      return (
        row && {
          officeId: row.office_id,
          dx: Number(row.dx_tenths_mm) / 10,
          dy: Number(row.dy_tenths_mm) / 10,
          updatedBy: row.updated_by,
          updatedAt: row.updated_at,
        }
      );
    },
    async setPrinterOffset(offset: PrinterOffsetRecord) {
      const values = {
        dx_tenths_mm: Math.round(offset.dx * 10),
        dy_tenths_mm: Math.round(offset.dy * 10),
        updated_by: offset.updatedBy,
        updated_at: offset.updatedAt,
      };
      await db
        .insertInto('printer_offsets')
        .values({ office_id: offset.officeId, ...values })
        .onConflict((conflict) => conflict.column('office_id').doUpdateSet(values))
        .execute();
    },
  };
}
