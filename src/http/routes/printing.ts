import { z } from 'zod';
import { confirmPrint } from '../../app/printing/confirm-print.js';
import { getPrinterOffset, setPrinterOffset } from '../../app/printing/printer-offsets.js';
import { renderCertificatePdf } from '../../app/printing/render-certificate-pdf.js';
import { renderPrinterTestPage } from '../../app/printing/render-printer-test-page.js';
import { PRINTER_OFFSET_LIMIT_MM, PRINT_MODES } from '../../domain/printing.js';
import { actorOf } from '../auth.js';
import { Id, errorResponses } from '../schemas.js';
import { Application } from './applications.js';
import type { Api, RouteContext } from './types.js';

const Millimetres = z.number().min(-PRINTER_OFFSET_LIMIT_MM).max(PRINTER_OFFSET_LIMIT_MM);
const PrinterOffset = z
  .object({
    officeId: z.string(),
    dx: z.number().describe('Millimetres to the right (negative: left)'),
    dy: z.number().describe('Millimetres down (negative: up)'),
    updatedBy: z.string().nullable(),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'PrinterOffset' });
const Pdf = z.any().describe('application/pdf');

/** Printing issued certificates, print confirmation, and the offices' printer calibration. */
export function printingRoutes(app: Api, { deps }: RouteContext): void {
  app.get(
    '/api/applications/:id/certificate.pdf',
    {
      schema: {
        operationId: 'renderCertificatePdf',
        summary: 'The issued certificate as PDF: self-print (whole form, seals, QR code) or template print',
        description:
          'The first print moves the certificate from approved to printed; every later one is a reprint, ' +
          'counted and audited. Self-print is refused (409, `fields[0].code` says why) where the type or ' +
          'destination does not accept it, or the enterprise’s seal authorisation is missing or newer than ' +
          'the approval, or the issuing office had no electronic seal in force at the approval (`no_office_seal`) ' +
          'or the approving officer no signature (`no_officer_signature`). `x-origo-certification` says ' +
          'what certifies a self-print, `seal-and-signature` (the office seal and the approving officer’s signature) ' +
          'or `seal-only` (an automatic approval), and `none` for template print; it never names the officer. Template print moves the data by the issuing office’s printer offset.',
        tags: ['printing'],
        params: z.strictObject({ id: Id }),
        querystring: z.strictObject({ mode: z.enum(PRINT_MODES).default('self') }),
        produces: ['application/pdf'],
        response: { 200: Pdf, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const printed = await renderCertificatePdf(deps, actorOf(request), {
        id: request.params.id,
        mode: request.query.mode,
      });
      const name = `certificate-${printed.certificateNumber}-${printed.mode}.pdf`;
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="${encodeURIComponent(name)}"`)
        .header('cache-control', 'private, no-store')
        .header('x-origo-reprint', String(printed.reprint))
        .header('x-origo-certification', printed.certification ?? 'none')
        .send(printed.pdf);
    },
  );

  app.post(
    '/api/applications/:id/confirm-print',
    {
      schema: {
        operationId: 'confirmPrint',
        summary: 'Confirm that the certificate printed well: it is archived and publicly verifiable',
        tags: ['printing'],
        params: z.strictObject({ id: Id }),
        body: z.strictObject({ expectedVersion: z.number().int().min(1) }),
        response: { 200: Application, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      confirmPrint(deps, actorOf(request), {
        id: request.params.id,
        expectedVersion: request.body.expectedVersion,
      }),
  );

  app.get(
    '/api/offices/:id/printer-offset',
    {
      schema: {
        operationId: 'getPrinterOffset',
        summary: 'The office’s printer offset for template print (zero until calibrated)',
        tags: ['printing'],
        params: z.strictObject({ id: Id }),
        response: { 200: PrinterOffset, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => getPrinterOffset(deps, actorOf(request), request.params.id),
  );

  app.put(
    '/api/offices/:id/printer-offset',
    {
      schema: {
        operationId: 'setPrinterOffset',
        summary: `Set the office’s printer offset in mm (±${PRINTER_OFFSET_LIMIT_MM}, to 0.1 mm): officers of the office, customs administration`,
        tags: ['printing'],
        params: z.strictObject({ id: Id }),
        body: z.strictObject({ dx: Millimetres, dy: Millimetres }),
        response: { 200: PrinterOffset, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      setPrinterOffset(deps, actorOf(request), { officeId: request.params.id, ...request.body }),
  );

  app.get(
    '/api/offices/:id/printer-test-page.pdf',
    {
      schema: {
        operationId: 'renderPrinterTestPage',
        summary:
          'Calibration page: crosshairs at the box corners of a type’s pre-printed form, moved by the office’s offset (or dx/dy to try)',
        tags: ['printing'],
        params: z.strictObject({ id: Id }),
        querystring: z.strictObject({
          type: z.string().min(1).max(4).default('C'),
          dx: z.coerce.number().min(-PRINTER_OFFSET_LIMIT_MM).max(PRINTER_OFFSET_LIMIT_MM).optional(),
          dy: z.coerce.number().min(-PRINTER_OFFSET_LIMIT_MM).max(PRINTER_OFFSET_LIMIT_MM).optional(),
        }),
        produces: ['application/pdf'],
        response: { 200: Pdf, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { type, dx, dy } = request.query;
      const pdf = await renderPrinterTestPage(deps, actorOf(request), {
        officeId: request.params.id,
        typeCode: type,
        tryOffset: dx === undefined && dy === undefined ? undefined : { dx: dx ?? 0, dy: dy ?? 0 },
      });
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="printer-test-page-${type}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );
}
