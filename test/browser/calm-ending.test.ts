import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { launchChromium, SHOTS, type Browser } from '../helpers/chromium';
import { startBot, type RunningBot } from '../helpers/bot-server';
import { forwardAction } from '../helpers/card-walker';
import { pageUser, walkGuide } from '../helpers/direct-line-user';
import { ACTIVITY, WebChatDriver } from '../helpers/web-chat-driver';
import { fillCard, settled } from './card-measures';

/**
 * The end of the guide as a person sees it in Web Chat (issue 27): one click on "Bewaar en toon
 * het plan" brings the summary and one card with the next steps, and that card is in view; the
 * steungroep is asked before anything is posted.
 */
const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;
const DIR = path.join(SHOTS, 'ending');

let bot: RunningBot;
beforeAll(async () => {
  fs.mkdirSync(DIR, { recursive: true });
  bot = await startBot({ FOLLOWUP_POLL_MS: '3600000' });
});
afterAll(async () => bot?.stop());

/** Whether the whole element is inside the viewport (what a person sees without scrolling). */
async function inView(page: Page, element: Locator): Promise<boolean> {
  const box = await element.boundingBox();
  const viewport = page.viewportSize()!;
  return Boolean(box && box.y >= 0 && box.y + box.height <= viewport.height);
}

describe.each(VIEWPORTS)('the ending in Web Chat at $width×$height', (viewport) => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium({ width: viewport.width, height: viewport.height });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
  });
  afterAll(async () => browser?.close());

  const shoot = (name: string) =>
    page.screenshot({ path: path.join(DIR, `ending-${viewport.width}-${name}.png`) });
  const button = (card: Locator, text: string | RegExp) =>
    card.locator('button.ac-pushButton', { hasText: text }).first();

  it('brings the summary and the next steps in view, and asks before sharing', async () => {
    const chat = new WebChatDriver(page);
    await page.goto(`${bot.url}/`);
    await chat.cards('Start de gids').last().waitFor();
    // Up to the last card over the page's own Direct Line; the last click is the person's.
    const user = await pageUser(page, bot.url);
    await walkGuide(user, (card) => /toon het plan/.test(String(forwardAction(card)?.title)));
    const last = chat.cards(/Bewaar en toon het plan/).last();
    await last.waitFor();
    await settled(page);
    await fillCard(last);

    const before = await page.locator(ACTIVITY).count();
    const next = await chat.nextCard(
      () => button(last, /Bewaar en toon het plan/).click(),
      'Plan de opvolging',
    );
    await settled(page);
    // Give anything else the turn might bring the time to arrive: there is nothing else.
    await page.waitForTimeout(1000);
    const brought = (await page.locator(ACTIVITY).allTextContents()).slice(before);
    expect(brought).toHaveLength(2);
    expect(brought[0]).toContain('Je plan is klaar');
    expect(brought[1]).toContain('Plan voor een verbindingsambassadeur');
    await shoot('after-click');
    expect(await inView(page, next)).toBe(true);
    for (const title of ['Deel met de steungroep', 'Documenten maken', 'Plan de opvolging'])
      expect(await button(next, title).isVisible()).toBe(true);

    // Sharing asks first: the channel by name and what it would receive.
    const preview = await chat.nextCard(
      () => button(next, 'Deel met de steungroep').click(),
      'Nog niet',
    );
    await settled(page);
    await shoot('preview');
    expect(await preview.textContent()).toContain('het kanaal van de steungroep');
    expect(await button(preview, 'Nog niet').isVisible()).toBe(true);
    expect(await inView(page, button(preview, 'Deel met de steungroep'))).toBe(true);

    await button(preview, 'Deel met de steungroep').click();
    await page
      .getByText(/De nota over het plan staat in/)
      .last()
      .waitFor();
    await settled(page);
    await shoot('shared');
  });
});
