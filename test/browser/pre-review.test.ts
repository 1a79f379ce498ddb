import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from './support.js';
import { launchChromium, startServer } from './support.js';

const PASSWORD = 'origo-demo-2026';
const root = path.resolve(import.meta.dirname, '..', '..');

/** A calendar day in China, `days` from today: the server checks dates against China's today. */
const chinaDay = (days: number) =>
  new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

async function logIn(page: Page, url: string, username: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('navigation').waitFor();
}

describe('product pre-review in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let folder: string;
  let invoicePdf: string;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'origo-pre-review-'));
    invoicePdf = path.join(folder, 'invoice-fg-2026-0301.pdf');
    fs.writeFileSync(
      invoicePdf,
      '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
    );
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  it('an enterprise enters a bill, reads the result, submits it for pre-review, an officer confirms it, and the enterprise uses it in an RCEP application', async () => {
    const clerkContext = await browser.newContext({ locale: 'en-US' });
    const officerContext = await browser.newContext({ locale: 'en-US' });
    const clerk = await clerkContext.newPage();
    const officer = await officerContext.newPage();
    try {
      // The bill from the workbook a clerk keeps, then corrected by hand in the form.
      await logIn(clerk, server.url, 'ent.clerk');
      await clerk.getByRole('navigation').getByRole('link', { name: 'Origin evaluation' }).click();
      await clerk
        .getByLabel('Import a bill (XLSX, CSV or JSON)')
        .setInputFiles(path.join(root, 'docs', 'origin', 'grinder.xlsx'));
      await clerk.getByText('Loaded grinder.xlsx.').waitFor();
      await expect(clerk.getByLabel('HS code (10 digits)').inputValue()).resolves.toBe('8509400000');
      const motor = clerk.getByRole('group', { name: 'Material 1' });
      await expect(motor.getByLabel('Name').inputValue()).resolves.toBe('Universal motor');
      await clerk.getByLabel('Model').fill('FG-200B');

      // A bill that cannot be evaluated names the field; then the clerk fixes it.
      await motor.getByLabel('Value').fill('');
      await clerk.getByRole('button', { name: 'Evaluate' }).click();
      await motor.getByRole('alert').waitFor();
      await motor.getByLabel('Value').fill('30');

      await clerk.getByRole('checkbox', { name: /ACFTA ·/ }).check();
      await clerk.getByRole('button', { name: 'Evaluate' }).click();
      const results = clerk.getByRole('region', { name: 'Result' });
      await expect(results.getByRole('row', { name: /^RCEP/ }).innerText()).resolves.toMatch(
        /Originating.*CTC.*Product-specific rule/s,
      );
      await expect(results.getByRole('row', { name: /^ACFTA/ }).innerText()).resolves.toMatch(/CTH/);

      await clerk.getByRole('button', { name: 'Submit for pre-review' }).click();
      await clerk.getByRole('heading', { name: /^Pre-review: Food grinder/ }).waitFor();
      await clerk.getByText('Awaiting customs').waitFor();
      const reference = await clerk.locator('dd code').innerText();

      // The officer of Shanghai finds it in the queue and confirms the engine's answer.
      await logIn(officer, server.url, 'officer.wang');
      await officer.getByRole('navigation').getByRole('link', { name: 'Pre-review queue' }).click();
      await officer.getByRole('link', { name: 'Food grinder' }).click();
      const decide = officer.getByRole('form', { name: 'Decide' });
      await expect(decide.getByLabel('Origin criterion (RCEP)').inputValue()).resolves.toBe('CTC');
      // Not confirming ACFTA differs from the engine: a reason is needed.
      await decide.getByRole('group', { name: 'ACFTA' }).getByLabel('Does not conform').check();
      await decide.getByRole('button', { name: 'Record the decision' }).click();
      await decide.getByText(/Say why your answer differs/).waitFor();
      await decide.getByLabel('Reason').fill('NO SUPPLIER DECLARATION FOR THE BLADES UNDER ACFTA.');
      await decide.getByRole('button', { name: 'Record the decision' }).click();
      await officer.getByText('The decision is recorded.').waitFor();
      await officer.getByText('RCEP: conforms, criterion CTC').waitFor();

      // The enterprise names the pre-review on the goods item of an RCEP application for Korea.
      await clerk.getByRole('navigation').getByRole('link', { name: 'New application' }).click();
      await clerk.getByLabel('Certificate type').selectOption({ label: 'RC — RCEP Certificate of Origin' });
      await clerk.getByLabel('Country / region of destination').selectOption({ label: 'South Korea (KR)' });
      await clerk.getByRole('button', { name: 'Create the draft' }).click();
      const item = clerk.getByRole('group', { name: 'Item 1' });
      await item
        .getByLabel('Product pre-review')
        .selectOption({ label: 'Food grinder FG-200B · 8509400000' });
      await expect(item.getByLabel('HS code').inputValue()).resolves.toBe('850940');
      await expect(item.getByLabel('Origin criterion').inputValue()).resolves.toBe('CTC');
      await expect(item.getByLabel('Description of goods').inputValue()).resolves.toBe('FOOD GRINDER***');

      await clerk.getByLabel('Consignee’s name').fill('HANBIT KITCHEN CO., LTD.');
      await clerk.getByLabel('Consignee’s address').fill('88 TEHERAN-RO, SEOUL');
      await clerk.getByLabel('Departure date').fill(chinaDay(2));
      await clerk.getByLabel('Means of transport').selectOption({ label: 'Sea (by vessel)' });
      await clerk.getByLabel('Vessel and voyage, or flight').fill('COSCO STAR V.026E');
      await clerk.getByLabel('Port of discharge').fill('BUSAN');
      await item.getByLabel('Marks and numbers').fill('N/M');
      await item.getByLabel('Number of packages').fill('100');
      await item.getByLabel('Kind of packages').fill('CARTONS');
      await item.getByLabel('Quantity').fill('600');
      await item.getByLabel('Unit').fill('PCS');
      const invoice = clerk.getByRole('group', { name: 'Invoice 1' });
      await invoice.getByLabel('Invoice number').fill('FG-2026-0301');
      await invoice.getByLabel('Invoice date').fill(chinaDay(-1));
      await clerk.getByLabel('Place of declaration').fill('SHANGHAI');
      await clerk.getByLabel('Date of declaration').fill(chinaDay(0));
      await clerk.getByLabel('Document', { exact: true }).selectOption({ label: 'Commercial invoice' });
      await clerk.getByLabel('File').setInputFiles(invoicePdf);
      await clerk.getByRole('button', { name: 'Upload' }).click();
      await clerk.getByRole('link', { name: 'invoice-fg-2026-0301.pdf' }).waitFor();
      await clerk.getByLabel(/declares that the above details and statements are true/).check();
      await clerk.getByText('Nothing stands in the way: the application can be submitted.').waitFor();
      await clerk.getByRole('button', { name: 'Submit' }).click();
      await clerk.getByTestId('application-status').filter({ hasText: 'Submitted' }).waitFor();

      // The officer's review shows the pre-review check passed, with the reference.
      await officer.getByRole('navigation').getByRole('link', { name: 'Review queue', exact: true }).click();
      await officer
        .getByRole('row', { name: /HANBIT|RC/ })
        .first()
        .getByRole('link')
        .first()
        .click();
      const check = officer
        .getByRole('region', { name: 'Automated checks' })
        .getByRole('listitem')
        .filter({ hasText: 'Product pre-review' });
      await expect(check.innerText()).resolves.toContain(`as pre-review ${reference} (RCEP`);
      await expect(check.locator('.outcome').innerText()).resolves.toMatch(/pass/i);
    } finally {
      await clerkContext.close();
      await officerContext.close();
    }
  }, 120_000);
});
