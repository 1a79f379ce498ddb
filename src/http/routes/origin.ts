import { z } from 'zod';
import { evaluateOrigin } from '../../app/origin/evaluate-origin.js';
import { listOriginAgreements } from '../../app/origin/list-agreements.js';
import { importBillOfMaterials } from '../../app/origin/import-bill-of-materials.js';
import { DomainError } from '../../domain/errors.js';
import { activateRuleTable, importRuleTable, listRuleTables } from '../../app/origin/rule-tables.js';
import { actorOf } from '../auth.js';
import { Day, errorResponses } from '../schemas.js';
import type { Api, RouteContext } from './types.js';

const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Largest bill-of-materials file accepted: a bill of a thousand lines is far below it. */
const BILL_UPLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

/** The rules-of-origin engine over HTTP. */
export function originRoutes(app: Api, { deps }: RouteContext): void {
  app.post(
    '/api/origin/evaluations',
    {
      schema: {
        operationId: 'evaluateOrigin',
        summary: 'Determine origin from a bill of materials under one or more agreements, side by side',
        description:
          'Every branch tried with its arithmetic, the origin criterion for the certificate, whether the FOB ' +
          'value must be printed, and what would change the answer. Nothing is stored. The bill of materials ' +
          'is described in src/origin/bill-of-materials.ts (schema) and docs/origin.md.',
        tags: ['origin'],
        body: z.strictObject({
          bill: z.unknown(),
          agreements: z.array(z.string().max(20)).max(10),
          date: Day.optional().describe('The day whose rules apply (China time); today by default'),
        }),
        response: {
          200: z.object({
            date: z.string(),
            rows: z
              .array(z.unknown())
              .describe(
                'One line per agreement: status, country, criterion, whether FOB is printed, rule source',
              ),
            determinations: z
              .array(z.unknown())
              .describe(
                'Per agreement: every branch with its arithmetic, materials, advice (OriginDetermination)',
              ),
          }),
          ...errorResponses(400, 401),
        },
      },
    },
    async (request) => evaluateOrigin(deps, actorOf(request), request.body),
  );

  app.get(
    '/api/origin/agreements',
    {
      schema: {
        operationId: 'listOriginAgreements',
        summary: 'The agreements the engine knows, with their names and certificate types',
        tags: ['origin'],
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                names: z.object({ en: z.string(), zh: z.string() }),
                kind: z.enum(['preferential', 'non_preferential']),
                certificateTypes: z.array(z.string()),
                minimalOperations: z.array(
                  z.object({ code: z.string(), label: z.object({ en: z.string(), zh: z.string() }) }),
                ),
              }),
            ),
          }),
          ...errorResponses(401),
        },
      },
    },
    async (request) => ({ items: listOriginAgreements(deps, actorOf(request)) }),
  );

  // Spreadsheets and CSV arrive as bytes and are recognised by content, whatever the type says.
  app.addContentTypeParser(
    ['text/csv', 'application/octet-stream', XLSX_MEDIA_TYPE],
    { parseAs: 'buffer', bodyLimit: BILL_UPLOAD_LIMIT_BYTES },
    (_request, body, done) => done(null, body),
  );

  app.post(
    '/api/origin/bills-of-materials/import',
    {
      bodyLimit: BILL_UPLOAD_LIMIT_BYTES,
      schema: {
        operationId: 'importBillOfMaterials',
        summary:
          'Read a bill of materials from an XLSX, CSV or JSON file and return it checked, for evaluateOrigin',
        description:
          'Send the file as multipart/form-data (field `file`) or as the raw body (text/csv, the .xlsx media type, ' +
          'application/octet-stream or application/json); the format is recognised by content. Layout: docs/origin.md, ' +
          '"Spreadsheet layout". A wrong file is refused with VALIDATION_FAILED and one field per problem, its path the ' +
          'cell as a spreadsheet writes it (`Materials!C7`; `Materials!7` for a whole row, `Materials` for the sheet). ' +
          `Nothing is stored. At most ${BILL_UPLOAD_LIMIT_BYTES / 1024 / 1024} MB.`,
        tags: ['origin'],
        consumes: [
          'multipart/form-data',
          'text/csv',
          XLSX_MEDIA_TYPE,
          'application/octet-stream',
          'application/json',
        ],
        response: {
          200: z.object({
            format: z.enum(['xlsx', 'csv', 'json']),
            bill: z
              .record(z.string(), z.unknown())
              .describe(
                'The bill of materials with defaults applied: the `bill` of an evaluateOrigin request',
              ),
          }),
          ...errorResponses(400, 401, 413),
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      let content: Buffer;
      let fileName: string | undefined;
      if (request.isMultipart()) {
        const file = await request.file({ limits: { fileSize: BILL_UPLOAD_LIMIT_BYTES, files: 1 } });
        if (!file)
          throw new DomainError('VALIDATION_FAILED', 'No file was sent.', [
            { path: 'file', code: 'required', message: 'Choose the bill of materials to upload.' },
          ]);
        content = await file.toBuffer();
        fileName = file.filename;
      } else if (Buffer.isBuffer(request.body)) content = request.body;
      else if (request.body !== undefined && request.body !== null)
        content = Buffer.from(JSON.stringify(request.body));
      else throw new DomainError('VALIDATION_FAILED', 'The body is empty; send the bill of materials file.');
      const { format, bill } = importBillOfMaterials(actor, { content, fileName });
      return { format, bill: bill as unknown as Record<string, unknown> };
    },
  );

  const RuleTableVersion = z
    .object({
      id: z.string(),
      agreement: z.string(),
      version: z.number().int(),
      sourceName: z.string(),
      format: z.enum(['csv', 'json']),
      rowCount: z.number().int(),
      status: z.enum(['pending', 'active', 'superseded']),
      diff: z.object({
        added: z.number().int(),
        removed: z.number().int(),
        changed: z.number().int(),
        unchanged: z.number().int(),
        lines: z.array(z.string()),
      }),
      importedBy: z.string(),
      importedAt: z.string(),
      activatedBy: z.string().nullable(),
      activatedAt: z.string().nullable(),
    })
    .meta({ id: 'RuleTableVersion' });

  app.post(
    '/api/origin/rule-tables',
    {
      bodyLimit: 32 * 1024 * 1024,
      schema: {
        operationId: 'importRuleTable',
        summary: 'Import a product-specific rule table (CSV or JSON) as a pending version, with its diff',
        description:
          'Columns: hs, rule, document, page, version, valid_from, valid_to (CSV) or the same keys (JSON). ' +
          'Every rule is parsed and every HS code checked; a wrong table is refused row by row and nothing is ' +
          'stored. Activate a pending version with activateRuleTable after reading its diff.',
        tags: ['origin'],
        body: z.strictObject({
          agreement: z.string().max(40),
          format: z.enum(['csv', 'json']),
          sourceName: z.string().min(1).max(200),
          content: z.string().min(1),
        }),
        response: { 201: RuleTableVersion, ...errorResponses(400, 401, 403, 413) },
      },
    },
    async (request, reply) => {
      const { content: _content, ...version } = await importRuleTable(deps, actorOf(request), request.body);
      return reply.status(201).send(version);
    },
  );

  app.post(
    '/api/origin/rule-tables/:id/activate',
    {
      schema: {
        operationId: 'activateRuleTable',
        summary: 'Put a pending rule-table version in force (the previous one is superseded)',
        tags: ['origin'],
        params: z.strictObject({ id: z.string().max(64) }),
        response: { 200: RuleTableVersion, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { content: _content, ...version } = await activateRuleTable(
        deps,
        actorOf(request),
        request.params.id,
      );
      return version;
    },
  );

  app.get(
    '/api/origin/rule-tables',
    {
      schema: {
        operationId: 'listRuleTables',
        summary: 'Imported versions of an agreement’s rule table, newest first',
        tags: ['origin'],
        querystring: z.strictObject({ agreement: z.string().max(40) }),
        response: { 200: z.object({ items: z.array(RuleTableVersion) }), ...errorResponses(401) },
      },
    },
    async (request) => ({ items: await listRuleTables(deps, actorOf(request), request.query.agreement) }),
  );
}
