import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from './support.js';
import { launchChromium, startServer } from './support.js';

const PASSWORD = 'origo-demo-2026';

/** What each demo role must see in the menu, in English and in Chinese, and what it must not. */
const MENUS = {
  'ent.admin': {
    en: [
      'Certificate applications',
      'New application',
      'Certificate Query',
      'Receipts',
      'Origin evaluation',
      'Product pre-review',
      'Verification',
      'Enterprise information',
      'Agents',
      'Seals and signatures',
      'Enterprise users',
      'API keys',
      'My account',
    ],
    zh: [
      '原产地证书申请',
      '新建申请',
      '证书查询',
      '回执',
      '原产地判定',
      '产品预审',
      '核查',
      '企业基本信息',
      '授权代理',
      '印章与签名',
      '企业用户',
      'API 密钥',
      '我的账户',
    ],
    group: { en: 'Origin Management › Origin Certificate Issuance', zh: '原产地管理 › 原产地证书签发' },
  },
  'ent.clerk': {
    en: [
      'Certificate applications',
      'New application',
      'Certificate Query',
      'Receipts',
      'Origin evaluation',
      'Product pre-review',
      'Verification',
      'Enterprise information',
      'My account',
    ],
    zh: [
      '原产地证书申请',
      '新建申请',
      '证书查询',
      '回执',
      '原产地判定',
      '产品预审',
      '核查',
      '企业基本信息',
      '我的账户',
    ],
    group: { en: 'Origin Management › Origin Certificate Issuance', zh: '原产地管理 › 原产地证书签发' },
  },
  'agent.li': {
    en: [
      'Certificate applications',
      'New application',
      'Certificate Query',
      'Receipts',
      'Origin evaluation',
      'Verification',
      'Principals',
      'My account',
    ],
    zh: ['原产地证书申请', '新建申请', '证书查询', '回执', '原产地判定', '核查', '委托企业', '我的账户'],
    group: { en: 'Origin Management › Origin Certificate Issuance', zh: '原产地管理 › 原产地证书签发' },
  },
  'officer.wang': {
    en: [
      'Review queue',
      'Pre-review queue',
      'Verification cases',
      'Origin evaluation',
      'Statistics',
      'Supervision',
      'Notifications',
      'My offices',
      'Printer offset',
      'My signature',
      'My account',
    ],
    zh: [
      '审核队列',
      '预审待办',
      '核查案件',
      '原产地判定',
      '统计',
      '后续监管',
      '通知',
      '我的海关',
      '打印机偏移',
      '我的签名',
      '我的账户',
    ],
    group: { en: 'Customs', zh: '海关业务' },
  },
  admin: {
    en: [
      'Organisations',
      'Users',
      'Automatic approval',
      'Supervision',
      'Verification sampling',
      'Printer offset',
      'Office seals and signatures',
      'Audit trail',
      'Background jobs',
      'My account',
    ],
    zh: [
      '机构',
      '用户',
      '自动审核',
      '后续监管',
      '核查抽样比例',
      '打印机偏移',
      '海关印章与签名',
      '审计日志',
      '后台任务',
      '我的账户',
    ],
    group: { en: 'Administration', zh: '系统管理' },
  },
} as const;

async function logIn(page: Page, url: string, username: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('navigation').waitFor();
}

async function menuItems(page: Page): Promise<string[]> {
  return page.getByRole('navigation').getByRole('link').allInnerTexts();
}

