import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goodApplication } from '../support/applications.js';
import type { RunningServer } from './support.js';
import { apiAs, launchChromium, logIn, startServer } from './support.js';

/** A calendar day in China, `days` from today: the server checks dates against China's today. */
const chinaDay = (days: number) =>
  new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

const PDF = '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';

interface Application {
  id: string;
  version: number;
  status: string;
  certificateNumber: string | null;
  automatic: boolean | null;
}

/**
 * Creates, as the clerk logged in on `page`, a complete and correct application of a type, shipped in two
 * days, with its own invoice number (the automated checks flag an invoice used twice). The form itself is
 * tested in applications.test.ts.
 */
async function createApplication(page: Page, url: string, typeCode: string, invoice: string) {
  const clerk = await apiAs(page, url);
  const good = goodApplication(typeCode);
  return clerk.post<Application>('/api/applications', {
    enterpriseId: clerk.session.user.organisation.id,
    typeCode,
    data: {
      ...good,
      exporter: { ...good.exporter, name: 'SHANGHAI EVERBRIGHT TEXTILES CO., LTD.' },
      transport: { ...good.transport, departureDate: chinaDay(2) },
      invoices: [{ number: invoice, date: chinaDay(-3) }],
      declaration: { place: 'SHANGHAI', date: chinaDay(0) },
    },
  });
}

/** Creates an application, attaches its invoice and submits it, all through the API. */
async function submitApplication(page: Page, url: string, typeCode: string, invoice: string) {
  const created = await createApplication(page, url, typeCode, invoice);
  const clerk = await apiAs(page, url);
  const upload = await page.request.post(`${url}/api/applications/${created.id}/documents`, {
    headers: { 'x-csrf-token': clerk.session.csrfToken },
    // The kind goes first: the server reads it before the file streams in.
    multipart: {
      kind: 'invoice',
      file: { name: `invoice-${invoice}.pdf`, mimeType: 'application/pdf', buffer: Buffer.from(PDF) },
    },
  });
  expect(upload.status()).toBe(201);
  return clerk.post<Application>(`/api/applications/${created.id}/submit`, {
    expectedVersion: created.version,
  });
}

/** The page does not scroll sideways: at phone width, wide content scrolls inside its own box. */
const fitsWidth = (page: Page) =>
  page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth');

