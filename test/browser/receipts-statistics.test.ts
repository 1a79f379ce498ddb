import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoWeek } from '../../src/domain/review-statistics.js';
import { goodApplication } from '../support/applications.js';
import type { RunningServer } from './support.js';
import { apiAs, launchChromium, logIn, startServer } from './support.js';

/** A calendar day in China, `days` from today: the server counts days and weeks in China time. */
const chinaDay = (days: number) =>
  new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

const PDF = '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';

interface Application {
  id: string;
  version: number;
  status: string;
  certificateNumber: string | null;
}

interface Statistics {
  from: string;
  until: string;
  issuedPerWeek: Array<{ week: string; typeCode: string; count: number }>;
  medianHoursToDecision: number | null;
  decisions: number;
  returnReasons: Array<{ code: string; count: number }>;
}

/**
 * Creates, as the clerk logged in on `page`, a complete and correct application of type C with its own
 * invoice number, attaches the invoice and submits it, all through the API (the form is tested in
 * applications.test.ts).
 */
async function submitApplication(page: Page, url: string, invoice: string): Promise<Application> {
  const clerk = await apiAs(page, url);
  const good = goodApplication('C');
  const created = await clerk.post<Application>('/api/applications', {
    enterpriseId: clerk.session.user.organisation.id,
    typeCode: 'C',
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

/** The officer logged in on `page` claims a submitted application and approves it, through the API. */
async function approve(page: Page, url: string, submitted: Application): Promise<Application> {
  const officer = await apiAs(page, url);
  const claimed = await officer.post<Application>(`/api/applications/${submitted.id}/claim`, {
    expectedVersion: submitted.version,
  });
  return officer.post<Application>(`/api/applications/${submitted.id}/approve`, {
    expectedVersion: claimed.version,
  });
}

/** The number of unread receipts of the user logged in on `page`, as the server counts them. */
async function unreadOf(page: Page, url: string): Promise<number> {
  const user = await apiAs(page, url);
  return (await user.get<{ unread: number }>('/api/inbox?unreadOnly=true&limit=1')).unread;
}

/** The page does not scroll sideways: at phone width, wide content scrolls inside its own box. */
const fitsWidth = (page: Page) =>
  page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth');

describe('receipts and statistics in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the clerk sees the unread count in the menu, reads the approval receipt with its certificate number in English and Chinese, and the count drops as receipts are read', async () => {
    const enterprise = await browser.newContext({ locale: 'en-US' });
    const customs = await browser.newContext({ locale: 'en-US' });
    const clerk = await enterprise.newPage();
    const officer = await customs.newPage();
    try {
      await logIn(clerk, server.url, 'ent.clerk');
      await logIn(officer, server.url, 'officer.wang');
      const menu = clerk.getByRole('navigation');
      // Nothing yet: the menu entry carries no count.
      await menu.getByRole('link', { name: 'Receipts', exact: true }).waitFor();

      const submitted = await submitApplication(clerk, server.url, 'EB-2026-0701');
      const approved = await approve(officer, server.url, submitted);
      const number = approved.certificateNumber;
      expect(number).toMatch(/^C\d{2}2200\d+$/);
      // Three receipts: received by customs, taken for review, approved.
      const unread = await unreadOf(clerk, server.url);
      expect(unread).toBe(3);

      // The count is asked again on the next change of page.
      await menu.getByRole('link', { name: 'Certificate Query' }).click();
      const badge = menu.getByRole('link', { name: `Receipts (${unread})`, exact: true });
      await badge.waitFor();
      await badge.click();
      await clerk.getByRole('heading', { name: 'Receipts', level: 1 }).waitFor();
      await clerk
        .getByTestId('receipts-unread')
        .filter({ hasText: `Unread: ${unread}` })
        .waitFor();

      // Newest first, each marked new.
      const rows = clerk.getByRole('row').filter({ has: clerk.getByRole('link') });
      await rows
        .first()
        .getByRole('link', { name: `Certificate ${number} was approved.` })
        .waitFor();
      await rows
        .nth(1)
        .getByRole('link', { name: 'Your C application is being reviewed by an officer.' })
        .waitFor();
      await rows.nth(2).getByRole('link', { name: 'Your C application was received by customs.' }).waitFor();
      await expect(clerk.getByText('New', { exact: true }).count()).resolves.toBe(unread);
      const approval = clerk.getByRole('row', { name: new RegExp(`Certificate ${number} was approved`) });
      await approval.getByRole('cell', { name: 'Approved', exact: true }).waitFor();
      await approval.getByRole('cell', { name: number!, exact: true }).waitFor();
      await approval.getByText('New', { exact: true }).waitFor();
      await expect(
        approval.getByRole('link', { name: `Certificate ${number} was approved.` }).getAttribute('href'),
      ).resolves.toBe(`#/applications/${approved.id}`);
      const submission = clerk.getByRole('row', { name: /Your C application was received by customs/ });
      await submission.getByRole('cell', { name: 'Submitted', exact: true }).waitFor();
      await submission.getByRole('cell', { name: '—', exact: true }).waitFor();

      // In Chinese: the receipts, their status and the menu's count in the other language.
      await clerk.getByRole('button', { name: /Switch language/ }).click();
      await clerk.getByRole('heading', { name: '回执', level: 1 }).waitFor();
      const approvalZh = clerk.getByRole('row', { name: new RegExp(`证书${number}已审核通过`) });
      await approvalZh.getByRole('cell', { name: '审核通过', exact: true }).waitFor();
      await approvalZh.getByRole('cell', { name: number!, exact: true }).waitFor();
      await approvalZh.getByText('新', { exact: true }).waitFor();
      await menu.getByRole('link', { name: `回执（${unread}）`, exact: true }).waitFor();

      // Marked read: no longer new, and the count drops in the page and in the menu.
      await approvalZh.getByRole('button', { name: `标为已读：证书${number}已审核通过。` }).click();
      await approvalZh.getByRole('button').waitFor({ state: 'detached' });
      await clerk
        .getByTestId('receipts-unread')
        .filter({ hasText: `未读：${unread - 1}` })
        .waitFor();
      await menu.getByRole('link', { name: `回执（${unread - 1}）`, exact: true }).waitFor();
      await expect(approvalZh.getByText('新', { exact: true }).count()).resolves.toBe(0);
      await expect(unreadOf(clerk, server.url)).resolves.toBe(unread - 1);

      // Only unread ones: the approval leaves the list; opening a receipt's application reads the receipt.
      await clerk.getByLabel('仅显示未读回执').check();
      await approvalZh.waitFor({ state: 'detached' });
      await clerk.getByRole('link', { name: '您的C申请已提交海关。' }).click();
      await clerk.getByTestId('certificate-number').filter({ hasText: number! }).waitFor();
      const left = menu.getByRole('link', { name: `回执（${unread - 2}）`, exact: true });
      await left.waitFor();
      await expect(unreadOf(clerk, server.url)).resolves.toBe(unread - 2);
      await left.click();
      await clerk
        .getByTestId('receipts-unread')
        .filter({ hasText: `未读：${unread - 2}` })
        .waitFor();
      await expect(clerk.getByText('新', { exact: true }).count()).resolves.toBe(unread - 2);
    } finally {
      await enterprise.close();
      await customs.close();
    }
  }, 120_000);

  it('the officer sees an approval counted in its week, in the chart and the table, and a return’s reasons, for an office and a period, in both languages and at phone width', async () => {
    const enterprise = await browser.newContext({ locale: 'en-US' });
    const customs = await browser.newContext({ locale: 'en-US' });
    const clerk = await enterprise.newPage();
    const officer = await customs.newPage();
    try {
      await logIn(clerk, server.url, 'ent.clerk');
      await logIn(officer, server.url, 'officer.wang');
      const officerApi = await apiAs(officer, server.url);
      const week = isoWeek(new Date().toISOString());
      const thisWeek = (statistics: Statistics) =>
        statistics.issuedPerWeek.filter((row) => row.week === week).reduce((sum, row) => sum + row.count, 0);
      const before = thisWeek(
        await officerApi.get<Statistics>(`/api/review/statistics?from=${chinaDay(-7)}&until=${chinaDay(0)}`),
      );

      // One approved, one returned with two reasons.
      await approve(officer, server.url, await submitApplication(clerk, server.url, 'EB-2026-0711'));
      const toReturn = await submitApplication(clerk, server.url, 'EB-2026-0712');
      const claimed = await officerApi.post<Application>(`/api/applications/${toReturn.id}/claim`, {
        expectedVersion: toReturn.version,
      });
      await officerApi.post<Application>(`/api/applications/${toReturn.id}/return`, {
        expectedVersion: claimed.version,
        boxes: ['2', '7'],
        reasons: ['consignee_incomplete', 'marks_wrong'],
        note: 'Complete the consignee’s address and the marks.',
      });
      const issued = before + 1;

      await officer.getByRole('navigation').getByRole('link', { name: 'Statistics' }).click();
      await officer.getByRole('heading', { name: 'Statistics', level: 1 }).waitFor();

      // The default period: the last twelve ISO weeks, this one up to today.
      const from = await officer.getByLabel('From').inputValue();
      const until = await officer.getByLabel('Until').inputValue();
      expect(until).toBe(chinaDay(0));
      expect(new Date(`${from}T00:00:00Z`).getUTCDay()).toBe(1);
      const weeks = (Date.parse(`${until}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 / 7;
      expect(Math.floor(weeks)).toBe(11);

      // This week's bar and its row in the table count the approval.
      const chart = officer.getByRole('img', { name: /^Bar chart of the certificates issued per week/ });
      await chart
        .locator(`g[data-week="${week}"] text.total`)
        .filter({ hasText: new RegExp(`^${issued}$`) })
        .waitFor();
      const table = officer.getByRole('table', { name: 'Certificates issued per week' });
      await expect(table.getByRole('row').count()).resolves.toBe(1 + 12 + 1); // header, 12 weeks, total
      const row = table.getByRole('row', { name: new RegExp(`^${week}`) });
      await expect(row.getByRole('cell').allInnerTexts()).resolves.toEqual([String(issued), String(issued)]);
      await expect(table.getByRole('columnheader').allInnerTexts()).resolves.toEqual(['Week', 'C', 'Total']);

      // The figures are the server's, for the period shown.
      const shown = await officerApi.get<Statistics>(`/api/review/statistics?from=${from}&until=${until}`);
      expect(shown.decisions).toBeGreaterThanOrEqual(2);
      await officer
        .getByTestId('statistics-decisions')
        .filter({ hasText: String(shown.decisions) })
        .waitFor();
      await officer
        .getByTestId('statistics-median')
        .filter({ hasText: / hours$/ })
        .waitFor();

      // The return's reasons, as a chart and a table, in the catalogue's words.
      const reasons = officer.getByRole('table', { name: 'Most common return reasons' });
      for (const text of [
        "The consignee's name, address or country is incomplete.",
        'The marks and numbers do not match the packing list.',
      ]) {
        const reason = reasons.getByRole('row', { name: text });
        await reason.getByRole('cell', { name: '1', exact: true }).waitFor();
      }
      await officer.getByRole('img', { name: /^Bar chart of the return reasons/ }).waitFor();

      // Another office of the officer's, without any of it; then back to every office.
      await officer.getByLabel('Office', { exact: true }).selectOption({ label: 'Ningbo Customs (3100)' });
      await officer.getByRole('button', { name: 'Show', exact: true }).click();
      await officer.getByText('No certificate was issued in this period.').waitFor();
      await officer.getByText('No application was returned in this period.').waitFor();
      await officer.getByLabel('Office', { exact: true }).selectOption({ label: 'Shanghai Customs (2200)' });
      await officer.getByRole('button', { name: 'Show', exact: true }).click();
      await row
        .getByRole('cell')
        .first()
        .filter({ hasText: String(issued) })
        .waitFor();

      // A period ending before it starts is not asked for.
      await officer.getByLabel('Until').fill(chinaDay(-100));
      await officer.getByText('Choose an end on or after the start.').waitFor();
      await officer.getByLabel('Until').fill(until);
      await expect(officer.getByText('Choose an end on or after the start.').count()).resolves.toBe(0);

      // In Chinese, and at phone width: nothing scrolls the page sideways.
      await officer.getByRole('button', { name: /Switch language/ }).click();
      await officer.getByRole('heading', { name: '统计', level: 1 }).waitFor();
      const reasonsZh = officer.getByRole('table', { name: '最常见的退回原因' });
      await reasonsZh.getByRole('rowheader', { name: '收货人名称、地址或国家不完整。' }).waitFor();
      await officer.getByRole('img', { name: /^退回原因的条形图/ }).waitFor();
      await officer
        .getByRole('table', { name: '每周签发证书数' })
        .getByRole('row', { name: new RegExp(`^${week}`) })
        .waitFor();
      await officer.setViewportSize({ width: 390, height: 844 });
      await officer.getByRole('img', { name: /每周签发证书数的柱状图/ }).waitFor();
      await expect(fitsWidth(officer)).resolves.toBe(true);
    } finally {
      await enterprise.close();
      await customs.close();
    }
  }, 120_000);
});
