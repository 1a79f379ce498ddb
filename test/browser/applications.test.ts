import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from './support.js';
import { launchChromium, startServer } from './support.js';

const PASSWORD = 'origo-demo-2026';

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

/** Starts a draft from the menu: certificate type and destination, as a clerk chooses them. */
async function newDraft(page: Page, typeLabel: string, countryLabel: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'New application' }).click();
  await page.getByLabel('Certificate type').selectOption({ label: typeLabel });
  await page.getByLabel('Country / region of destination').selectOption({ label: countryLabel });
  await page.getByRole('button', { name: 'Create the draft' }).click();
  await page.getByRole('group', { name: 'Item 1' }).waitFor();
}

/** Fills the boxes every type shares with what a careful clerk writes. */
async function fillShipment(page: Page, item: Locator, options: { portOfLoading: boolean }): Promise<void> {
  await page.getByLabel('Consignee’s name').fill('Nordic Home Trading AB');
  await page.getByLabel('Consignee’s address').fill('12 Harbour Street');
  await page.getByLabel('Departure date').fill(chinaDay(2));
  await page.getByLabel('Means of transport').selectOption({ label: 'Sea (by vessel)' });
  await page.getByLabel('Vessel and voyage, or flight').fill('COSCO STAR V.026E');
  if (options.portOfLoading) await page.getByLabel('Port of loading').fill('SHANGHAI');
  await page.getByLabel('Port of discharge').fill(options.portOfLoading ? 'HAMBURG' : 'BUSAN');
  await item.getByLabel('Marks and numbers').fill('N/M');
  await item.getByLabel('Number of packages').fill('200');
  await item.getByLabel('Kind of packages').fill('CARTONS');
  await item.getByLabel('Quantity').fill('2400');
  await item.getByLabel('Unit').fill('PCS');
  const invoice = page.getByRole('group', { name: 'Invoice 1' });
  await invoice.getByLabel('Invoice number').fill('EB-2026-0117');
  await invoice.getByLabel('Invoice date').fill(chinaDay(-3));
  await page.getByLabel('Place of declaration').fill('SHANGHAI');
  await page.getByLabel('Date of declaration').fill(chinaDay(0));
}

/** Attaches the commercial invoice, ticks the commitment and submits; the page then shows Submitted. */
async function attachAndSubmit(page: Page, invoicePdf: string): Promise<void> {
  await page.getByLabel('Document', { exact: true }).selectOption({ label: 'Commercial invoice' });
  await page.getByLabel('File').setInputFiles(invoicePdf);
  await page.getByRole('button', { name: 'Upload' }).click();
  await page.getByRole('link', { name: 'invoice-eb-2026-0117.pdf' }).waitFor();
  await page.getByLabel(/declares that the above details and statements are true/).check();
  await page.getByText('Nothing stands in the way: the application can be submitted.').waitFor();
  await page.getByRole('button', { name: 'Submit' }).click();
  await page.getByTestId('application-status').filter({ hasText: 'Submitted' }).waitFor();
  await page.getByText(/^Submitted to customs on/).waitFor();
  await expect(page.getByLabel('Consignee’s name').isDisabled()).resolves.toBe(true);
}

