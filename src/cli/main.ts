// First, before any other module runs: V8 flags for the whole process.
import './v8-flags.js';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { Command, Option } from 'commander';
import { z } from 'zod';
import { createApiKey } from '../app/api-keys/create-api-key.js';
import { importApplicationMessages } from '../app/applications/import-application-messages.js';
import { evaluateOrigin } from '../app/origin/evaluate-origin.js';
import { importBillOfMaterials } from '../app/origin/import-bill-of-materials.js';
import { verifyAuditTrail } from '../app/audit/verify-audit-trail.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../app/demo/demo-data.js';
import { seedDemoData } from '../app/demo/seed-demo-data.js';
import { createUser } from '../app/identity/create-user.js';
import { createOrganisation } from '../app/organisations/create-organisation.js';
import type { OrganisationRecord, Store } from '../app/ports.js';
import { backupSqlite, migrateToLatest, openDatabase } from '../adapters/db/connection.js';
import type { Runtime } from '../compose.js';
import { databaseTargetOf, openRuntime } from '../compose.js';
import { ConfigError, loadConfig } from '../config.js';
import type { Actor } from '../domain/actor.js';
import { DomainError, isDomainError } from '../domain/errors.js';
import { ORGANISATION_KINDS, ROLES } from '../domain/roles.js';
import { ERROR_MAPPING } from '../error-mapping.js';
import { buildRegistryApp, openRegistryDatabase } from '../registry/server.js';
import { messagesFromText } from '../http/message-file.js';
import { billFileFormat } from '../origin/bom-file.js';
import { progressBar } from './progress.js';
import { verifyOffline } from './verify-offline.js';
import type { SigningKeyView } from '../app/signing/signing-key-view.js';
import { generateSigningKey } from '../app/signing/generate-signing-key.js';
import { rotateSigningKey } from '../app/signing/rotate-signing-key.js';
import { retireSigningKey } from '../app/signing/retire-signing-key.js';
import { listSigningKeys } from '../app/signing/list-signing-keys.js';
import { getJwks } from '../app/signing/get-jwks.js';
import { startServer } from './serve.js';

/** The operator at the server's shell acts as the system, named for the audit trail. */
const operator: Actor = { kind: 'system', name: 'cli' };

async function withRuntime<T>(work: (runtime: Runtime) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const runtime = await openRuntime(databaseTargetOf(config), config);
  try {
    return await work(runtime);
  } finally {
    await runtime.close();
  }
}

async function organisationByCode(store: Store, code: string): Promise<OrganisationRecord> {
  const organisation = await store.organisations.findByCode(code);
  if (!organisation) throw new DomainError('NOT_FOUND', `No organisation with code ${code}.`);
  return organisation;
}

/** A whole number given on the command line, or VALIDATION_FAILED naming the option. */
function parseCliInteger(option: string, text: string): number {
  if (!/^\d+$/.test(text))
    throw new DomainError('VALIDATION_FAILED', `${option} must be a whole number of days.`, [
      { path: option, code: 'not_a_number', message: 'Give a whole number.' },
    ]);
  return Number(text);
}

function printDemoLogins(): void {
  console.log(`\nDemo logins (password for all: ${DEMO_PASSWORD}):`);
  for (const user of DEMO_USERS) console.log(`  ${user.username.padEnd(14)} ${user.description}`);
  console.log('');
}

const program = new Command()
  .name('origo')
  .description(
    'Origo: certificates of origin. Configuration comes from the environment (README, "Configuration").',
  )
  .showHelpAfterError();

program
  .command('serve')
  .description('Migrate the database and serve the API and web portal')
  .option('--demo', 'load the demo data first when the database is empty')
  .option('--demo-applications', 'with --demo: also a draft, a waiting application and an issued certificate')
  .action(async (options: { demo?: boolean; demoApplications?: boolean }) => {
    await startServer(loadConfig(), {
      demo: options.demo ?? false,
      demoApplications: options.demoApplications ?? false,
      onDemoSeeded: printDemoLogins,
    });
  });

program
  .command('migrate')
  .description('Bring the database schema to the latest version')
  .action(async () => {
    const config = loadConfig();
    const handle = openDatabase(databaseTargetOf(config));
    try {
      const applied = await migrateToLatest(handle);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The schema is up to date.');
    } finally {
      await handle.close();
    }
  });

program
  .command('seed')
  .description(
    'Load the demo data (one authority, offices, enterprises, an agency, a user per role) into an empty database',
  )
  .action(() =>
    withRuntime(async ({ deps }) => {
      const result = await seedDemoData(deps, operator);
      console.log(`Loaded ${result.organisations} organisations and ${result.users} users.`);
      printDemoLogins();
    }),
  );

