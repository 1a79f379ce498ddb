import { randomBytes } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngHeader } from '../support/images.js';
import { RegistryProcess } from '../support/registry.js';
import type { RunningServer } from './support.js';
import { launchChromium, startServer } from './support.js';

describe('enterprise basic information in Chromium', () => {
  let registry: RegistryProcess;
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    registry = await RegistryProcess.start();
    [server, browser] = await Promise.all([startServer({ registryUrl: registry.url }), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await registry?.close();
  });

  it('a new enterprise administrator pre-fills from the registry, saves, sees Synchronization Successful, then a change in the history', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    try {
      await page.goto(server.url);
      await page.getByLabel('Username').fill('new.admin');
      await page.getByLabel('Password').fill('origo-demo-2026');
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.getByRole('link', { name: 'Enterprise information' }).click();

      // A typing error in the check character is caught before the registry is asked.
      await page.getByLabel('Unified social credit code').fill('91310112MA1N5P3Q8X');
      await page.getByRole('button', { name: 'Look up' }).click();
      await page.getByText('The last character does not match the others').waitFor();

      await page.getByLabel('Unified social credit code').fill('91310112MA1N5P3Q8Y');
      await page.getByRole('button', { name: 'Look up' }).click();
      await expect(page.getByLabel('Name (English, as on certificates)').inputValue()).resolves.toBe(
        'SHANGHAI MINGDA LIGHTING CO., LTD.',
      );
      await expect(page.getByLabel('County / district').inputValue()).resolves.toBe('310112');

      // Complete what the registry does not know, and try to save without the commitment first.
      await page.getByLabel('Legal representative’s telephone').fill('139-1600-1208');
      await page.getByLabel('Contact person').fill('陈明');
      await page.getByLabel('Contact telephone').fill('021-64301208');
      await page.getByLabel('Name 1').fill('陈明');
      await page.getByLabel('Resident ID number 1').fill('310112199001153020');
      await page.getByLabel('Telephone 1').fill('021-64301208');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Tick the applicant commitment').waitFor();

      await page.getByLabel(/We commit that the information above is true/).check();
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Saved as version 1.').waitFor();
      await page
        .getByTestId('sync-status')
        .filter({ hasText: 'Synchronization Successful' })
        .waitFor({ timeout: 15_000 });
      await page.getByText('You may apply for certificates.').waitFor();

      // A later change makes version 2 and shows in the history with old and new values.
      await page.getByLabel('Fax').fill('021-64301209');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Saved as version 2.').waitFor();
      await page.getByRole('cell', { name: 'Fax: — → 021-64301209' }).waitFor();
      await page
        .getByTestId('sync-status')
        .filter({ hasText: 'Synchronization Successful' })
        .waitFor({ timeout: 15_000 });
    } finally {
      await context.close();
    }
  });

  it('an enterprise authorises its agency, the agent sees it, and loses it the moment it is revoked', async () => {
    const enterprise = await browser.newContext({ locale: 'en-US' });
    const agency = await browser.newContext({ locale: 'en-US' });
    const admin = await enterprise.newPage();
    const agent = await agency.newPage();
    admin.on('dialog', (dialog) => void dialog.accept());
    try {
      for (const [page, username] of [
        [admin, 'ent.admin'],
        [agent, 'agent.li'],
      ] as const) {
        await page.goto(server.url);
        await page.getByLabel('Username').fill(username);
        await page.getByLabel('Password').fill('origo-demo-2026');
        await page.getByRole('button', { name: 'Log in' }).click();
      }
      await agent.getByRole('link', { name: 'Principals' }).click();
      await agent.getByText('No enterprise has authorised your agency yet.').waitFor();

      await admin.getByRole('link', { name: 'Agents' }).click();
      await admin.getByLabel('Agency').selectOption({ label: 'SHANGHAI ORIENT CUSTOMS BROKERAGE CO., LTD.' });
      await admin.getByLabel('RC', { exact: true }).check();
      await admin.getByRole('button', { name: 'Authorise' }).click();
      await admin.getByText('SHANGHAI ORIENT CUSTOMS BROKERAGE CO., LTD. is authorised.').waitFor();

      await agent.reload();
      await agent
        .getByRole('link', { name: 'View information of SHANGHAI EVERBRIGHT TEXTILES CO., LTD.' })
        .click();
      await agent.getByTestId('sync-status').filter({ hasText: 'Synchronization Successful' }).waitFor();

      await admin.getByRole('button', { name: /Revoke/ }).click();
      await admin.getByRole('cell', { name: 'Revoked' }).waitFor();
      await agent.reload();
      await agent.getByText('You are not allowed to do this.').waitFor();
    } finally {
      await enterprise.close();
      await agency.close();
    }
  });

  it('an enterprise administrator uploads a seal and a signature, is told why a renamed text file is refused, and authorises the pair', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    const image = (width: number, height: number, colourType: number) =>
      Buffer.concat([pngHeader(width, height, 600, colourType), randomBytes(4000)]);
    try {
      await page.goto(server.url);
      await page.getByLabel('Username').fill('harbour.admin');
      await page.getByLabel('Password').fill('origo-demo-2026');
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.getByRole('link', { name: 'Seals and signatures' }).click();
      await page.getByText('No seal and signature are authorised for self-print yet.').waitFor();

      await page.getByLabel('Image file').setInputFiles({
        name: 'seal.png',
        mimeType: 'image/png',
        buffer: Buffer.from('not an image at all, just text'),
      });
      await page.getByRole('button', { name: 'Upload' }).click();
      await page.getByText('This file is not a PNG or JPEG image, whatever its name says.').waitFor();

      await page
        .getByLabel('Image file')
        .setInputFiles({ name: 'seal.png', mimeType: 'image/png', buffer: image(1000, 1000, 2) });
      await page.getByRole('button', { name: 'Upload' }).click();
      await page.getByText('1000 x 1000 px at 600 dpi').waitFor();

      await page.getByLabel('What it is').selectOption('signature');
      await page.getByLabel('Whose signature').fill('孙涛');
      await page
        .getByLabel('Image file')
        .setInputFiles({ name: 'signature.png', mimeType: 'image/png', buffer: image(700, 400, 0) });
      await page.getByRole('button', { name: 'Upload' }).click();
      await page.getByText('700 x 400 px at 600 dpi').waitFor();

      await page.getByLabel('Seal', { exact: true }).selectOption({ index: 1 });
      await page.getByLabel('Signature', { exact: true }).selectOption({ index: 1 });
      await page.getByRole('button', { name: 'Authorise for self-print' }).click();
      await page.getByText(/^Authorised for self-print since/).waitFor();
    } finally {
      await context.close();
    }
  });

  it('an officer of the enterprise’s office sees its information and status, read-only, in Chinese', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    try {
      await page.goto(server.url);
      await page.getByLabel('用户名').fill('officer.wang');
      await page.getByLabel('密码').fill('origo-demo-2026');
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByRole('link', { name: '我的海关' }).click();
      await page.getByRole('link', { name: '查看 上海光大纺织有限公司 的信息' }).click();
      await page.getByTestId('sync-status').filter({ hasText: '同步成功' }).waitFor();
      await expect(page.getByLabel('企业英文名称（与证书一致）').isDisabled()).resolves.toBe(true);
      await expect(page.getByRole('button', { name: '保存' }).count()).resolves.toBe(0);
    } finally {
      await context.close();
    }
  });
});
