import type { Locator, Page } from 'playwright-core';
import { startBot, type RunningBot } from '../helpers/bot-server';
import { join } from 'node:path';
import { launchChromium, SHOTS, type Browser } from '../helpers/chromium';
import { until } from '../helpers/until';
import { FORWARD, WebChatDriver } from '../helpers/web-chat-driver';

const ORG = 'Gemeente Toetsenbord';
const QUESTION = 'wat telt als een geslaagde toeleiding?';

interface Stop {
  what: string;
  visible: boolean;
  how: string;
}

/**
 * Where the focus is, and whether a sighted keyboard user can see it: an outline or a box
 * shadow on the focused element, or, for Web Chat's transcript (which uses
 * aria-activedescendant), the border Web Chat draws around the active message. The element
 * must also be on screen.
 */
function focusStop(page: Page): Promise<Stop> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const cs = getComputedStyle(el);
    const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40);
    const kind =
      el instanceof HTMLInputElement ? `${el.type} input` : el.getAttribute('role') || el.tagName;
    const hows: string[] = [];
    // An outline drawn outside the element can be cut off by ancestors that hide overflow. A
    // ring cut at one edge (a field at the bottom of the transcript) still shows; one cut at two
    // or more (a link inside its line, a button filling its row) does not count.
    const ring = parseFloat(cs.outlineWidth) + parseFloat(cs.outlineOffset);
    const box = el.getBoundingClientRect();
    const cut = new Set<string>();
    let clipper = '';
    for (let a = el.parentElement; a; a = a.parentElement) {
      const o = getComputedStyle(a);
      if (!/hidden|clip/.test(o.overflowX + o.overflowY)) continue;
      const c = a.getBoundingClientRect();
      const sides = [
        box.left - ring < c.left - 0.5 && 'left',
        box.right + ring > c.right + 0.5 && 'right',
        box.top - ring < c.top - 0.5 && 'top',
        box.bottom + ring > c.bottom + 0.5 && 'bottom',
      ].filter((side): side is string => !!side);
      sides.forEach((side) => cut.add(side));
      if (sides.length && !clipper)
        clipper = `${String(a.className).slice(0, 40)} (${sides.join(', ')})`;
    }
    const seen = (color: string) => !/transparent|rgba\(.*, 0\)$/.test(color);
    if (
      cs.outlineStyle !== 'none' &&
      parseFloat(cs.outlineWidth) >= 2 &&
      seen(cs.outlineColor) &&
      cut.size < 2
    )
      hows.push(`outline ${cs.outlineWidth} ${cs.outlineStyle} ${cs.outlineColor}`);
    if (cs.boxShadow !== 'none') hows.push(`box-shadow ${cs.boxShadow}`);
    if (el.matches('.webchat__basic-transcript')) {
      const indicator = document.querySelector(
        '.webchat__basic-transcript__activity-indicator--focus',
      );
      const ics = indicator && getComputedStyle(indicator);
      if (ics && ics.borderStyle !== 'none' && parseFloat(ics.borderWidth) >= 1)
        hows.push(`message border ${ics.borderWidth} ${ics.borderStyle} ${ics.borderColor}`);
    }
    const r = box;
    const onScreen = r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
    return {
      what: `${kind} "${name}"`,
      visible: hows.length > 0 && onScreen,
      how: `${hows.join(', ') || `nothing visible${clipper ? ` (outline cut off by ${clipper})` : ''}`}${onScreen ? '' : `, off screen at y=${Math.round(r.top)}..${Math.round(r.bottom)}`}`,
    };
  });
}