const org = program.command('org').description('Organisations');
org
  .command('create')
  .description('Create the issuing authority, an office, an enterprise or an agency')
  .addOption(
    new Option('--kind <kind>', 'kind of organisation').choices(ORGANISATION_KINDS).makeOptionMandatory(),
  )
  .option(
    '--parent <code>',
    'code of the parent (the authority for an office, the affiliated office otherwise)',
  )
  .option('--code <code>', 'code: customs district code for an office, USCC for an enterprise')
  .requiredOption('--name-en <name>', 'English name')
  .requiredOption('--name-zh <name>', 'Chinese name')
  .action(
    (options: {
      kind: (typeof ORGANISATION_KINDS)[number];
      parent?: string;
      code?: string;
      nameEn: string;
      nameZh: string;
    }) =>
      withRuntime(async ({ deps }) => {
        const parent = options.parent ? await organisationByCode(deps.store, options.parent) : undefined;
        const created = await createOrganisation(deps, operator, {
          kind: options.kind,
          parentId: parent?.id ?? null,
          code: options.code ?? null,
          nameEn: options.nameEn,
          nameZh: options.nameZh,
        });
        console.log(`Created ${created.kind} ${created.nameEn} (${created.id}).`);
      }),
  );

const user = program.command('user').description('Users');
user
  .command('create')
  .description('Create a user; the password comes from ORIGO_NEW_PASSWORD or is generated and printed once')
  .requiredOption('--org <code>', 'code of the organisation')
  .requiredOption('--username <username>')
  .requiredOption('--display-name <name>')
  .addOption(new Option('--role <role...>', 'one or more roles').choices(ROLES).makeOptionMandatory())
  .option('--office <code...>', 'office codes a customs officer belongs to')
  .action(
    (options: {
      org: string;
      username: string;
      displayName: string;
      role: (typeof ROLES)[number][];
      office?: string[];
    }) =>
      withRuntime(async ({ deps }) => {
        const organisation = await organisationByCode(deps.store, options.org);
        const offices = await Promise.all(
          (options.office ?? []).map((code) => organisationByCode(deps.store, code)),
        );
        const given = process.env.ORIGO_NEW_PASSWORD;
        const password = given ?? randomBytes(15).toString('base64url');
        const created = await createUser(deps, operator, {
          orgId: organisation.id,
          username: options.username,
          displayName: options.displayName,
          password,
          roles: options.role,
          officeIds: offices.map((office) => office.id),
          mustChangePassword: true,
        });
        console.log(
          `Created user ${created.username} (${created.roles.join(', ')}) in ${organisation.nameEn}.`,
        );
        if (!given) console.log(`Initial password (shown once; the user must change it): ${password}`);
      }),
  );

const apikey = program.command('apikey').description('API keys for system clients');
apikey
  .command('create')
  .description('Create an API key for an enterprise or agency; the secret is printed once')
  .requiredOption('--org <code>', 'code of the organisation')
  .requiredOption('--name <name>', 'what the key is for (e.g. "ERP production")')
  .action((options: { org: string; name: string }) =>
    withRuntime(async ({ deps }) => {
      const organisation = await organisationByCode(deps.store, options.org);
      const { apiKey, secret } = await createApiKey(deps, operator, {
        orgId: organisation.id,
        name: options.name,
      });
      console.log(
        `Created API key ${apiKey.prefix} (${apiKey.roles.join(', ')}) for ${organisation.nameEn}.`,
      );
      console.log(`Secret (shown once; send as "Authorization: Bearer <secret>"):\n${secret}`);
    }),
  );

const audit = program.command('audit').description('The audit trail');
audit
  .command('verify')
  .description('Recompute the hash chain; exits 1 when any event was edited or deleted')
  .action(() =>
    withRuntime(async ({ deps }) => {
      const result = await verifyAuditTrail(deps, operator);
      if (result.intact) {
        console.log(`Audit trail intact: ${result.checked} events checked.`);
        return;
      }
      console.log(`Audit trail BROKEN: ${result.problems.length} problem(s) in ${result.checked} events.`);
      for (const problem of result.problems) console.log(`  event ${problem.seq}: ${problem.reason}`);
      process.exitCode = 1;
    }),
  );

