import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoOfficeSealPng, demoOfficerSignaturePng } from '../../src/app/demo/demo-seal-images.js';
import type { RunningServer } from './support.js';
import { launchChromium, logIn, startServer } from './support.js';

/**
 * Whether an <img> shows a picture the browser could decode (not a broken image), once it has loaded:
 * `decode()` waits for the download, then resolves, or rejects for a broken image.
 */
const pictureShown = (image: Locator) =>
  image.evaluate((element) => {
    const picture = element as unknown as { naturalWidth: number; decode(): Promise<void> };
    return picture.decode().then(
      () => picture.naturalWidth > 0,
      () => false,
    );
  });

describe('office seals and officer signatures in the portal (issue 6, self-print)', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the administrator replaces an office’s seal (a wrong file is refused with the server’s reason); an officer uploads a signature; both are shown', async () => {
    const administration = await browser.newContext({ locale: 'en-US' });
    const customs = await browser.newContext({ locale: 'en-US' });
    try {
      // The administrator opens Shenzhen Customs: the demo seal is in force and shown.
      const admin = await administration.newPage();
      await logIn(admin, server.url, 'admin');
      await admin.getByRole('navigation').getByRole('link', { name: 'Office seals and signatures' }).click();
      await admin.getByRole('heading', { name: 'Office seals and signatures', level: 1 }).waitFor();
      const office = admin.getByLabel('Issuing office');
      const shenzhen = await office.locator('option', { hasText: 'Shenzhen' }).getAttribute('value');
      await office.selectOption(shenzhen!);
      const current = admin.getByTestId('office-seal-current');
      const before = await current
        .getByRole('img', { name: 'The office’s electronic seal' })
        .getAttribute('src');
      expect(await pictureShown(current.getByRole('img'))).toBe(true);

      // A file that is not a PNG: the server's own reason, beside the field.
      await admin.getByLabel('Seal image (PNG)').setInputFiles({
        name: 'seal.png',
        mimeType: 'image/png',
        buffer: Buffer.from('not a picture at all'),
      });
      await admin.getByRole('button', { name: 'Replace the seal' }).click();
      await admin.getByRole('alert').filter({ hasText: 'This file is not a PNG image' }).waitFor();

      // The real seal, in force now: it replaces the one shown, and two versions are listed.
      await admin.getByLabel('Seal image (PNG)').setInputFiles({
        name: 'shenzhen-seal.png',
        mimeType: 'image/png',
        buffer: demoOfficeSealPng(),
      });
      await admin.getByRole('button', { name: 'Replace the seal' }).click();
      await admin
        .getByRole('status')
        .filter({ hasText: 'Uploaded: the new seal is in force from' })
        .waitFor();
      await expect.poll(() => current.getByRole('img').getAttribute('src')).not.toBe(before);
      await expect.poll(() => pictureShown(current.getByRole('img'))).toBe(true);
      expect(await current.textContent()).toMatch(/In force since .+; uploaded .+\./);
      await admin.getByText('All 2 versions').waitFor();

      // Officer Zhao has no signature yet, uploads one and sees it.
      const officer = await customs.newPage();
      await logIn(officer, server.url, 'officer.zhao');
      await officer.getByRole('navigation').getByRole('link', { name: 'My signature' }).click();
      await officer
        .getByText('You have no signature on file: certificates you approve cannot be self-printed.')
        .waitFor();
      await officer.getByLabel('Signature image (PNG)').setInputFiles({
        name: 'zhao-signature.png',
        mimeType: 'image/png',
        buffer: demoOfficerSignaturePng(),
      });
      await officer.getByRole('button', { name: 'Upload the signature' }).click();
      await officer
        .getByRole('status')
        .filter({ hasText: 'the new signature is in force from now' })
        .waitFor();
      const signature = officer.getByTestId('officer-signature-current');
      await expect
        .poll(() => pictureShown(signature.getByRole('img', { name: 'The officer’s signature' })))
        .toBe(true);
      await officer.getByRole('button', { name: 'Replace the signature' }).waitFor();

      // The same page in Chinese.
      await officer.evaluate("localStorage.setItem('origo.language', 'zh-CN')");
      await officer.reload();
      await officer.getByRole('navigation').getByRole('link', { name: '我的签名' }).click();
      await officer.getByRole('heading', { name: '我的签名', level: 1 }).waitFor();
      await expect
        .poll(() => officer.getByTestId('officer-signature-current').textContent())
        .toMatch(/自 .+ 起生效/);

      // The administrator sees Zhao's signature among Shenzhen's officers.
      await admin
        .getByLabel('Officer', { exact: true })
        .selectOption({ label: 'Zhao Min (赵敏) (officer.zhao)' });
      const seen = admin.getByTestId('officer-signature-current');
      await expect.poll(() => pictureShown(seen.getByRole('img'))).toBe(true);
    } finally {
      await administration.close();
      await customs.close();
    }
  }, 120_000);
});
