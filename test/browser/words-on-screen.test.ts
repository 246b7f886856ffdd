import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ActivityFactory } from '../helpers/activities';
import { startBot, type RunningBot } from '../helpers/bot-server';
import { pressForward } from '../helpers/card-walker';
import { launchChromium, type Browser } from '../helpers/chromium';
import { WebChatDriver } from '../helpers/web-chat-driver';
import { confirmShare, eventually, lastCard, send } from '../steering/steering-helpers';

/**
 * Issue 27's words as a person sees them (Chromium, both viewports): step 4's first card says
 * "1 van 2", and the steungroep note shows Brugbot's emphasis as bold and a long answer cut
 * where a phrase ends. Screenshots go to /work/shots/words/ (or BRUGBOT_SHOTS).
 */
const SHOTS = process.env.BRUGBOT_SHOTS ?? '/work/shots/words';
const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;
const LONG =
  'Kinderen van 6 tot 14 jaar, uit gezinnen in armoede in de wijken Rabot en Brugse Poort, en hun ouders.';

describe.each(VIEWPORTS)('the words on screen at $width×$height', (viewport) => {
  let bot: RunningBot;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    bot = await startBot({ STEERING_DEBOUNCE_MS: '200', STEERING_POLL_MS: '50' });
    browser = await launchChromium({ width: viewport.width, height: viewport.height });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
  });
  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
  });

  it('shows "Stap 4 van 6 · 1 van 2" on the first card of step 4', async () => {
    const chat = new WebChatDriver(page);
    await page.goto(`${bot.url}/`);
    const type = (text: string) => async () => {
      const box = page.getByRole('textbox', { name: /berichtinvoer|message input/i });
      await box.fill(text);
      await box.press('Enter');
    };
    await chat.nextCard(type('start'));
    const overview = await chat.nextCard(type('overzicht'));
    await overview.locator('select').selectOption({ index: 4 });
    const card = await chat.nextCard(() =>
      overview.locator('button.ac-pushButton', { hasText: 'Open deze stap' }).click(),
    );
    await expect(card.textContent()).resolves.toContain('Stap 4 van 6 · 1 van 2');
    await page.screenshot({ path: path.join(SHOTS, `step4-${viewport.name}.png`) });
  });

  it('shows the note with bold labels and a long answer cut where a phrase ends', async () => {
    // The plan is made over the protocol (typing a long answer in Web Chat adds nothing here).
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url });
    await send(bot, chat.message('start'));
    await send(bot, chat.submit({ ...pressForward(lastCard(bot, chat)), q_orgName: 'Stad Gent' }));
    await send(bot, chat.submit({ verb: 'guide.goto', step: 3 }));
    // Less than half-time brings the instrument's caution ("⚠️ Let op") into the note.
    const typed: Record<string, unknown> = { q_focusTargetGroup: LONG, q_workingTime: 20 };
    for (let i = 0; i < 4; i++) {
      const card = JSON.stringify(lastCard(bot, chat));
      const mine = Object.fromEntries(
        Object.entries(typed).filter(([id]) => card.includes(`"${id}"`)),
      );
      await send(bot, chat.submit({ ...pressForward(lastCard(bot, chat)), ...mine }));
      if ('q_workingTime' in mine) break;
    }
    await confirmShare(bot, chat, chat.message('deel met steungroep'));
    await eventually(async () => {
      const res = await fetch(`${bot.url}/steering/feed.json`);
      const view = (await res.json()) as { notes: unknown[] };
      return view.notes.length > 0 ? true : undefined;
    });
    await page.goto(`${bot.url}/steering`);
    const note = page.locator('article .ac-adaptiveCard').first();
    await note.waitFor();
    const text = (await note.textContent()) ?? '';
    expect(text).toContain('Kinderen van 6 tot 14 jaar…');
    expect(text).not.toContain('**');
    await expect(note.locator('strong', { hasText: 'Let op' }).first().isVisible()).resolves.toBe(
      true,
    );
    await page.screenshot({
      path: path.join(SHOTS, `steungroep-note-${viewport.name}.png`),
      fullPage: true,
    });
  });
});