describe('certificate applications in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let folder: string;
  let invoicePdf: string;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'origo-documents-'));
    invoicePdf = path.join(folder, 'invoice-eb-2026-0117.pdf');
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

  it('an applicant fills a non-preferential CO for Germany, fixes what the rules find at the fields, attaches the invoice and submits', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    try {
      await logIn(page, server.url, 'ent.clerk');
      await newDraft(page, 'C — Certificate of Origin (non-preferential)', 'Germany (DE)');
      // Box 1 comes from the enterprise information; box 4 and the consignee's country from the choice.
      await expect(page.getByLabel('Exporter’s name').inputValue()).resolves.toBe(
        'SHANGHAI EVERBRIGHT TEXTILES CO., LTD.',
      );
      await expect(page.getByLabel('Consignee’s country').inputValue()).resolves.toBe('DE');

      const item = page.getByRole('group', { name: 'Item 1' });
      await fillShipment(page, item, { portOfLoading: true });
      // Capitals as typed; a description left open and an HS code that is not in HS 2022.
      await expect(page.getByLabel('Consignee’s name').inputValue()).resolves.toBe('NORDIC HOME TRADING AB');
      const description = item.getByLabel('Description of goods');
      await description.fill("men's cotton knitted t-shirts");
      const hsCode = item.getByLabel('HS code');
      await hsCode.fill('610980');

      await item.getByText('End the description with "***".').waitFor();
      await item.getByText('610980 is not an HS 2022 subheading').waitFor();
      await expect(description.getAttribute('aria-invalid')).resolves.toBe('true');
      await expect(hsCode.getAttribute('aria-invalid')).resolves.toBe('true');
      // The summary at the top leads to the field.
      await page
        .getByRole('region', { name: 'To check' })
        .getByRole('link', { name: 'Box 7 · Item 1 · Description of goods', exact: true })
        .click();
      await description.and(page.locator(':focus')).waitFor();

      await description.fill("MEN'S COTTON KNITTED T-SHIRTS***");
      await hsCode.fill('6109');
      await item
        .getByRole('option', { name: /^610910 T-shirts, singlets and other vests; of cotton/ })
        .click();
      await expect(hsCode.inputValue()).resolves.toBe('610910');
      await item.getByText('End the description with "***".').waitFor({ state: 'detached' });
      await item.getByText('610980 is not an HS 2022 subheading').waitFor({ state: 'detached' });
      await expect(description.getAttribute('aria-invalid')).resolves.toBeNull();

      // What the certificate will print: the packages in words and the route.
      await item.getByText('On the certificate: TWO HUNDRED (200) CARTONS').waitFor();
      await page.getByText('On the certificate: FROM SHANGHAI TO HAMBURG BY VESSEL').waitFor();
      await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
      await page.getByText('Attach the required supporting documents: invoice.').waitFor();

      // The invoice first goes up as a contract by mistake: it still does not count, and is removed.
      await page.getByLabel('Document', { exact: true }).selectOption({ label: 'Contract' });
      await page.getByLabel('File').setInputFiles(invoicePdf);
      await page.getByRole('button', { name: 'Upload' }).click();
      await page.getByRole('link', { name: 'invoice-eb-2026-0117.pdf' }).waitFor();
      await page.getByText('Attach the required supporting documents: invoice.').waitFor();
      await page.getByRole('button', { name: 'Remove invoice-eb-2026-0117.pdf' }).click();
      await page.getByText('invoice-eb-2026-0117.pdf removed.').waitFor();
      await page.getByRole('link', { name: 'invoice-eb-2026-0117.pdf' }).waitFor({ state: 'detached' });

      await attachAndSubmit(page, invoicePdf);

      await page.getByRole('navigation').getByRole('link', { name: 'Certificate applications' }).click();
      await page.getByRole('cell', { name: 'NORDIC HOME TRADING AB', exact: true }).waitFor();
      await page.getByRole('cell', { name: 'Submitted', exact: true }).waitFor();
    } finally {
      await context.close();
    }
  }, 90_000);

  it('an applicant fills an RCEP CO for Korea with a combined criterion, sees the findings in Chinese too, submits, then copies it for the next shipment', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    try {
      await logIn(page, server.url, 'ent.clerk');
      await newDraft(page, 'RC — RCEP Certificate of Origin', 'South Korea (KR)');
      const item = page.getByRole('group', { name: 'Item 1' });
      await fillShipment(page, item, { portOfLoading: false });
      await expect(item.getByLabel('Country of origin').inputValue()).resolves.toBe('CN');
      await item.getByLabel('Origin criterion').selectOption('CTC');
      await item.getByLabel(/^ACU/).check();
      await item.getByLabel('Description of goods').fill("MEN'S COTTON KNITTED T-SHIRTS");
      // RCEP states the 6-digit subheading: a national 10-digit code is refused at the field.
      await item.getByLabel('HS code').fill('6109100021');
      await item.getByText('A RC certificate states the 6-digit HS subheading (610910).').waitFor();

      // The same findings, in Chinese when the portal is.
      await page.getByRole('button', { name: /Switch language/ }).click();
      await page.getByRole('group', { name: '第 1 项' }).getByText('货物描述须以"***"结尾。').waitFor();
      await page.getByRole('button', { name: /切换语言/ }).click();

      await item.getByLabel('Description of goods').fill("MEN'S COTTON KNITTED T-SHIRTS***");
      await item.getByLabel('HS code').fill('610910');
      await item.getByText('End the description with "***".').waitFor({ state: 'detached' });
      await item
        .getByText('A RC certificate states the 6-digit HS subheading (610910).')
        .waitFor({ state: 'detached' });
      await expect(item.getByLabel('Origin criterion').inputValue()).resolves.toBe('CTC');

      await attachAndSubmit(page, invoicePdf);

      // The next shipment starts from this one: same consignee and goods, new invoice to fill.
      await page.getByRole('navigation').getByRole('link', { name: 'Certificate applications' }).click();
      await page.getByRole('row', { name: /RCEP/ }).getByRole('button', { name: /^Copy/ }).click();
      await page.getByRole('group', { name: 'Item 1' }).waitFor();
      await expect(page.getByTestId('application-status').innerText()).resolves.toBe('Draft');
      await expect(page.getByLabel('Consignee’s name').inputValue()).resolves.toBe('NORDIC HOME TRADING AB');
      await expect(
        page.getByRole('group', { name: 'Item 1' }).getByLabel('HS code').inputValue(),
      ).resolves.toBe('610910');
      await expect(page.getByLabel(/declares that the above details/).isChecked()).resolves.toBe(false);
    } finally {
      await context.close();
    }
  }, 90_000);

  it('agent staff apply for a principal, only with the types it authorised, and see the enterprise in their list', async () => {
    const enterprise = await browser.newContext({ locale: 'en-US' });
    const agency = await browser.newContext({ locale: 'en-US' });
    const admin = await enterprise.newPage();
    const agent = await agency.newPage();
    try {
      await logIn(admin, server.url, 'ent.admin');
      await admin.getByRole('navigation').getByRole('link', { name: 'Agents' }).click();
      await admin.getByLabel('Agency').selectOption({ label: 'SHANGHAI ORIENT CUSTOMS BROKERAGE CO., LTD.' });
      await expect(admin.getByLabel('C', { exact: true }).isChecked()).resolves.toBe(true);
      await admin.getByRole('button', { name: 'Authorise' }).click();
      await admin.getByText('SHANGHAI ORIENT CUSTOMS BROKERAGE CO., LTD. is authorised.').waitFor();

      await logIn(agent, server.url, 'agent.li');
      await agent.getByRole('navigation').getByRole('link', { name: 'New application' }).click();
      await agent
        .getByLabel('Exporting enterprise')
        .selectOption({ label: 'SHANGHAI EVERBRIGHT TEXTILES CO., LTD.' });
      await expect(agent.getByLabel('Certificate type').locator('option').allInnerTexts()).resolves.toEqual([
        'Choose a certificate type',
        'C — Certificate of Origin (non-preferential)',
      ]);
      await agent
        .getByLabel('Certificate type')
        .selectOption({ label: 'C — Certificate of Origin (non-preferential)' });
      await agent.getByLabel('Country / region of destination').selectOption({ label: 'Japan (JP)' });
      await agent.getByRole('button', { name: 'Create the draft' }).click();
      await agent.getByRole('group', { name: 'Item 1' }).waitFor();
      await expect(agent.getByLabel('Exporter’s name').inputValue()).resolves.toBe(
        'SHANGHAI EVERBRIGHT TEXTILES CO., LTD.',
      );
      await agent.getByLabel('Consignee’s name').fill('TO WHOM IT MAY CONCERN');
      await agent.getByRole('status').filter({ hasText: 'Saved' }).waitFor();

      await agent.getByRole('navigation').getByRole('link', { name: 'Certificate applications' }).click();
      await agent.getByRole('columnheader', { name: 'Enterprise' }).waitFor();
      await agent
        .getByRole('cell', { name: 'SHANGHAI EVERBRIGHT TEXTILES CO., LTD.', exact: true })
        .waitFor();
      await agent.getByRole('cell', { name: 'TO WHOM IT MAY CONCERN', exact: true }).waitFor();
    } finally {
      await enterprise.close();
      await agency.close();
    }
  }, 90_000);
});