const apply = program.command('apply').description('Certificate applications');
apply
  .command('import')
  .description(
    'Import an application message file (JSON or XML, docs/messages.md) as the issuing authority’s operator; ' +
      'prints one line per rejected message, exits 2 when any was rejected',
  )
  .argument('<file>', 'the message file')
  .option('--receipts <file>', 'write every receipt to this file as JSON')
  .action((file: string, options: { receipts?: string }) =>
    withRuntime(async ({ deps }) => {
      const config = loadConfig();
      const messages = messagesFromText(fs.readFileSync(file, 'utf8'));
      const progress = progressBar(process.stderr, 'Importing');
      const result = await importApplicationMessages(deps, operator, {
        messages,
        documentLimitBytes: config.documentUploadLimitBytes,
        onProgress: progress,
      });
      for (const receipt of result.receipts.filter((entry) => entry.status === 'rejected')) {
        const reasons = [
          ...receipt.errors.map((error) => `${error.path || '(message)'}: ${error.message}`),
          ...receipt.findings
            .filter((finding) => finding.severity === 'error')
            .map((finding) => `${finding.path}: ${finding.message.en}`),
        ];
        console.log(`rejected #${receipt.index} ${receipt.messageId ?? ''}\n  ${reasons.join('\n  ')}`);
      }
      if (options.receipts)
        fs.writeFileSync(options.receipts, `${JSON.stringify(result.receipts, null, 2)}\n`);
      console.log(
        `${result.accepted} accepted, ${result.rejected} rejected, of ${messages.length} messages.`,
      );
      if (result.rejected > 0) process.exitCode = ERROR_MAPPING.VALIDATION_FAILED.exitCode;
    }),
  );

const origin = program.command('origin').description('Rules of origin');
origin
  .command('evaluate')
  .description(
    'Determine origin from a bill of materials: a JSON file (the evaluateOrigin request body, or a bill alone), ' +
      'a CSV file in sections or an .xlsx workbook (docs/origin.md), recognised by content; prints the same ' +
      'result as the API with --json, and a wrong file by sheet, row and column',
  )
  .argument('<file>', 'the bill of materials (JSON, CSV or XLSX)')
  .option('--agreement <id...>', 'agreements to evaluate under (RCEP, ACFTA, CKFTA, NONPREFERENTIAL)')
  .option('--date <day>', 'the day whose rules apply (YYYY-MM-DD); today by default')
  .option('--json', 'print the whole result as JSON')
  .action((file: string, options: { agreement?: string[]; date?: string; json?: boolean }) =>
    withRuntime(async ({ deps }) => {
      const bytes = fs.readFileSync(file);
      // JSON goes to the use case as the API receives it; tables are read (and refused by cell) first.
      const request: Record<string, unknown> =
        billFileFormat(bytes, file) === 'json'
          ? (() => {
              const content = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
              return 'bill' in content ? content : { bill: content };
            })()
          : { bill: importBillOfMaterials(operator, { content: bytes, fileName: file }).bill };
      const agreements = options.agreement ?? (request.agreements as string[] | undefined) ?? [];
      const date = options.date ?? (request.date as string | undefined);
      const result = await evaluateOrigin(deps, operator, { bill: request.bill, agreements, date });
      if (options.json) {
        console.log(JSON.stringify(result, null, 2));
        return;
      }
      for (const [index, row] of result.rows.entries()) {
        const determination = result.determinations[index]!;
        console.log(
          `${row.agreement.padEnd(16)} ${row.status.padEnd(8)} ${row.criterion ?? '-'}  ${determination.summary}`,
        );
      }
    }),
  );

const keys = program
  .command('keys')
  .description('The issuing authority’s signing keys (Ed25519; ADR 0009): next → active → retired');
const printKey = (key: SigningKeyView) =>
  console.log(
    `${key.kid}  ${key.state.padEnd(7)}  signs from ${key.activatesAt}` +
      (key.retiredAt ? ` until ${key.retiredAt}` : ''),
  );
keys
  .command('generate')
  .description('Make the first key (or a new one once every key is retired); it signs at once')
  .action(() =>
    withRuntime(async ({ deps }) => {
      const key = await generateSigningKey(deps, operator);
      printKey(key);
    }),
  );
keys
  .command('rotate')
  .description(
    'Publish a new key now; after the overlap it signs and the current key retires (still published)',
  )
  .option('--overlap-days <days>', 'days the new key is published before it signs', '0')
  .action((options: { overlapDays: string }) =>
    withRuntime(async ({ deps }) => {
      const overlapDays = parseCliInteger('--overlap-days', options.overlapDays);
      const { key, retiring } = await rotateSigningKey(deps, operator, { overlapDays });
      printKey(key);
      if (retiring.length) console.log(`Retiring at ${key.activatesAt}: ${retiring.join(', ')}`);
    }),
  );
keys
  .command('retire')
  .description('Stop a key signing now (it stays published); a waiting key takes over')
  .argument('<kid>', 'the key id')
  .action((kid: string) =>
    withRuntime(async ({ deps }) => {
      const result = await retireSigningKey(deps, operator, { kid });
      console.log(`Retired ${result.kid}.`);
      if (result.activeKid) console.log(`Signing now with ${result.activeKid}.`);
      else console.log('No key signs now: approvals fail until "origo keys generate".');
    }),
  );