describe('web portal in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const [username, menu] of Object.entries(MENUS)) {
    it(`${username} logs in, sees their menu in English and Chinese, and logs out`, async () => {
      const context = await browser.newContext({ locale: 'en-US' });
      const page = await context.newPage();
      try {
        await logIn(page, server.url, username);
        expect(await menuItems(page)).toEqual([...menu.en]);
        expect(await page.getByRole('navigation').getByRole('heading').allInnerTexts()).toContain(
          menu.group.en,
        );

        await page.getByRole('button', { name: /Switch language/ }).click();
        await page.getByRole('navigation').getByRole('link', { name: menu.zh[0] }).waitFor();
        expect(await menuItems(page)).toEqual([...menu.zh]);
        expect(await page.getByRole('navigation').getByRole('heading').allInnerTexts()).toContain(
          menu.group.zh,
        );
        expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');

        await page.getByRole('button', { name: '退出' }).click();
        await page.getByRole('button', { name: '登录' }).waitFor();
        // The session is gone on the server too: a reload shows the login form again.
        await page.reload();
        await page.getByRole('button', { name: '登录' }).waitFor();
      } finally {
        await context.close();
      }
    });
  }

  it('tells a user with a wrong password what went wrong, in their language', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    try {
      await page.goto(server.url);
      await page.getByLabel('用户名').fill('ent.clerk');
      await page.getByLabel('密码').fill('wrong password');
      await page.getByRole('button', { name: '登录' }).click();
      await expect(page.getByRole('alert').innerText()).resolves.toBe('用户名或密码错误。');
    } finally {
      await context.close();
    }
  });

  it('shows why a password change fails next to the field, and brings back the login form when the session ends', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    try {
      await page.goto(server.url);
      await page.getByLabel('用户名').fill('ent.clerk');
      await page.getByLabel('密码').fill(PASSWORD);
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByRole('link', { name: '我的账户' }).click();
      await page.waitForFunction("document.title === '我的账户 · Origo'");

      // PASSWORD_POLICY and a wrong current password: translated by field code, shown at the field.
      const current = page.getByLabel('当前密码');
      await current.fill('not my password');
      await page.getByLabel('新密码', { exact: true }).fill('aaaa');
      await page.getByLabel('再次输入新密码').fill('aaaa');
      await page.getByRole('button', { name: '保存' }).click();
      await page.getByText('当前密码不正确。').waitFor();
      await expect(current.getAttribute('aria-invalid')).resolves.toBe('true');
      await current.fill(PASSWORD);
      await page.getByRole('button', { name: '保存' }).click();
      await page.getByText(/太短/).waitFor();
      await expect(page.getByLabel('新密码', { exact: true }).getAttribute('aria-invalid')).resolves.toBe(
        'true',
      );

      // The session ends behind the page's back: the next call shows the login form, and logging in
      // again returns to the page the user asked for.
      await context.clearCookies();
      await page.getByRole('link', { name: '企业基本信息' }).click();
      await page.getByRole('button', { name: '登录' }).waitFor();
      await page.getByLabel('用户名').fill('ent.clerk');
      await page.getByLabel('密码').fill(PASSWORD);
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByRole('heading', { name: '企业基本信息', level: 1 }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('lets an enterprise administrator create an API key and shows the secret exactly once', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    try {
      await logIn(page, server.url, 'ent.admin');
      await page.getByRole('link', { name: 'API keys' }).click();
      await page.getByLabel('What the key is for').fill('ERP production');
      await page.getByRole('button', { name: 'Create', exact: true }).click();
      const secret = await page.getByTestId('api-key-secret').innerText();
      expect(secret).toMatch(/^origo_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/);

      // The key works against the API for this enterprise.
      const session = await fetch(`${server.url}/api/session`, {
        headers: { authorization: `Bearer ${secret}` },
      });
      expect(session.status).toBe(401); // a key is not a session...
      const organisations = await fetch(`${server.url}/api/organisations`, {
        headers: { authorization: `Bearer ${secret}` },
      });
      const body = (await organisations.json()) as { items: Array<{ nameEn: string }> };
      expect(body.items.map((item) => item.nameEn)).toEqual(['SHANGHAI EVERBRIGHT TEXTILES CO., LTD.']); // ...but acts for its enterprise

      await page.getByRole('button', { name: 'I have stored it' }).click();
      await page.reload();
      await page.getByRole('cell', { name: 'ERP production', exact: true }).waitFor();
      expect(await page.content()).not.toContain(secret);
    } finally {
      await context.close();
    }
  });

  it('pages through the audit trail, newest first, and back to the same page', async () => {
    // More events than one page (50): each login is one.
    for (let login = 0; login < 30; login++) {
      const response = await fetch(`${server.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: PASSWORD }),
      });
      expect(response.status).toBe(200);
    }
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    const numbers = async () =>
      (await page.locator('tbody tr td:first-child').allInnerTexts()).map((text) => Number(text));
    try {
      await logIn(page, server.url, 'admin');
      await page.getByRole('link', { name: 'Audit trail' }).click();
      await page.locator('tbody tr').first().waitFor();
      const newer = page.getByRole('button', { name: 'Newer' });
      const older = page.getByRole('button', { name: 'Older' });
      await expect(newer.isDisabled()).resolves.toBe(true);
      const first = await numbers();
      expect(first).toHaveLength(50);
      expect(first).toEqual([...first].sort((a, b) => b - a));

      await older.click();
      await expect.poll(async () => (await numbers())[0]).toBeLessThan(first.at(-1)!);
      // The next page goes on where the first stopped, without a gap (the trail is numbered 1, 2, 3, ...).
      const from = first.at(-1)! - 1;
      expect(await numbers()).toEqual(Array.from({ length: Math.min(50, from) }, (_, index) => from - index));
      await expect(newer.isDisabled()).resolves.toBe(false);

      await newer.click();
      await expect.poll(async () => (await numbers())[0]).toBe(first[0]);
      expect(await numbers()).toEqual(first);
      await expect(newer.isDisabled()).resolves.toBe(true);
    } finally {
      await context.close();
    }
  });
});
