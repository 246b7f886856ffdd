import path from 'node:path';
import type { Page } from 'playwright-core';
import { ActivityFactory } from '../helpers/activities';
import { startBot, type RunningBot } from '../helpers/bot-server';
import { launchChromium, SHOTS, watchProblems, type Browser } from '../helpers/chromium';
import {
  changeOrg,
  completePlan,
  confirmShare,
  eventually,
  lastCard,
  outboxLength,
  send,
  textsTo,
  threadsCreated,
} from './steering-helpers';

describe('the local steering feed at /steering', () => {
  let bot: RunningBot;
  let browser: Browser | undefined;
  let page: Page;
  let problems: string[] = [];

  beforeAll(async () => {
    bot = await startBot({ STEERING_DEBOUNCE_MS: '200', STEERING_POLL_MS: '50' });
    browser = await launchChromium({ width: 1280, height: 900 });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    problems = await watchProblems(page);
  });
  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
  });

  it('is locked down: a strict CSP, no reload meta, scripts from files only', async () => {
    const res = await fetch(`${bot.url}/steering`);
    const html = await res.text();
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(res.status).toBe(200);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(html).not.toContain('http-equiv');
    // Every script is a file of this origin; none is inline.
    expect(html.match(/<script[^>]*>/g)).toEqual([
      '<script src="/steering/static/adaptivecards.js" defer>',
      '<script src="/steering/static/feed.js" defer>',
    ]);
    expect(html).toContain('aria-live="polite"');
  });

  it('renders the posted card as a card host would, updates it in place and announces it', async () => {
    await page.goto(`${bot.url}/steering`);
    await page.getByText('Nog niets geplaatst').waitFor();

    const chat = new ActivityFactory({ serviceUrl: bot.connector.url });
    await completePlan(bot, chat, 'Stad <b>Aalst</b> <at>x</at>');
    await confirmShare(bot, chat);
    const confirmation = await eventually(() =>
      textsTo(bot, chat).find((t) => t.includes('/steering#')),
    );
    expect(confirmation).toContain(`${bot.url}/steering#`);
    // The local channel is the bot's own: nothing went to the Teams Connector.
    expect(threadsCreated(bot.connector)).toEqual([]);

    // The page picks the note up by itself, rendered by the Adaptive Cards SDK, typed text as text.
    const card = page.locator('article .ac-adaptiveCard');
    await card.waitFor();
    await expect(card.textContent()).resolves.toContain('Stad <b>Aalst</b> <at>x</at>');
    expect(await page.locator('article b').count()).toBe(0);
    await expect(page.locator('#last-updated').textContent()).resolves.toMatch(
      /^Laatst bijgewerkt om \d\d:\d\d:\d\d$/,
    );
    const reloads: string[] = [];
    page.on('framenavigated', (f) => reloads.push(f.url()));

    await changeOrg(bot, chat, 'Stad Dendermonde');
    await eventually(async () => ((await outboxLength(bot)) === 0 ? true : undefined));
    await page.getByText('Stad Dendermonde', { exact: false }).first().waitFor();
    await expect(page.locator('#announce').textContent()).resolves.toMatch(
      /^Het kanaal is bijgewerkt om/,
    );
    expect(await page.locator('article').count()).toBe(1);
    // The history names the change, and the page was never reloaded.
    await expect(page.locator('article .history').textContent()).resolves.toContain(
      'naam van de organisatie Stad <b>Aalst</b> <at>x</at> → Stad Dendermonde',
    );
    expect(reloads).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'steering-feed-test.png'), fullPage: true });

    // The feed itself keeps to its CSP (the tab page, next, has its own known TeamsJS request).
    expect(problems).toEqual([]);

    // The card's button opens this plan in the local tab.
    // The SDK gives an Action.OpenUrl the role of a link.
    await page.getByRole('link', { name: 'Open het plan en de documenten' }).click();
    await page.waitForURL(/\/tab\?plan=[\w-]{22}$/);
    await page.getByRole('heading', { level: 2 }).filter({ hasText: 'Stad Dendermonde' }).waitFor();

    // Deleting the plan replaces the note in the feed too, with nothing of the plan left in it.
    await page.goto(`${bot.url}/steering`);
    await page.locator('article .ac-adaptiveCard').waitFor();
    await send(bot, chat.message('verwijder plan'));
    const confirm = lastCard(bot, chat);
    const data = (confirm.actions as { data: Record<string, unknown> }[]).find(
      (a) => a.data.verb === 'privacy.delete.confirm',
    )!.data;
    await send(bot, chat.submit(data));
    const withdrawn = page.locator('article .ac-adaptiveCard');
    await withdrawn.filter({ hasText: 'Plan verwijderd op' }).waitFor();
    await expect(withdrawn.textContent()).resolves.toMatch(/door Anne Peeters\./);
    await expect(withdrawn.textContent()).resolves.not.toContain('Dendermonde');
    expect(await page.locator('article').count()).toBe(1);
    await page.screenshot({ path: path.join(SHOTS, 'steering-feed-withdrawn.png') });
  });
});
