import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goodApplication } from '../support/applications.js';
import { solveCaptcha } from '../support/captcha.js';
import type { RunningServer } from './support.js';
import { apiAs, launchChromium, logIn, startServer } from './support.js';

const CAPTCHA_SECRET = 'browser-test-captcha-secret-32-characters-long';
const PDF = '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';

/** A calendar day in China, `days` from today: the server checks dates against China's today. */
const chinaDay = (days: number) =>
  new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

interface Application {
  id: string;
  version: number;
  status: string;
  certificateNumber: string | null;
  automatic: boolean | null;
}

/**
 * As the applicant logged in on `page` (the clerk, or agent staff for `enterpriseId`): a complete, correct
 * application with its invoice, submitted.
 */
async function submitApplication(
  page: Page,
  url: string,
  typeCode: string,
  invoice: string,
  enterpriseId?: string,
) {
  const clerk = await apiAs(page, url);
  const good = goodApplication(typeCode);
  const created = await clerk.post<Application>('/api/applications', {
    enterpriseId: enterpriseId ?? clerk.session.user.organisation.id,
    typeCode,
    data: {
      ...good,
      exporter: { ...good.exporter, name: 'SHANGHAI EVERBRIGHT TEXTILES CO., LTD.' },
      transport: { ...good.transport, departureDate: chinaDay(2) },
      invoices: [{ number: invoice, date: chinaDay(-3) }],
      declaration: { place: 'SHANGHAI', date: chinaDay(0) },
    },
  });
  const upload = await page.request.post(`${url}/api/applications/${created.id}/documents`, {
    headers: { 'x-csrf-token': clerk.session.csrfToken },
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

describe('verification case in Chromium (issue 8): foreign request, evidence, not confirmed', () => {
  let server: RunningServer;
  let browser: Browser;
  /** The demo's archived RCEP certificate (invoice EB-DEMO-0004). */
  let archived: { id: string; certificateNumber: string };

  beforeAll(async () => {
    server = await startServer({
      demoApplications: true,
      environment: { ORIGO_CAPTCHA_SECRET: CAPTCHA_SECRET },
    });
    browser = await launchChromium();
    const page = await browser.newPage();
    await logIn(page, server.url, 'ent.clerk');
    const clerk = await apiAs(page, server.url);
    const { items } = await clerk.get<{ items: Array<{ id: string }> }>('/api/applications?status=archived');
    const signed = await clerk.get<{ certificateNumber: string }>(
      `/api/applications/${items[0]!.id}/signed-payload`,
    );
    archived = { id: items[0]!.id, certificateNumber: signed.certificateNumber };
    await page.close();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** The public /verify page, by number and invoice number, with its captcha answered: the verdict. */
  async function verifyPublicly(certificateNumber: string, invoice: string): Promise<string | null> {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    try {
      const token = page
        .waitForResponse((response) => response.url().endsWith('/api/public/captcha'))
        .then(async (response) => ((await response.json()) as { token: string }).token);
      // Not left unhandled when the page fails before the captcha arrives.
      token.catch(() => undefined);
      await page.goto(`${server.url}/verify`);
      await page.getByLabel('Certificate number').fill(certificateNumber);
      await page.getByLabel('Invoice number').fill(invoice);
      await page
        .getByLabel('Result of the sum in the picture')
        .fill(solveCaptcha(await token, CAPTCHA_SECRET));
      await page.getByRole('button', { name: 'Verify', exact: true }).click();
      const result = page.locator('section.result');
      await result.waitFor();
      return await result.getAttribute('data-verdict');
    } finally {
      await context.close();
    }
  }

  it('the officer opens a case from a foreign request, asks for the cost sheet, the enterprise uploads it; "not confirmed" cancels the certificate and its next application is not approved automatically', async () => {
    const administration = await browser.newContext({ locale: 'en-US' });
    const enterprise = await browser.newContext({ locale: 'en-US' });
    const customs = await browser.newContext({ locale: 'en-US' });
    const admin = await administration.newPage();
    const clerk = await enterprise.newPage();
    const officer = await customs.newPage();
    try {
      // Before: the archived certificate is valid for anyone who checks it.
      expect(await verifyPublicly(archived.certificateNumber, 'EB-DEMO-0004')).toBe('VALID');

      // The administrator lets Shanghai approve RCEP certificates automatically.
      await logIn(admin, server.url, 'admin');
      await admin.getByRole('navigation').getByRole('link', { name: 'Automatic approval' }).click();
      await admin.getByLabel('Issuing office').selectOption({ label: 'Shanghai Customs (2200)' });
      await admin.getByRole('switch', { name: 'Approve RC automatically' }).check();
      await admin.getByText('Shanghai Customs now approves RC automatically.').waitFor();

      // Officer Wang opens a case on Korea Customs' request about the certificate.
      await logIn(officer, server.url, 'officer.wang');
      await officer.getByRole('navigation').getByRole('link', { name: 'Verification cases' }).click();
      await officer.getByRole('heading', { name: 'Verification cases', level: 1 }).waitFor();
      await officer.getByRole('button', { name: 'Open a case' }).click();
      await expect(officer.getByLabel('Foreign request').isChecked()).resolves.toBe(true);
      await officer.getByLabel('Certificate number 1').fill(archived.certificateNumber);
      await officer.getByLabel('Requesting country').selectOption('KR');
      await officer.getByLabel('Requesting authority').fill('Korea Customs Service');
      await officer.getByLabel('Their reference').fill('KCS-ORV-2026-0117');
      await officer
        .getByLabel('What the foreign authority asks')
        .fill('Please verify the regional value content of the goods (RCEP Article 3.24).');
      await officer.getByRole('button', { name: 'Open the case' }).click();
      await officer.getByRole('heading', { name: 'Verification case: Foreign request' }).waitFor();
      await expect(officer.getByTestId('case-reply-due').textContent()).resolves.toBe(chinaDay(90));
      await officer.getByRole('link', { name: archived.certificateNumber }).waitFor();
      const caseUrl = officer.url();

      // It asks the enterprise for its cost sheet.
      const evidence = officer.getByRole('region', { name: 'Requests for more material' });
      await evidence
        .getByLabel('What the enterprise must explain or send')
        .fill('Send the cost sheet of the goods with the origin of each material.');
      await evidence.getByLabel('Cost sheet').check();
      await evidence.getByLabel('Answer by').fill(chinaDay(10));
      await evidence.getByRole('button', { name: 'Send' }).click();
      await officer.getByText('The request was sent to the enterprise.').waitFor();

      // The enterprise finds the case with its open request, and asks for more time first.
      await logIn(clerk, server.url, 'ent.clerk');
      await clerk.getByRole('navigation').getByRole('link', { name: 'Verification', exact: true }).click();
      const row = clerk.getByRole('row', { name: new RegExp(archived.certificateNumber) });
      await row.getByText(`answer by ${chinaDay(10)}`).waitFor();
      await row.getByRole('link', { name: 'Foreign request' }).click();
      await clerk.getByRole('heading', { name: 'Verification case: Foreign request' }).waitFor();
      await clerk.getByLabel('How many more days').fill('5');
      await clerk.getByLabel('Why you need more time').fill('Our accountant returns on Monday.');
      await clerk.getByRole('button', { name: 'Ask for more time' }).click();
      await clerk.getByText('Your request for more time was sent to customs.').waitFor();

      // The officer sees the request for more time and moves the deadline as asked.
      await officer.reload();
      await officer.getByTestId('extension-request').getByText('Our accountant returns on Monday.').waitFor();
      await expect(officer.getByLabel('New deadline').inputValue()).resolves.toBe(chinaDay(15));
      await officer.getByRole('button', { name: 'Move the deadline' }).click();
      await officer.getByText(`The deadline is now ${chinaDay(15)}.`).waitFor();

      // The enterprise uploads the cost sheet and answers.
      await clerk.reload();
      await clerk.getByText(`answer by ${chinaDay(15)}`).waitFor();
      await clerk.getByLabel('Document', { exact: true }).selectOption({ label: 'Cost sheet' });
      await clerk.getByLabel('File').setInputFiles({
        name: 'cost-sheet-eb-demo-0004.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from(PDF),
      });
      await clerk.getByRole('button', { name: 'Attach' }).click();
      await clerk.getByRole('link', { name: 'cost-sheet-eb-demo-0004.pdf' }).waitFor();
      await clerk.getByLabel('Answer', { exact: true }).fill('The cost sheet is attached.');
      await clerk.getByRole('button', { name: 'Send' }).click();
      await clerk.getByText('Your answer was sent to customs.').waitFor();

      // The officer reads the answer and concludes "not confirmed", warned that the certificate goes.
      expect(officer.url()).toBe(caseUrl);
      await officer.reload();
      await officer.getByRole('link', { name: 'cost-sheet-eb-demo-0004.pdf' }).waitFor();
      await officer.getByText('THE COST SHEET IS ATTACHED.').waitFor();
      await officer.getByLabel('Origin not confirmed').check();
      await officer
        .getByText(`Concluding “not confirmed” cancels the certificates ${archived.certificateNumber}`)
        .waitFor();
      await expect(
        officer.getByLabel('Days of stricter review for the enterprise').inputValue(),
      ).resolves.toBe('180');
      await officer
        .getByLabel('Findings')
        .fill('The cost sheet shows non-originating yarn above the RVC 40 threshold.');
      await officer.getByRole('button', { name: 'Conclude', exact: true }).click();
      await officer.getByText('The case is concluded.').waitFor();
      await expect(officer.getByTestId('case-outcome').textContent()).resolves.toBe('Origin not confirmed');
      const letter = officer.getByRole('link', { name: 'Reply letter to the foreign authority (PDF)' });
      const response = await officer.request.get(`${server.url}${await letter.getAttribute('href')}`);
      expect(response.headers()['content-type']).toBe('application/pdf');

      // Public verification now says the certificate is no longer valid.
      expect(await verifyPublicly(archived.certificateNumber, 'EB-DEMO-0004')).toBe('CANCELLED');

      // The enterprise's next clean RCEP application waits for an officer, flagged for stricter review.
      const next = await submitApplication(clerk, server.url, 'RC', 'EB-2026-0901');
      expect(next).toMatchObject({ status: 'submitted' });
      await clerk.goto(`${server.url}/#/applications/${next.id}`);
      await clerk.getByTestId('application-status').filter({ hasText: 'Submitted' }).waitFor();
      await officer.goto(`${server.url}/#/review/${next.id}`);
      await officer
        .getByRole('region', { name: 'Automated checks' })
        .getByRole('listitem')
        .filter({ hasText: 'Stricter review' })
        .getByText('Failed', { exact: true })
        .waitFor();

      // The supervision dashboard counts the outcome for RCEP, as a chart and as a table.
      await officer.getByRole('navigation').getByRole('link', { name: 'Supervision' }).click();
      const byType = officer.getByRole('table', { name: 'Outcomes by certificate type' });
      await expect
        .poll(() => byType.getByRole('row').filter({ hasText: /^RC/ }).getByRole('cell').allInnerTexts())
        .toEqual(['0', '1', '0']);
      await officer
        .getByRole('img', { name: /Concluded cases by outcome for 1 certificate types/ })
        .waitFor();

      // The administrator samples 5 % of RCEP certificates from now on.
      await admin.getByRole('navigation').getByRole('link', { name: 'Verification sampling' }).click();
      await admin.getByLabel('Rate for RC (percent)').fill('5');
      await admin
        .getByRole('row')
        .filter({ has: admin.getByLabel('Rate for RC (percent)') })
        .getByRole('button', { name: 'Save' })
        .click();
      await admin.getByText('RC: 5 % of certificates will be sampled.').waitFor();
    } finally {
      await administration.close();
      await enterprise.close();
      await customs.close();
    }
  }, 180_000);

  it('a sampled case: the officer takes it over in the portal and asks; the agent that applied sees the request, uploads and answers', async () => {
    const enterprise = await browser.newContext({ locale: 'en-US' });
    const agency = await browser.newContext({ locale: 'en-US' });
    const customs = await browser.newContext({ locale: 'en-US' });
    const owner = await enterprise.newPage();
    const agent = await agency.newPage();
    const officer = await customs.newPage();
    try {
      // The enterprise authorises its agency for type C; every C certificate is sampled from now on.
      await logIn(owner, server.url, 'ent.admin');
      const everbright = await apiAs(owner, server.url);
      await logIn(agent, server.url, 'agent.li');
      const orient = await apiAs(agent, server.url);
      await everbright.post(`/api/enterprises/${everbright.session.user.organisation.id}/agents`, {
        agencyId: orient.session.user.organisation.id,
        certificateTypes: ['C'],
        validFrom: chinaDay(0),
        validUntil: chinaDay(200),
      });
      const admin = await browser.newPage();
      await logIn(admin, server.url, 'admin');
      await (await apiAs(admin, server.url)).put('/api/verification/sampling-rates/C', { rate: 100 });
      await admin.close();

      // The agent applies; officer Wang approves; sampling opens a case nobody owns.
      const sent = await submitApplication(
        agent,
        server.url,
        'C',
        'OR-2026-0311',
        everbright.session.user.organisation.id,
      );
      expect(sent.status).toBe('submitted');
      await logIn(officer, server.url, 'officer.wang');
      const wang = await apiAs(officer, server.url);
      const claimed = await wang.post<Application>(`/api/applications/${sent.id}/claim`, {
        expectedVersion: sent.version,
      });
      const approved = await wang.post<Application>(`/api/applications/${sent.id}/approve`, {
        expectedVersion: claimed.version,
      });
      const number = approved.certificateNumber!;

      // The officer finds it among the cases nobody owns and takes it over.
      await officer.getByRole('navigation').getByRole('link', { name: 'Verification cases' }).click();
      await officer.getByLabel('Owner', { exact: true }).selectOption({ label: 'Nobody yet (to take over)' });
      const row = officer.getByRole('row', { name: new RegExp(number) });
      await row.getByText('Nobody yet', { exact: true }).waitFor();
      await row.getByRole('button', { name: `Take over the case on ${number}` }).click();
      await officer.getByText('You own the case now.').waitFor();
      await officer.getByLabel('Owner', { exact: true }).selectOption({ label: 'Mine' });
      await officer
        .getByRole('row', { name: new RegExp(number) })
        .getByRole('link', { name: 'Random sampling' })
        .click();
      await expect(officer.getByTestId('case-owner').textContent()).resolves.toBe('Wang Lei (王磊) (you)');
      const evidence = officer.getByRole('region', { name: 'Requests for more material' });
      await evidence
        .getByLabel('What the enterprise must explain or send')
        .fill('Send the cost sheet of the knitted fabric.');
      await evidence.getByLabel('Cost sheet').check();
      await evidence.getByLabel('Answer by').fill(chinaDay(10));
      await evidence.getByRole('button', { name: 'Send' }).click();
      await officer.getByText('The request was sent to the enterprise.').waitFor();

      // The agent sees the case with its open request, opens it, uploads the cost sheet and answers.
      await agent.getByRole('navigation').getByRole('link', { name: 'Verification', exact: true }).click();
      const agentRow = agent.getByRole('row', { name: new RegExp(number) });
      await agentRow.getByText(`answer by ${chinaDay(10)}`).waitFor();
      await agentRow.getByText('SHANGHAI EVERBRIGHT TEXTILES CO., LTD.').waitFor();
      await agentRow.getByRole('link', { name: 'Random sampling' }).click();
      await agent.getByRole('heading', { name: 'Verification case: Random sampling' }).waitFor();
      await expect(agent.getByTestId('case-owner').textContent()).resolves.toBe('Wang Lei (王磊)');
      await agent.getByLabel('Document', { exact: true }).selectOption({ label: 'Cost sheet' });
      await agent.getByLabel('File').setInputFiles({
        name: 'cost-sheet-or-2026-0311.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from(PDF),
      });
      await agent.getByRole('button', { name: 'Attach' }).click();
      await agent.getByRole('link', { name: 'cost-sheet-or-2026-0311.pdf' }).waitFor();
      await agent.getByLabel('Answer', { exact: true }).fill('The cost sheet of the fabric is attached.');
      await agent.getByRole('button', { name: 'Send' }).click();
      await agent.getByText('Your answer was sent to customs.').waitFor();

      // The officer reads it.
      await officer.reload();
      await officer.getByRole('link', { name: 'cost-sheet-or-2026-0311.pdf' }).waitFor();
      // Nothing went overdue, so nothing was escalated to the officer.
      await officer.getByRole('navigation').getByRole('link', { name: 'Notifications' }).click();
      await officer.getByText('No notifications.').waitFor();
    } finally {
      await enterprise.close();
      await agency.close();
      await customs.close();
    }
  }, 120_000);
});
