import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, SHOTS, watchProblems, type Browser } from '../helpers/chromium';
import { startBot, type RunningBot } from '../helpers/bot-server';
import { until } from '../helpers/until';
import { ACTIVITY, WebChatDriver } from '../helpers/web-chat-driver';

/**
 * The chat page as issue 27 left it: its files hashed and compressed, the conversation started
 * while Web Chat's bundle loads, a reload that replays it, and a typed `taal en` that leaves the
 * keyboard focus in the English greeting it answers with. Timings are the bench's, not asserted.
 */
describe('the local chat page, started early', () => {
  let bot: RunningBot;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  const encodings = new Map<string, string | undefined>();

  beforeAll(async () => {
    bot = await startBot();
    browser = await launchChromium({ width: 1280, height: 900 });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    problems = await watchProblems(page);
    page.on('response', (r) => {
      if (r.url().includes('/static/'))
        encodings.set(new URL(r.url()).pathname, r.headers()['content-encoding']);
    });
  });

  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
  });

  it('loads compressed hashed files, greets, resumes and keeps the focus through `taal en`', async () => {
    const driver = new WebChatDriver(page);
    await page.goto(`${bot.url}/`);
    const welcome = driver.cards('Start de gids').last();
    await welcome.waitFor();
    await expect(welcome.textContent()).resolves.toContain('Welkom bij Brugbot');
    expect([...encodings.keys()].map((p) => p.replace(/\.[0-9a-f]{12}\./, '.*.')).sort()).toEqual(
      expect.arrayContaining([
        '/static/boot.*.js',
        '/static/chat.*.css',
        '/static/chat.*.js',
        '/static/webchat.*.js',
      ]),
    );
    expect(new Set(encodings.values())).toEqual(new Set(['br']));

    // A reload finds the same conversation, replayed from its start (one welcome, not two).
    await page.reload();
    await driver.replayed();
    expect(await page.locator(ACTIVITY, { hasText: 'Welkom bij Brugbot' }).count()).toBe(1);

    // Typed `taal en`: Web Chat is drawn again in English and the greeting answering it has the focus.
    const before = await page.locator(ACTIVITY).count();
    const english = await driver.nextCard(() => driver.sendText('taal en'));
    await until(
      () => page.getAttribute('html', 'lang'),
      (lang) => lang === 'en-US',
    );
    // Still there once the page has redrawn Web Chat in English and settled.
    await page.waitForTimeout(500);
    const focusIn = await page.evaluate(
      (selector) =>
        [...document.querySelectorAll(selector)].findIndex((e) =>
          e.contains(document.activeElement),
        ),
      ACTIVITY,
    );
    expect(focusIn).toBeGreaterThanOrEqual(before);
    await expect(english.textContent()).resolves.toContain('Welcome to Brugbot');
    await page.screenshot({ path: join(SHOTS, 'chat-page-after-taal-en.png') });

    // The greeting's own language button: the Dutch greeting answers it and takes the focus.
    const dutch = await driver.nextCard(() => driver.press(english, 'Nederlands'));
    await expect(dutch.textContent()).resolves.toContain('Welkom bij Brugbot');
    // The header's button is outside the conversation: the focus stays on it.
    await page.locator('#language-switch').focus();
    await page.keyboard.press('Enter');
    await until(
      () => page.getAttribute('html', 'lang'),
      (lang) => lang === 'en-US',
    );
    await driver.cards('Nederlands').nth(1).waitFor();
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('language-switch');
    expect(problems).toEqual([]);
  }, 120_000);
});
