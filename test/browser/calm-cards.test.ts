import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { launchChromium, SHOTS, type Browser } from '../helpers/chromium';
import { startBot, type RunningBot } from '../helpers/bot-server';
import { until } from '../helpers/until';
import { focusInReplyAfter } from '../helpers/web-chat-driver';
import { fillCard, measureCard, settled, type CardMeasure } from './card-measures';

/** The measures: a card fits a laptop screen, lands in view and has one row of navigation. */
const MAX_HEIGHT_DESKTOP = 1300;
const MAX_FULL_WIDTH_BUTTONS = 4;
const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

const ACTIVITY = '.webchat__basic-transcript__activity';
/** The card's fold-out menu of optional parts: "Verdiepen, vragen en overzicht". */
const MENU = /Verdiepen, vragen/;

/** Figures per viewport, printed at the end for the report (never asserted on time). */
const measured: Record<string, CardMeasure[]> = {};

describe.each(VIEWPORTS)('every card of a full walk in Web Chat at $width×$height', (viewport) => {
  let bot: RunningBot;
  let browser: Browser;
  let page: Page;
  const cards: CardMeasure[] = [];
  measured[viewport.name] = cards;

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    for (const old of fs.readdirSync(SHOTS).filter((f) => f.startsWith(`calm-${viewport.name}-`)))
      fs.rmSync(path.join(SHOTS, old));
    bot = await startBot();
    browser = await launchChromium({ width: viewport.width, height: viewport.height });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
  });

  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
  });

  const withCards = () => page.locator(ACTIVITY).filter({ has: page.locator('.ac-adaptiveCard') });

  /**
   * Does `act`, waits until the bot's reply has landed, the focus moved into it (unless `focus` is
   * false) and scrolling stopped; returns the new card.
   */
  async function landed(act: () => Promise<void>, focus = true): Promise<Locator> {
    const cardsNow = () =>
      page.evaluate(
        (selector) =>
          [...document.querySelectorAll(selector)].filter((a) =>
            a.querySelector('.ac-adaptiveCard'),
          ).length,
        ACTIVITY,
      );
    const before = await cardsNow();
    const entriesBefore = await page.locator(ACTIVITY).count();
    await act();
    // A turn can bring two cards (new advice without buttons, then the step): wait for the one
    // a person acts on.
    await page.waitForFunction(
      ([selector, count]) => {
        const cards = [...document.querySelectorAll(selector as string)].filter((a) =>
          a.querySelector('.ac-adaptiveCard'),
        );
        return cards.length > count && !!cards.at(-1)!.querySelector('button');
      },
      [ACTIVITY, before] as const,
      { timeout: 15_000 },
    );
    // The page moves the focus into the reply and scrolls its top into view; a click sent before
    // that can miss (a toggle left closed, a button "not visible").
    // (A language switch redraws the whole transcript, so its reply does not keep the focus.)
    if (focus) await focusInReplyAfter(page, entriesBefore);
    await settled(page);
    return withCards().last();
  }

  async function look(card: Locator, name: string): Promise<string> {
    const m = await measureCard(page, card, name);
    cards.push(m);
    await page.screenshot({ path: path.join(SHOTS, `calm-${viewport.name}-${name}.png`) });
    return (await card.textContent()) ?? '';
  }

  const button = (card: Locator, text: string | RegExp) =>
    card.locator('button.ac-pushButton', { hasText: text }).first();

  async function send(text: string, focus = true): Promise<Locator> {
    return landed(async () => {
      const box = page.getByRole('textbox', { name: /berichtinvoer|message input/i });
      await box.fill(text);
      await box.press('Enter');
    }, focus);
  }

  /** Clicks a help or menu toggle and waits until it says it is open (or closed). */
  async function toggle(card: Locator, text: string | RegExp, open: boolean): Promise<void> {
    const button = card.locator('[role="button"]', { hasText: text }).first();
    await button.click();
    await until(
      () => button.getAttribute('aria-expanded'),
      (state) => state === String(open),
    );
  }

  /** Opens the card's "Verdiepen, vragen en overzicht" and returns the deepen buttons' titles. */
  async function deepenTitles(card: Locator): Promise<string[]> {
    if ((await card.locator('[role="button"]', { hasText: MENU }).count()) === 0) return [];
    await toggle(card, MENU, true);
    const titles = await card
      .locator('button.ac-pushButton', { hasText: '(verdiepen)' })
      .allTextContents();
    await toggle(card, MENU, false);
    return titles.map((t) => t.trim());
  }

  it('keeps every card calm: fits, lands in view, one row of navigation, nothing cut off', async () => {
    await page.goto(`${bot.url}/`);
    const welcome = withCards().last();
    await welcome.waitFor();
    await page
      .getByText(/Verbinding maken/)
      .first()
      .waitFor({ state: 'hidden' });
    await settled(page);
    await look(welcome, 'welcome');
    expect(await welcome.textContent()).toMatch(/typ .taal en./);

    let card = await landed(() => button(welcome, 'Start de gids').click());
    // Help and the step menu fold open in place; pressing on with empty answers asks first.
    await toggle(card, 'Uitleg en bron', true);
    await toggle(card, MENU, true);
    await page.screenshot({ path: path.join(SHOTS, `calm-${viewport.name}-step1-opened.png`) });
    await toggle(card, MENU, false);
    await toggle(card, 'Uitleg en bron', false);
    const prompt = await landed(() => button(card, 'Bewaar en ga verder').click());
    expect(await look(prompt, 'nog-open')).toContain('Nog open op deze kaart');
    card = await landed(() => button(prompt, 'Invullen').click());
    expect(await look(card, 'invullen')).toContain(
      'Nog open: dit antwoord is nodig voor het plan.',
    );
    let n = 0;
    const explored = new Set<string>();
    for (let guard = 0; guard < 60; guard++) {
      // A completed plan ends with the next steps, then its summary, the last card (issue 27;
      // the ending has a test of its own, calm-ending.test.ts).
      const text = await look(card, `card-${String(++n).padStart(2, '0')}`);
      if (/Plan voor een verbindingsambassadeur/.test(text) && !/Bewaar en/.test(text)) break;

      if (/Nog open op deze kaart/.test(text)) {
        card = await landed(() => button(card, 'Later invullen en verder').click());
        continue;
      }
      const progress = /Stap (\d) van 6(?: · (\d) van (\d))?/.exec(text);
      const lastOfStep = progress && (!progress[2] || progress[2] === progress[3]);
      if (lastOfStep && !explored.has(progress[1]!)) {
        explored.add(progress[1]!);
        // Every optional part of the step: open it from the card's menu, look, come back.
        for (const title of await deepenTitles(card)) {
          await toggle(card, MENU, true);
          const deepen = await landed(() => button(card, title).click());
          await look(deepen, `card-${String(++n).padStart(2, '0')}-deepen`);
          card = await landed(() => button(deepen, 'Vorige').click());
        }
      }
      await fillCard(card);
      card = await landed(() => button(card, /Bewaar en/).click());
    }
    expect(await card.textContent()).toContain('Plan voor een verbindingsambassadeur');
    // Each step of the summary folds open; lists read "a en b", own answers say "jou".
    await toggle(card, 'Stap 3', true);
    await card.locator('[role="button"]', { hasText: 'Stap 3' }).first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, `calm-${viewport.name}-summary-opened.png`) });
    const opened = (await card.textContent()) ?? '';
    expect(opened).toMatch(/Ingevuld door jou/);
    expect(opened).toMatch(/\w en \w/);

    await look(await send('overzicht'), 'overview');
    await look(await send('hulp'), 'help');
    const answer = await send('wat telt als een geslaagde toeleiding?');
    await look(answer, 'quick-answer');

    // A typed `taal en` switches the bot and the page chrome alike.
    await send('taal en', false);
    await until(
      () => page.getAttribute('html', 'lang'),
      (lang) => lang === 'en-US',
    );
    await expect(page.locator('[data-text="newConversation"]').textContent()).resolves.toBe(
      'New conversation',
    );
    await expect(page.locator('.site-footer').textContent()).resolves.toContain(
      'Local test environment',
    );
    await expect(
      page.getByRole('textbox', { name: /message input/i }).getAttribute('placeholder'),
    ).resolves.toContain('Type a question');
    const english = withCards().last();
    await expect(english.textContent()).resolves.toContain('Welcome to Brugbot');
    await look(english, 'welcome-en');

    const names = cards.map((c) => c.name);
    expect(names.filter((x) => x.endsWith('deepen')).length).toBeGreaterThanOrEqual(6);
    const problems = cards.filter(
      (c) =>
        !c.topInView ||
        c.fullWidthButtons > MAX_FULL_WIDTH_BUTTONS ||
        c.cutTexts.length > 0 ||
        (viewport.name === 'desktop' && c.height > MAX_HEIGHT_DESKTOP),
    );
    expect(problems).toEqual([]);
  }, 150_000);
});

afterAll(() => {
  for (const [name, list] of Object.entries(measured)) {
    const heights = list.map((c) => c.height).sort((a, b) => a - b);
    if (!heights.length) continue;
    const median = heights[Math.floor(heights.length / 2)];
    const buttons = list.map((c) => c.fullWidthButtons);
    process.stdout.write(
      `${name}: ${list.length} cards, height min ${heights[0]} / median ${median} / max ${heights.at(-1)} px, ` +
        `full-width buttons max ${Math.max(...buttons)}\n` +
        list.map((c) => `  ${c.name}: ${c.height} px, ${c.fullWidthButtons} buttons`).join('\n') +
        '\n',
    );
  }
});