describe('customs review in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let folder: string;
  let invoicePdf: string;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'origo-review-'));
    invoicePdf = path.join(folder, 'invoice-eb-2026-0501.pdf');
    fs.writeFileSync(invoicePdf, PDF);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  it('the enterprise submits; the officer returns two boxes with reasons; the enterprise corrects and resubmits; the officer approves; the enterprise finds the number in Certificate Query with the history', async () => {
    const enterprise = await browser.newContext({ locale: 'en-US' });
    const customs = await browser.newContext({ locale: 'en-US' });
    const clerk = await enterprise.newPage();
    const officer = await customs.newPage();
    try {
      // The enterprise attaches the invoice to a complete application and submits it in the portal.
      await logIn(clerk, server.url, 'ent.clerk');
      const { id } = await createApplication(clerk, server.url, 'C', 'EB-2026-0501');
      await clerk.goto(`${server.url}/#/applications/${id}`);
      await clerk.getByLabel('Document', { exact: true }).selectOption({ label: 'Commercial invoice' });
      await clerk.getByLabel('File').setInputFiles(invoicePdf);
      await clerk.getByRole('button', { name: 'Upload' }).click();
      await clerk.getByRole('link', { name: 'invoice-eb-2026-0501.pdf' }).waitFor();
      await clerk.getByText('Nothing stands in the way: the application can be submitted.').waitFor();
      await clerk.getByRole('button', { name: 'Submit', exact: true }).click();
      await clerk.getByTestId('application-status').filter({ hasText: 'Submitted' }).waitFor();

      // Officer Wang of Shanghai Customs lands on the queue and claims it there.
      await logIn(officer, server.url, 'officer.wang');
      await officer.getByRole('heading', { name: 'Review queue', level: 1 }).waitFor();
      const row = officer.getByRole('row', { name: /EB-2026-0501/ });
      await row.getByRole('cell', { name: 'Submitted', exact: true }).waitFor();
      await row.getByRole('button', { name: /^Claim/ }).click();
      await officer.getByTestId('reviewer').filter({ hasText: 'You: only you decide it.' }).waitFor();
      await officer.getByTestId('application-status').filter({ hasText: 'Under review' }).waitFor();

      // The review shows the automated checks with their evidence, the documents and the enterprise.
      const checks = officer.getByRole('region', { name: 'Automated checks' });
      await checks
        .getByRole('listitem')
        .filter({ hasText: 'Invoice not on another certificate' })
        .getByText(/EB-2026-0501/)
        .waitFor();
      await expect(checks.getByText('Failed', { exact: true }).count()).resolves.toBe(0);
      await officer.getByRole('link', { name: 'invoice-eb-2026-0501.pdf' }).waitFor();
      await expect(
        officer.getByRole('link', { name: 'View the enterprise information' }).getAttribute('href'),
      ).resolves.toMatch(/^#\/enterprise\//);
      await expect(officer.getByLabel('Consignee’s name').inputValue()).resolves.toBe(
        'NORDIC HOME TRADING AB',
      );
      await expect(officer.getByLabel('Consignee’s name').isDisabled()).resolves.toBe(true);

      // The return: boxes 2 and 7 at fault (marked on the form as they are ticked), two catalogue reasons, a note.
      await officer.getByLabel('Return for correction', { exact: true }).check();
      const boxes = officer.getByRole('group', { name: 'Boxes at fault' });
      await boxes.getByLabel(/^2 Consignee/).check();
      await boxes.getByLabel(/^7 Number and kind of packages/).check();
      await officer.getByRole('group', { name: /^2 Consignee .* To correct$/ }).waitFor();
      await officer.getByRole('group', { name: /goods items To correct: Box 7$/ }).waitFor();
      const reasons = officer.getByRole('group', { name: 'Reasons' });
      await reasons.getByLabel("The consignee's name, address or country is incomplete.").check();
      await reasons.getByLabel('The description of goods is not specific enough to classify them.').check();
      await officer
        .getByLabel('Note to the applicant')
        .fill('Give the consignee’s full address with the city, and what the T-shirts are made of.');
      await officer.getByRole('button', { name: 'Return to the applicant' }).click();
      await officer.getByText('Returned to the applicant for correction.').waitFor();
      await officer
        .getByTestId('application-status')
        .filter({ hasText: 'Returned for correction' })
        .waitFor();

      // The enterprise sees the reasons and the note, and the two boxes marked on its form, editable again.
      await clerk.reload();
      await clerk.getByTestId('application-status').filter({ hasText: 'Returned for correction' }).waitFor();
      const notice = clerk.getByRole('region', { name: 'Returned for correction' });
      await notice.getByText("The consignee's name, address or country is incomplete.").waitFor();
      await notice.getByText('The description of goods is not specific enough to classify them.').waitFor();
      await notice.getByText('Give the consignee’s full address with the city').waitFor();
      await notice.getByRole('link', { name: 'Box 2 — Consignee (name, full address, country)' }).waitFor();
      await notice
        .getByRole('link', { name: 'Box 7 — Number and kind of packages; description of goods' })
        .waitFor();
      await clerk.getByRole('group', { name: /^2 Consignee .* To correct$/ }).waitFor();
      await clerk.getByRole('group', { name: /goods items To correct: Box 7$/ }).waitFor();
      await expect(
        clerk.getByRole('group', { name: /^3 Means of transport/ }).innerText(),
      ).resolves.not.toContain('To correct');

      await clerk.getByLabel('Consignee’s address').fill('12 Harbour Street, 41104 Gothenburg');
      await clerk
        .getByRole('group', { name: 'Item 1' })
        .getByLabel('Description of goods')
        .fill("MEN'S KNITTED T-SHIRTS OF 100% COTTON, STYLE 1***");
      await clerk.getByRole('button', { name: 'Submit again' }).click();
      await clerk.getByTestId('application-status').filter({ hasText: 'Resubmitted' }).waitFor();
      await expect(clerk.getByLabel('Consignee’s address').inputValue()).resolves.toBe(
        '12 HARBOUR STREET, 41104 GOTHENBURG',
      );
      await expect(clerk.getByRole('group', { name: /To correct/ }).count()).resolves.toBe(0);

      // The officer finds it back in the queue, claims it again and approves it: the certificate is numbered.
      await officer.getByRole('navigation').getByRole('link', { name: 'Review queue', exact: true }).click();
      const again = officer.getByRole('row', { name: /EB-2026-0501/ });
      await again.getByRole('cell', { name: 'Resubmitted', exact: true }).waitFor();
      await again.getByRole('button', { name: /^Claim/ }).click();
      await officer.getByTestId('reviewer').filter({ hasText: 'You: only you decide it.' }).waitFor();
      await expect(officer.getByLabel('Consignee’s address').inputValue()).resolves.toBe(
        '12 HARBOUR STREET, 41104 GOTHENBURG',
      );
      await expect(officer.getByLabel('Approve', { exact: true }).isChecked()).resolves.toBe(true);
      await officer.getByRole('button', { name: 'Approve and number the certificate' }).click();
      await officer.getByText(/^Approved\. Certificate number /).waitFor();
      const number = await officer.getByTestId('certificate-number').innerText();
      expect(number).toMatch(/^C\d{2}2200\d+$/);

      // The office head's statistics count the approval and the return's reasons.
      await officer.getByRole('navigation').getByRole('link', { name: 'Statistics' }).click();
      await officer
        .getByTestId('statistics-issued')
        .filter({ hasText: /^[1-9]\d*$/ })
        .waitFor();
      const reasonsTable = officer.getByRole('table', { name: 'Most common return reasons' });
      await reasonsTable
        .getByRole('rowheader', { name: "The consignee's name, address or country is incomplete." })
        .waitFor();
      await reasonsTable
        .getByRole('rowheader', { name: 'The description of goods is not specific enough to classify them.' })
        .waitFor();

      // The enterprise finds the number in Certificate Query and opens the certificate with its history.
      await clerk.getByRole('navigation').getByRole('link', { name: 'Certificate Query' }).click();
      await clerk.getByLabel('Certificate number').fill(number);
      await clerk.getByRole('button', { name: 'Search', exact: true }).click();
      const result = clerk.getByRole('row', { name: new RegExp(number) });
      await result.getByRole('cell', { name: 'Approved', exact: true }).waitFor();
      await expect(
        clerk.getByRole('link', { name: 'Export these results as CSV' }).getAttribute('href'),
      ).resolves.toBe(`/api/certificates/export.csv?certificateNumber=${number}`);
      await result.getByRole('link', { name: new RegExp(`^${number}`) }).click();
      await clerk.getByTestId('certificate-number').filter({ hasText: number }).waitFor();
      await clerk.getByTestId('application-status').filter({ hasText: 'Approved' }).waitFor();
      const history = clerk.getByRole('region', { name: 'History' });
      await history.getByText(`certificate ${number}`).waitFor();
      await expect(history.locator('li > strong').allInnerTexts()).resolves.toEqual([
        'Created',
        'Document attached',
        'Submitted to customs',
        'Taken for review',
        'Returned for correction',
        'Submitted again',
        'Taken for review',
        'Approved',
      ]);

      // Every step reached the enterprise's inbox as a receipt.
      await clerk.getByRole('navigation').getByRole('link', { name: 'Receipts' }).click();
      await clerk.getByRole('link', { name: `Certificate ${number} was approved.` }).waitFor();
      await clerk.getByRole('link', { name: 'Your C application was returned for correction.' }).waitFor();
      const unreadBefore = await clerk.getByTestId('receipts-unread').innerText();
      await clerk.getByRole('button', { name: `Mark as read: Certificate ${number} was approved.` }).click();
      await clerk.getByRole('button', { name: `Mark as read: Certificate ${number} was approved.` }).waitFor({
        state: 'detached',
      });
      const unreadAfter = await clerk.getByTestId('receipts-unread').innerText();
      expect(Number(unreadAfter.replace(/\D/g, ''))).toBe(Number(unreadBefore.replace(/\D/g, '')) - 1);
      // The receipt leads back to the certificate.
      await clerk.getByRole('link', { name: `Certificate ${number} was approved.` }).click();
      await clerk.getByTestId('certificate-number').filter({ hasText: number }).waitFor();
      const decisions = clerk.getByRole('region', { name: 'Decisions of customs' });
      await decisions.getByText('Boxes at fault: Box 2, Box 7').waitFor();
      // The certificate is in force: the enterprise may ask for an amendment or a certified true copy.
      await clerk.getByRole('button', { name: 'Request amendment' }).waitFor();
      await clerk.getByRole('button', { name: 'Request reissue (certified true copy)' }).waitFor();
    } finally {
      await enterprise.close();
      await customs.close();
    }
  }, 120_000);

  it('an officer acting on what is no longer there gets the reason and a reload, also at phone width; a return needs boxes and a note', async () => {
    const enterprise = await browser.newContext({ locale: 'en-US' });
    const customs = await browser.newContext({ locale: 'en-US' });
    const clerk = await enterprise.newPage();
    const desk = await customs.newPage();
    const phone = await customs.newPage();
    try {
      await logIn(clerk, server.url, 'ent.clerk');
      const { id } = await submitApplication(clerk, server.url, 'C', 'EB-2026-0502');

      await logIn(desk, server.url, 'officer.wang');
      await phone.setViewportSize({ width: 390, height: 844 });
      for (const page of [desk, phone]) {
        await page.goto(`${server.url}/#/review/${id}`);
        await page.getByTestId('reviewer').filter({ hasText: 'Nobody yet' }).waitFor();
      }
      await expect(fitsWidth(phone)).resolves.toBe(true);

      // Claimed on the desk; the phone still shows it unclaimed and tries too.
      await desk.getByRole('button', { name: 'Claim', exact: true }).click();
      await desk.getByText('Claimed: you decide this application.').waitFor();
      await phone.getByRole('button', { name: 'Claim', exact: true }).click();
      const conflict = phone.getByRole('alert').filter({ hasText: 'no longer as you saw it' });
      await conflict.getByText('under review cannot be claimed').waitFor();
      await conflict.getByRole('button', { name: 'Reload the application' }).click();
      await phone.getByTestId('reviewer').filter({ hasText: 'You: only you decide it.' }).waitFor();

      // A return without boxes or reasons is stopped before it is sent.
      await phone.getByLabel('Return for correction', { exact: true }).check();
      await phone.getByRole('button', { name: 'Return to the applicant' }).click();
      await phone.getByText('Mark at least one box for the applicant to correct.').waitFor();
      await phone.getByText('Write in the note what the applicant must change.').waitFor();
      await expect(fitsWidth(phone)).resolves.toBe(true);

      // Rejected from the phone with "Other" and a note; the desk, which read an older version, cannot approve.
      await phone.getByLabel('Reject', { exact: true }).check();
      await phone
        .getByRole('group', { name: 'Reasons' })
        .getByLabel("Other: see the officer's note.")
        .check();
      await phone.getByLabel('Note to the applicant').fill('The goods were shipped under another contract.');
      await phone.getByRole('button', { name: 'Reject the application' }).click();
      await phone.getByText('The application is rejected.').waitFor();

      await desk.getByRole('button', { name: 'Approve and number the certificate' }).click();
      await desk.getByRole('alert').filter({ hasText: 'no longer as you saw it' }).waitFor();
      await desk.getByRole('button', { name: 'Reload the application' }).click();
      await desk.getByTestId('application-status').filter({ hasText: 'Rejected' }).waitFor();
      await expect(
        desk.getByRole('button', { name: 'Approve and number the certificate' }).count(),
      ).resolves.toBe(0);

      // The enterprise reads the refusal with its reason and note.
      await clerk.goto(`${server.url}/#/applications/${id}`);
      const refusal = clerk.getByRole('region', { name: 'Refused by customs' });
      await refusal.getByText("Other: see the officer's note.").waitFor();
      await refusal.getByText('The goods were shipped under another contract.').waitFor();

      // Before customs takes it, the enterprise may withdraw an application, after confirming.
      const second = await submitApplication(clerk, server.url, 'C', 'EB-2026-0504');
      await clerk.goto(`${server.url}/#/applications/${second.id}`);
      await clerk.getByTestId('application-status').filter({ hasText: 'Submitted' }).waitFor();
      clerk.once('dialog', (dialog) => void dialog.accept());
      await clerk.getByRole('button', { name: 'Withdraw the application' }).click();
      await clerk.getByTestId('application-status').filter({ hasText: 'Withdrawn' }).waitFor();
      await clerk.getByText(/^You withdrew this application on/).waitFor();
    } finally {
      await enterprise.close();
      await customs.close();
    }
  }, 120_000);

  it('the customs administrator switches automatic approval on for RCEP at Shanghai; a clean RCEP application is approved at once, the enterprise asks to amend it, and an officer cancels it', async () => {
    const administration = await browser.newContext({ locale: 'en-US' });
    const enterprise = await browser.newContext({ locale: 'en-US' });
    const customs = await browser.newContext({ locale: 'en-US' });
    const admin = await administration.newPage();
    const clerk = await enterprise.newPage();
    const officer = await customs.newPage();
    try {
      await logIn(admin, server.url, 'admin');
      await admin.getByRole('navigation').getByRole('link', { name: 'Automatic approval' }).click();
      await admin.getByLabel('Issuing office').selectOption({ label: 'Shanghai Customs (2200)' });
      const rcep = admin.getByRole('switch', { name: 'Approve RC automatically' });
      await expect(rcep.isChecked()).resolves.toBe(false);
      await rcep.check();
      await admin.getByText('Shanghai Customs now approves RC automatically.').waitFor();

      await logIn(clerk, server.url, 'ent.clerk');
      const submitted = await submitApplication(clerk, server.url, 'RC', 'EB-2026-0503');
      expect(submitted).toMatchObject({ status: 'approved', automatic: true });

      await clerk.goto(`${server.url}/#/applications/${submitted.id}`);
      await clerk.getByTestId('application-status').filter({ hasText: 'Approved' }).waitFor();
      await clerk.getByText('Approved automatically: every automated check passed.').waitFor();
      await clerk
        .getByTestId('certificate-number')
        .filter({ hasText: submitted.certificateNumber! })
        .waitFor();

      // The export of Certificate Query carries the same certificate.
      await clerk.getByRole('navigation').getByRole('link', { name: 'Certificate Query' }).click();
      await clerk.getByLabel('Invoice number').fill('EB-2026-0503');
      await clerk.getByRole('button', { name: 'Search', exact: true }).click();
      await clerk.getByRole('row', { name: /EB-2026-0503/ }).waitFor();
      const href = await clerk
        .getByRole('link', { name: 'Export these results as CSV' })
        .getAttribute('href');
      const csv = await (await clerk.request.get(`${server.url}${href}`)).text();
      expect(csv.split('\r\n')[1]).toMatch(new RegExp(`^${submitted.certificateNumber},approved,RC,`));

      // An amendment starts a new draft replacing the certificate, opened at once.
      await clerk.getByRole('link', { name: new RegExp(`^${submitted.certificateNumber}`) }).click();
      await clerk.getByLabel('What must be corrected, and why').fill('The consignee moved: new address.');
      await clerk.getByRole('button', { name: 'Request amendment' }).click();
      await clerk.getByTestId('application-status').filter({ hasText: 'Draft' }).waitFor();
      await clerk.getByText('This application amends an issued certificate').waitFor();
      expect(clerk.url()).not.toContain(submitted.id);

      await rcep.uncheck();
      await admin.getByText('Shanghai Customs no longer approves RC automatically.').waitFor();

      // Any officer of the office may cancel an issued certificate, with a category and the reason.
      await logIn(officer, server.url, 'officer.wang');
      await officer.goto(`${server.url}/#/review/${submitted.id}`);
      await officer.getByText('Approved automatically: every automated check passed.').waitFor();
      await officer.getByLabel('Category').selectOption({ label: 'False declaration' });
      await officer
        .getByLabel('Reason (recorded and shown to the enterprise)')
        .fill('The goods were made in a third country.');
      officer.once('dialog', (dialog) => void dialog.accept());
      await officer.getByRole('button', { name: 'Cancel the certificate' }).click();
      await officer.getByText('The certificate is cancelled.').waitFor();
      await officer.getByTestId('application-status').filter({ hasText: 'Cancelled (void)' }).waitFor();
      await officer
        .getByText(
          'Customs cancelled this certificate: False declaration — The goods were made in a third country.',
        )
        .waitFor();
    } finally {
      await administration.close();
      await enterprise.close();
      await customs.close();
    }
  }, 120_000);

  it('the officer asks for a cost sheet; the enterprise attaches it and answers; the officer reads the answer', async () => {
    const enterprise = await browser.newContext({ locale: 'en-US' });
    const customs = await browser.newContext({ locale: 'en-US' });
    const clerk = await enterprise.newPage();
    const officer = await customs.newPage();
    try {
      await logIn(clerk, server.url, 'ent.clerk');
      const { id } = await submitApplication(clerk, server.url, 'C', 'EB-2026-0777');
      await logIn(officer, server.url, 'officer.wang');
      await officer.goto(`${server.url}/#/review/${id}`);
      // The application is assigned from the review page (here to the officer himself, the office's only one).
      await officer.getByLabel('Assign to').selectOption({ label: 'Wang Lei (王磊)' });
      await officer.getByRole('button', { name: 'Assign', exact: true }).click();
      await officer.getByTestId('reviewer').filter({ hasText: 'You: only you decide it.' }).waitFor();
      const ask = officer.getByRole('form', { name: 'Ask the enterprise for more material' });
      await ask
        .getByLabel('What the enterprise must explain or send')
        .fill('SEND THE COST SHEET OF THE T-SHIRTS.');
      await ask.getByLabel('Cost sheet').check();
      await ask.getByRole('button', { name: 'Send' }).click();
      await officer.getByText('The request was sent to the enterprise.').waitFor();

      await clerk.goto(`${server.url}/#/applications/${id}`);
      const request = clerk.getByRole('article', { name: /^Request, answer by/ });
      await request.getByText('SEND THE COST SHEET OF THE T-SHIRTS.').waitFor();
      await request.getByLabel('Document', { exact: true }).selectOption({ label: 'Cost sheet' });
      await request.getByLabel('File').setInputFiles(invoicePdf);
      await request.getByRole('button', { name: 'Attach' }).click();
      await request.getByRole('link', { name: 'invoice-eb-2026-0501.pdf' }).waitFor();
      await request.getByLabel('Answer').fill('The cost sheet is attached.');
      await request.getByRole('button', { name: 'Send' }).click();
      await clerk.getByText('Your answer was sent to customs.').waitFor();

      await officer.reload();
      const answered = officer.getByRole('article', { name: /^Request, answer by/ });
      await answered.getByText('Answered').waitFor();
      await answered.getByText('THE COST SHEET IS ATTACHED.').waitFor();
      await answered.getByRole('link', { name: 'invoice-eb-2026-0501.pdf' }).waitFor();
    } finally {
      await enterprise.close();
      await customs.close();
    }
  }, 90_000);
});
