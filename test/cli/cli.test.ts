import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goodApplication } from '../support/applications.js';
import { messageOf } from '../support/messages.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..', '..');

/** Runs the real `origo` command line in a child process, as an operator would. */
async function origo(
  dataDir: string,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      path.join(root, 'node_modules', '.bin', 'tsx'),
      ['src/cli/main.ts', ...args],
      {
        cwd: root,
        env: { ...process.env, ORIGO_DATA_DIR: dataDir, DATABASE_URL: '', ORIGO_LOG_LEVEL: 'warn' },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

// Each test starts the real command line several times (a few seconds each, more on a busy machine).
describe('origo command line', { timeout: 120_000 }, () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'origo-cli-'));
  });
  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('migrates, seeds, creates users and API keys, and verifies an intact audit trail', async () => {
    expect((await origo(dataDir, 'migrate')).stdout).toContain('0001-foundation');
    const seeded = await origo(dataDir, 'seed');
    expect(seeded.stdout).toContain('Loaded 10 organisations and 8 users.');
    expect(seeded.stdout).toContain('ent.admin');
    const again = await origo(dataDir, 'seed');
    expect(again.code).toBe(5);
    expect(again.stderr).toContain('CONFLICT');

    const user = await origo(
      dataDir,
      'user',
      'create',
      '--org',
      '2200',
      '--username',
      'officer.qian',
      '--display-name',
      'Qian Yu',
      '--role',
      'customs_officer',
      '--office',
      '2200',
      '3100',
    );
    expect(user.code).toBe(0);
    expect(user.stdout).toMatch(/Initial password \(shown once; the user must change it\): \S{20}/);

    const badRole = await origo(
      dataDir,
      'user',
      'create',
      '--org',
      '91310115MA1K4B2X7G',
      '--username',
      'ent.bad',
      '--display-name',
      'Bad',
      '--role',
      'customs_admin',
    );
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain('roles.0');

    const key = await origo(dataDir, 'apikey', 'create', '--org', '91310115MA1K4B2X7G', '--name', 'ERP');
    expect(key.stdout).toMatch(/origo_[a-z0-9]{12}_[A-Za-z0-9_-]{43}/);

    const verified = await origo(dataDir, 'audit', 'verify');
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/Audit trail intact: \d+ events checked\./);
  });

  it('imports a message file with a progress count, one line per rejected message, and receipts', async () => {
    // The CLI runs on the real clock: date the shipment around today.
    const day = (offset: number) =>
      new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
    const dated = () => {
      const data = goodApplication('C');
      data.transport.departureDate = day(3);
      data.invoices[0]!.date = day(-2);
      data.declaration.date = day(0);
      return data;
    };
    const wrong = dated();
    wrong.items[0]!.hsCode = '610980';
    const file = path.join(dataDir, 'messages.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        messages: [
          messageOf('C', dated(), { messageId: 'CLI-1' }),
          messageOf('C', wrong, { messageId: 'CLI-2' }),
        ],
      }),
    );
    const receipts = path.join(dataDir, 'receipts.json');
    const result = await origo(dataDir, 'apply', 'import', file, '--receipts', receipts);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Importing: 2/2');
    expect(result.stdout).toContain('1 accepted, 1 rejected, of 2 messages.');
    expect(result.stdout).toMatch(
      /rejected #1 CLI-2\n {2}items\.0\.hsCode: 610980 is not an HS 2022 subheading/,
    );
    const written = JSON.parse(fs.readFileSync(receipts, 'utf8')) as Array<{ status: string }>;
    expect(written.map((receipt) => receipt.status)).toEqual(['accepted', 'rejected']);
  });

  it('evaluates origin from a bill of materials file and prints the API’s result with --json', async () => {
    const file = path.join(root, 'docs', 'origin', 'example-grinder.json');
    const table = await origo(dataDir, 'origin', 'evaluate', file);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^RCEP\s+MET\s+CTC\s+Originating under RCEP/m);
    const json = await origo(dataDir, 'origin', 'evaluate', file, '--agreement', 'ACFTA', '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({
      date: '2026-03-02',
      rows: [{ agreement: 'ACFTA', status: 'MET', criterion: 'CTH' }],
    });
  });

  it('evaluates the grinder from CSV and XLSX exactly as from JSON, and reports a wrong CSV by row and column', async () => {
    const docs = path.join(root, 'docs', 'origin');
    const evaluate = async (file: string) => {
      const result = await origo(
        dataDir,
        'origin',
        'evaluate',
        file,
        '--agreement',
        'RCEP',
        'ACFTA',
        'NONPREFERENTIAL',
        '--date',
        '2026-03-02',
        '--json',
      );
      expect(result.code, result.stderr).toBe(0);
      return JSON.parse(result.stdout) as unknown;
    };
    const fromJson = await evaluate(path.join(docs, 'example-grinder.json'));
    expect(await evaluate(path.join(docs, 'grinder.csv'))).toStrictEqual(fromJson);
    // Recognised by content: the workbook under a name that says nothing.
    const unnamed = path.join(dataDir, 'bill-upload');
    fs.copyFileSync(path.join(docs, 'grinder.xlsx'), unnamed);
    expect(await evaluate(unnamed)).toStrictEqual(fromJson);

    const wrong = path.join(dataDir, 'wrong-bill.csv');
    fs.writeFileSync(
      wrong,
      fs
        .readFileSync(path.join(docs, 'grinder.csv'), 'utf8')
        .replace(
          '4,1,Retail box,481910,CN,,,,2,0.4,,,retail packing',
          '4,1,Retail box,481910,CN,,,,2,0.4,,,gift wrap',
        ),
    );
    const refused = await origo(dataDir, 'origin', 'evaluate', wrong, '--agreement', 'RCEP');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('VALIDATION_FAILED: The bill of materials (CSV) cannot be read');
    expect(refused.stderr).toMatch(
      / {2}Materials!M18: Role "gift wrap" is not known; write material, transport packing/,
    );
  });

  it('reports an edited audit row and a deleted one, with exit code 1', async () => {
    const file = path.join(dataDir, 'origo.sqlite');
    const database = new BetterSqlite3(file);
    database
      .prepare(
        "update audit_events set data = replace(data, 'Ningbo Customs', 'Ningbo Custom') where seq = 3",
      )
      .run();
    database.close();
    const edited = await origo(dataDir, 'audit', 'verify');
    expect(edited.code).toBe(1);
    expect(edited.stdout).toContain('Audit trail BROKEN');
    expect(edited.stdout).toContain('event 3: content does not match its hash (edited)');

    const again = new BetterSqlite3(file);
    again.prepare('delete from audit_events where seq = 7').run();
    again.close();
    const deleted = await origo(dataDir, 'audit', 'verify');
    expect(deleted.stdout).toContain('event 8: events 7 to 7 are missing (deleted)');
  });

  it('backs up the embedded database to a file that opens', async () => {
    const destination = path.join(dataDir, 'backups', 'origo-backup.sqlite');
    const result = await origo(dataDir, 'db', 'backup', destination);
    expect(result.code).toBe(0);
    const copy = new BetterSqlite3(destination, { readonly: true });
    const row = copy.prepare("select count(*) as n from users where username = 'officer.qian'").get() as {
      n: number;
    };
    copy.close();
    expect(row.n).toBe(1);
  });
});
