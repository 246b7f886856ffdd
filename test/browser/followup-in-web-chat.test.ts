import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { addMonths, sendTimeFor } from '../../src/followup/calendar';
import { launchChromium, SHOTS, type Browser } from '../helpers/chromium';
import { startBot, type RunningBot } from '../helpers/bot-server';
import { eventually } from '../steering/steering-helpers';
import { planKey, planTabPath } from '../../src/storage';
import { WebChatDriver } from '../helpers/web-chat-driver';
import { settled } from './card-measures';
import { DirectLineUser, walkGuide } from '../helpers/direct-line-user';

describe('the follow-up in the real Web Chat, offline', () => {
  let bot: RunningBot;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    bot = await startBot({ FOLLOWUP_POLL_MS: '3600000' });
    browser = await launchChromium({ width: 1280, height: 900 });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
  });
  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
  });

  const cardWith = (button: string | RegExp): Locator =>
    new WebChatDriver(page).cards(button).last();
  const shoot = async (name: string, card?: Locator) => {
    for (const [w, h] of [
      [1280, 900],
      [390, 844],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.waitForTimeout(300);
      // The top of the card in view: where a reader starts.
      await card?.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.waitForTimeout(200);
      await page.screenshot({ path: path.join(SHOTS, `${name}-${w}.png`) });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        w,
      );
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  };
  const moveClock = async (now: Date) => {
    const res = await fetch(`${bot.url}/api/dev/clock`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ now: now.toISOString() }),
    });
    return (await res.json()) as { sent: number };
  };

  it('proposes the schedule, brings the check-in on its own after the clock moves, and charts the figures', async () => {
    // A fixed "today", whatever day the suite runs.
    await moveClock(new Date('2026-12-01T09:00:00Z'));
    await page.goto(`${bot.url}/`);
    await cardWith('Start de gids').waitFor();
    const session = JSON.parse(
      (await page.evaluate(() => sessionStorage.getItem('brugbot.directLine'))) ?? '{}',
    ) as { conversationId: string; token: string };
    await walkGuide(new DirectLineUser(bot.url, session));

    // The schedule card, opened from the card with the next steps; it asks the start date.
    const next = cardWith('Plan de opvolging');
    await next.waitFor();
    await next.locator('button.ac-pushButton', { hasText: 'Plan de opvolging' }).click();
    const schedule = cardWith('Bevestig de planning');
    await schedule.waitFor();
    await shoot('followup-schedule', schedule);
    const startDate = schedule.locator('input[type="date"]');
    expect(await startDate.count()).toBe(1);
    expect(await startDate.inputValue()).toBe('');
    await startDate.fill('2027-01-04');
    await schedule.locator('button.ac-pushButton', { hasText: 'Bevestig de planning' }).click();
    await page
      .getByText(/Planning bevestigd/)
      .last()
      .waitFor();
    // The same card, updated in place: the confirmed days (4 April 2027 is a Sunday).
    await schedule.getByText('Actief · de volgende kaart komt op 5 apr 2027.').waitFor();
    expect(await schedule.getByText(/Voorstel: nog niet bevestigd/).count()).toBe(0);
    expect(await new WebChatDriver(page).cards('Bevestig de planning').count()).toBe(1);
    await shoot('followup-schedule-confirmed', schedule);

    const key = `plan/webchat/${session.conversationId}`;
    const plan = (await bot.app.storage.read([key]))[key] as {
      answers: Record<string, { value: string }>;
    };
    const m1 = plan.answers['fu.m1.date']!.value;
    const start = plan.answers['fu.start']!.value;

    // First moment: a check-in arrives on its own; a colleague fills it in in the browser.
    expect(await moveClock(new Date(sendTimeFor(m1).getTime() + 30 * 60_000))).toMatchObject({
      sent: 1,
    });
    const first = cardWith('Bewaar de cijfers');
    await first.waitFor();
    // A card nobody asked for leaves the focus where it was. (The confirm's reply updated the
    // schedule card in place, which once left the page waiting to focus the next card: this
    // check-in then took the focus while it was being filled in, and the note went into the
    // first number field.) The page moves a reply's focus 150 ms after it lands, once Web Chat
    // has stopped scrolling; give it that time and more.
    await settled(page);
    await page.waitForTimeout(600);
    expect(await first.evaluate((card) => card.contains(document.activeElement))).toBe(false);
    await fillCheckin(first, ['9', '6', '4', '3'], 'Eerste contacten met twee jeugdbewegingen.');
    await page
      .getByText(/de cijfers zijn bewaard/)
      .last()
      .waitFor();

    // A year after the start (clock moved a year ahead): the moment still owed arrives, once.
    const cards = page
      .locator('.webchat__basic-transcript__activity')
      .filter({ has: page.locator('button.ac-pushButton', { hasText: 'Bewaar de cijfers' }) });
    const yearLater = sendTimeFor(addMonths(start, 12));
    expect(await moveClock(new Date(yearLater.getTime() + 60 * 60_000))).toMatchObject({
      sent: 1,
    });
    await eventually(async () => ((await cards.count()) === 2 ? true : undefined));
    const second = cards.last();
    await shoot('followup-checkin', second);
    await fillCheckin(
      second,
      ['21', '15', '11', '7'],
      'Drie werkingen passen hun inschrijving aan.',
    );
    await page
      .getByText(/de cijfers zijn bewaard/)
      .nth(1)
      .waitFor();

    // The summary card's follow-up block, as the team sees it in the chat.
    const box = page.getByRole('textbox', { name: /berichtinvoer|message input/i });
    await box.fill('samenvatting');
    await box.press('Enter');
    const summaries = page
      .locator('.webchat__basic-transcript__activity')
      .filter({ hasText: 'Opvolging: de cijfers' });
    await summaries.last().waitFor();
    const block = summaries.last().getByText('Opvolging: de cijfers');
    await shoot('followup-summary', block);
    expect(problems).toEqual([]);
    // The plan tab: the figures over time against the plan's own expectations. (Outside Teams,
    // TeamsJS tries its CDN, which the tab's CSP blocks on purpose: only script errors count.)
    problems.length = 0;
    await page.goto(`${bot.url}${planTabPath(planKey('webchat', session.conversationId))}`);
    const section = page.locator('section.progress');
    await section.waitFor();
    expect(await section.locator('svg rect.bar').count()).toBeGreaterThanOrEqual(6);
    await expect(section.textContent()).resolves.toContain('geen norm');
    await shoot('followup-tab-progress', section);
    expect(problems.filter((p) => p.startsWith('page error'))).toEqual([]);
  });

  async function fillCheckin(card: Locator, counts: string[], note: string): Promise<void> {
    const numbers = card.locator('input[type="number"]');
    for (let i = 0; i < counts.length; i++) await numbers.nth(i).fill(counts[i]!);
    await card.locator('textarea').fill(note);
    await card.locator('button.ac-pushButton', { hasText: 'Bewaar de cijfers' }).click();
  }
});