describe('Brugbot with the keyboard only', () => {
  let bot: RunningBot;
  let browser: Browser | undefined;
  let page: Page;
  const path: string[] = [];

  beforeAll(async () => {
    bot = await startBot();
    browser = await launchChromium({ width: 1280, height: 900 });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
  });

  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
  });

  /** Presses a key and checks that the focus it lands on can be seen. */
  const press = async (key: string): Promise<Stop> => {
    await page.keyboard.press(key);
    const stop = await focusStop(page);
    path.push(`${key} → ${stop.what}: ${stop.how}`);
    expect(stop.visible ? 'visible' : `unseen: ${key} → ${stop.what} (${stop.how})`).toBe(
      'visible',
    );
    return stop;
  };
  /**
   * Presses Enter on a button or the message box that sends something: the answer scrolls the
   * transcript while it arrives, so the focus is checked again once it has moved to the answer.
   */
  const send = async (): Promise<void> => {
    await page.keyboard.press('Enter');
    path.push(`Enter → (sent)`);
  };
  const focused = async () =>
    (await page.evaluateHandle(() => document.activeElement!)).asElement();
  /** After a card arrives, the focus is in it, on an element that matches `selector`. */
  const focusArrivesIn = async (card: Locator, selector: string): Promise<void> => {
    await until(
      () =>
        card.evaluate(
          (c, sel) => c.contains(document.activeElement) && document.activeElement!.matches(sel),
          selector,
        ),
      (yes) => yes,
    );
    const stop = await focusStop(page);
    path.push(`(card arrives) → ${stop.what}: ${stop.how}`);
    expect(stop.visible ? 'visible' : `unseen: ${stop.what} (${stop.how})`).toBe('visible');
  };

  /**
   * Tabs through a step card to its forward button, answering on the way: text is typed, a radio
   * group gets the arrow keys, the first box of a checkbox group Space, and the first help
   * toggle is opened with Space and checked with Shift+Tab and Tab.
   */
  const answerStepCard = async (card: Locator): Promise<Record<string, string>> => {
    const chosen: Record<string, string> = {};
    const groups = new Set<string>();
    let helpOpened = false;
    for (let stops = 0; stops < 60; stops++) {
      const el = await focused();
      const info = await el.evaluate((e) => ({
        tag: e.tagName,
        type: (e as HTMLInputElement).type,
        name: (e as HTMLInputElement).name || e.closest('[id^="q_"]')?.id || '',
        value: (e as HTMLInputElement).value,
        text: e.textContent?.trim() ?? '',
        expanded: e.getAttribute('aria-expanded'),
        role: e.getAttribute('role'),
      }));
      if (info.tag === 'BUTTON' && FORWARD.test(info.text)) return chosen;
      if ((info.type === 'text' || info.tag === 'TEXTAREA') && !info.value) {
        await page.keyboard.type(info.name.includes('orgName') ? ORG : 'Per toetsenbord ingevuld');
      } else if (info.type === 'radio' && !groups.has(info.name)) {
        groups.add(info.name);
        await press('ArrowDown');
        chosen[info.name] = await page.evaluate(
          () => (document.activeElement as HTMLInputElement).value,
        );
      } else if (info.type === 'checkbox' && !groups.has(info.name)) {
        groups.add(info.name);
        await press('Space');
        chosen[info.name] = info.value;
      } else if (info.role === 'button' && info.expanded === 'false' && !helpOpened) {
        helpOpened = true;
        await press('Space');
        expect(await el.evaluate((e) => e.getAttribute('aria-expanded'))).toBe('true');
        await press('Shift+Tab');
        await press('Tab');
        expect(await el.evaluate((e) => e === document.activeElement)).toBe(true);
      }
      await press('Tab');
    }
    throw new Error(`no forward button reached in ${card.toString()}`);
  };

  it('walks step 1 and asks a quick question with Tab, Shift+Tab, Space, Enter and arrows', async () => {
    const chat = new WebChatDriver(page);
    await chat.open(`${bot.url}/`);

    // Skip link, into the conversation, past Web Chat's keyboard help, onto the transcript.
    expect((await press('Tab')).what).toContain('Naar het gesprek');
    await press('Enter');
    let stop = await press('Tab');
    for (let i = 0; i < 3 && !stop.what.startsWith('group'); i++) stop = await press('Tab');
    expect(stop.what).toMatch(/^group "Chatgeschiedenis/);
    // Enter goes into the newest message (the welcome card); Tab to its start button.
    await press('Enter');
    for (let i = 0; i < 5 && !/Start de gids/.test(stop.what); i++) stop = await press('Tab');
    expect(stop.what).toContain('Start de gids');

    // Every card of step 1 (one or more, depending on the route), until step 2 arrives.
    const progress = (card: Locator) => card.locator('.ac-textBlock').first().innerText();
    let card = await chat.nextCard(send, FORWARD);
    await focusArrivesIn(card, 'input, textarea');
    await page.screenshot({ path: join(SHOTS, 'keyboard-step-card-focus.png') });
    const chosen: Record<string, string> = {};
    for (let cards = 0; cards < 5 && /^Stap 1 van 6/.test(await progress(card)); cards++) {
      Object.assign(chosen, await answerStepCard(card));
      card = await chat.nextCard(send, FORWARD);
      await focusArrivesIn(card, 'input, textarea');
    }
    expect(await progress(card)).toMatch(/^Stap 2 van 6/);

    // What was typed and chosen by keyboard is what the plan holds.
    const { conversationId } = JSON.parse(
      (await page.evaluate(() => sessionStorage.getItem('brugbot.directLine'))) ?? '{}',
    ) as { conversationId: string };
    const key = `plan/webchat/${conversationId}`;
    const plan = (await bot.app.storage.read([key]))[key] as {
      answers: Record<string, { value: unknown }>;
    };
    expect(plan.answers.orgName?.value).toBe(ORG);
    for (const [input, value] of Object.entries(chosen)) {
      const answer = plan.answers[input.replace(/^q_/, '')]?.value;
      expect(Array.isArray(answer) ? answer : [answer]).toContain(value);
    }

    // A quick question: Escape leaves the card, Tab reaches the message box.
    await press('Escape');
    for (let i = 0; i < 4 && !/berichtinvoer/.test(stop.what); i++) stop = await press('Tab');
    expect(stop.what).toContain('berichtinvoer');
    await page.keyboard.type(QUESTION);
    const answer = await chat.nextCard(send);
    await focusArrivesIn(answer, '[role="heading"], .ac-adaptiveCard, input');
    await page.screenshot({ path: join(SHOTS, 'keyboard-answer-focus.png') });
    await expect(answer.textContent()).resolves.toContain('Bron');

    console.log(`keyboard path (${path.length} stops):\n  ${path.join('\n  ')}`);
  });
});