keys
  .command('list')
  .description('Every key with its state')
  .option('--json', 'print JSON')
  .action((options: { json?: boolean }) =>
    withRuntime(async ({ deps }) => {
      const list = await listSigningKeys(deps, operator);
      if (options.json) console.log(JSON.stringify(list, null, 2));
      else if (list.length === 0) console.log('No signing keys. Run "origo keys generate".');
      else list.forEach(printKey);
    }),
  );
keys
  .command('export-jwks')
  .description('Write the public keys (JWKS) to FILE, for offline verification (origo verify --jwks)')
  .argument('<file>', 'destination file')
  .action((file: string) =>
    withRuntime(async ({ deps }) => {
      const jwks = await getJwks(deps);
      fs.writeFileSync(file, `${JSON.stringify(jwks, null, 2)}\n`);
      console.log(`Wrote ${jwks.keys.length} key(s) to ${file}.`);
    }),
  );

program
  .command('verify')
  .description(
    'Check a certificate PDF or signed payload (.jws) offline against a saved JWKS; exits 0 only when VALID',
  )
  .argument('<file>', 'the PDF or the payload file')
  .requiredOption(
    '--jwks <file>',
    'the issuing authority’s JWKS (origo keys export-jwks, or /.well-known/jwks.json)',
  )
  .option('--json', 'print the whole verdict as JSON')
  .action((file: string, options: { jwks: string; json?: boolean }) => {
    const result = verifyOffline(fs.readFileSync(file), fs.readFileSync(options.jwks, 'utf8'));
    if (options.json) console.log(JSON.stringify(result, null, 2));
    else {
      console.log(result.verdict);
      if (result.verdict === 'VALID') {
        const { payload } = result;
        console.log(
          `  certificate   ${payload.certificateNumber} (type ${payload.certificateType}, ${payload.kind})`,
        );
        console.log(`  issued        ${payload.issueDate} by ${payload.issuingOffice.nameEn}`);
        console.log(`  exporter      ${payload.exporter.name}`);
        console.log(`  destination   ${payload.destinationCountry}`);
        for (const item of payload.items)
          console.log(
            `  item ${item.itemNumber}        HS ${item.hsCode}  ${item.quantity ?? ''} ${item.quantityUnit}  ${item.description}`,
          );
        console.log(`  signed with   ${result.kid}`);
        console.log(`  status        ${payload.statusUrl}`);
      } else console.log(`  ${result.message}${result.kid ? ` (key ${result.kid})` : ''}`);
    }
    if (result.verdict !== 'VALID') process.exitCode = 1;
  });

const registry = program
  .command('registry')
  .description('The stand-in enterprise qualification registry (an external system in production)');
registry
  .command('serve')
  .description('Serve the registry on its own port with its own database (seeded with 240 enterprises)')
  .option('--port <port>', 'port to listen on', '8081')
  .option('--data-dir <dir>', 'where its database lives', '.origo/registry')
  .action(async (options: { port: string; dataDir: string }) => {
    const port = z.coerce.number().int().min(0).max(65535).parse(options.port);
    const database = openRegistryDatabase(options.dataDir);
    const app = buildRegistryApp(database);
    const stop = async () => {
      await app.close();
      database.close();
    };
    process.once('SIGINT', () => void stop());
    process.once('SIGTERM', () => void stop());
    await app.listen({ port, host: '127.0.0.1' });
    console.log(`Registry serving on http://127.0.0.1:${port}`);
  });

const db = program.command('db').description('Database maintenance');
db.command('backup')
  .description('Write a consistent copy of the embedded SQLite database to FILE (online; the server may run)')
  .argument('<file>', 'destination file')
  .action(async (file: string) => {
    const config = loadConfig();
    if (config.databaseUrl) {
      throw new DomainError(
        'VALIDATION_FAILED',
        'db backup copies the embedded database; for PostgreSQL use pg_dump.',
      );
    }
    const handle = openDatabase({ dialect: 'sqlite', file: config.sqliteFile });
    try {
      await backupSqlite(handle, z.string().min(1).parse(file));
      console.log(`Backed up ${config.sqliteFile} to ${file}.`);
    } finally {
      await handle.close();
    }
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exitCode = 2;
  } else if (isDomainError(error)) {
    console.error(`${error.code}: ${error.message}`);
    for (const field of error.fields) console.error(`  ${field.path}: ${field.message}`);
    process.exitCode = ERROR_MAPPING[error.code].exitCode;
  } else {
    console.error(error);
    process.exitCode = 1;
  }
}
