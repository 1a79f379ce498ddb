import PDFDocument from 'pdfkit';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { solveCaptcha } from '../support/captcha.js';
import type { RunningServer } from './support.js';
import { apiAs, launchChromium, logIn, startServer } from './support.js';

const CAPTCHA_SECRET = 'browser-test-captcha-secret-32-characters-long';

/** A real PDF made by pdfkit, carrying a signed payload where the renderer stores it (ADR 0009). */
function pdfCarrying(jws: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    Object.assign(doc.info, { Title: 'Certificate of origin', OrigoSignedPayload: jws });
    doc.text('CERTIFICATE OF ORIGIN (browser test)');
    doc.end();
  });
}

describe('public verification page (real Chromium, serve --demo --demo-applications)', () => {
  let server: RunningServer;
  let browser: Browser;
  /** The demo's archived certificate (invoice EB-DEMO-0004) and its signed payload. */
  let archived: { certificateNumber: string; jws: string };

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
    const signed = await clerk.get<{ jws: string; certificateNumber: string }>(
      `/api/applications/${items[0]!.id}/signed-payload`,
    );
    archived = { certificateNumber: signed.certificateNumber, jws: signed.jws };
    await page.close();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** The page with a phone's screen, no session; `answer` solves the captcha the page loads. */
  async function openPhone(path: string): Promise<{ page: Page; answer: () => Promise<string> }> {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, locale: 'en-GB' });
    const page = await context.newPage();
    let token: Promise<string> = new Promise(() => undefined);
    const watch = () => {
      token = page
        .waitForResponse((response) => response.url().endsWith('/api/public/captcha'))
        .then(async (response) => ((await response.json()) as { token: string }).token);
      // The last watch is never awaited: when the page closes it rejects, which is no test failure.
      token.catch(() => undefined);
    };
    watch();
    await page.goto(`${server.url}${path}`);
    return {
      page,
      answer: async () => {
        const answer = solveCaptcha(await token, CAPTCHA_SECRET);
        watch();
        return answer;
      },
    };
  }

  it('by number from the QR link: the number is filled in, the invoice typed with full-width hyphens', async () => {
    const { page, answer } = await openPhone(`/verify?n=${archived.certificateNumber}`);
    await expect
      .poll(() => page.locator('output#verify-number').textContent())
      .toBe(archived.certificateNumber);
    await page.getByLabel('Invoice number').fill('EB－DEMO－0004');
    await page.getByLabel('Result of the sum in the picture').fill(await answer());
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    const result = page.locator('section.result');
    await expect.poll(() => result.getAttribute('data-verdict')).toBe('VALID');
    const text = (await result.textContent()) ?? '';
    expect(text).toContain('Result: Valid');
    expect(text).toContain('It is in force.');
    expect(text).toContain('SHANGHAI EVERBRIGHT');
    expect(text).not.toContain('EB-DEMO-0004');
    // Nothing wider than the phone's screen.
    expect(await page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth')).toBe(
      true,
    );

    // The same in Chinese, with the switch.
    await page.getByRole('button', { name: 'Switch language: 中文 / English' }).click();
    await expect.poll(() => result.locator('h2').textContent()).toBe('核查结果: 有效');
    expect(await result.textContent()).toContain('证书有效');
    await page.context().close();
  });

  it('by number typed with an O for a 0: offers the right number as a button', async () => {
    const { page, answer } = await openPhone('/verify');
    const number = archived.certificateNumber;
    const zero = number.lastIndexOf('0');
    await page.getByLabel('Certificate number').fill(`${number.slice(0, zero)}O${number.slice(zero + 1)}`);
    await page.getByLabel('Invoice number').fill('eb-demo-0004');
    await page.getByLabel('Result of the sum in the picture').fill(await answer());
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    const suggestion = page.getByRole('button', { name: `Did you mean ${number}?` });
    await suggestion.click();
    await page.getByLabel('Result of the sum in the picture').fill(await answer());
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await expect.poll(() => page.locator('section.result').getAttribute('data-verdict')).toBe('VALID');
    await page.context().close();
  });

  it('with the keyboard alone, in Chinese: a wrong sum is explained, a wrong invoice number answers Not found', async () => {
    const { page, answer } = await openPhone('/verify');
    await page.getByRole('button', { name: 'Switch language: 中文 / English' }).click();
    await expect.poll(() => page.evaluate<string>('document.documentElement.lang')).toBe('zh-CN');
    await page.getByLabel('证书号', { exact: true }).focus();
    await page.keyboard.type(archived.certificateNumber);
    await page.keyboard.press('Tab');
    await page.keyboard.type('NO-SUCH-INVOICE');
    await page.keyboard.press('Tab'); // the hint is no stop: the next one is the "another question" link
    await page.keyboard.press('Tab');
    const sum = await answer();
    await page.keyboard.type(String(Number(sum) + 1));
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('算式答案错误或题目已过期，请回答新题目。');

    await page.getByLabel('图中算式的结果').fill(await answer());
    await page.getByLabel('图中算式的结果').press('Enter');
    const result = page.locator('section.result');
    await expect.poll(() => result.getAttribute('data-verdict')).toBe('NOT_FOUND');
    expect(await result.locator('h2').textContent()).toBe('核查结果: 未找到');
    expect(await result.textContent()).toContain('没有与该证书号和发票号相符的证书');
    // The result's heading takes the focus, so a screen reader reads the verdict first.
    expect(await page.evaluate<string>('document.activeElement?.tagName')).toBe('H2');
    await page.context().close();
  });

  it('by uploading the PDF that carries the certificate’s signed payload', async () => {
    const { page } = await openPhone('/verify');
    await page.getByRole('tab', { name: 'Upload a PDF' }).click();
    await page.getByLabel('PDF certificate or signed payload (.jws)').setInputFiles({
      name: `${archived.certificateNumber}.pdf`,
      mimeType: 'application/pdf',
      buffer: await pdfCarrying(archived.jws),
    });
    await page.getByRole('button', { name: 'Check the file' }).click();
    const result = page.locator('section.result');
    await expect.poll(() => result.getAttribute('data-verdict')).toBe('VALID');
    expect(await result.textContent()).toContain(archived.certificateNumber);
    await page.context().close();
  });
});
