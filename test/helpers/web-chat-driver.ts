import type { Locator, Page } from 'playwright-core';
import { until } from './until';

/** One entry in Web Chat's transcript (its screen-reader live-region copies are not). */
export const ACTIVITY = '.webchat__basic-transcript__activity';
/** Buttons that move the guide on: "Bewaar en ga verder" / "Bewaar en toon het plan". */
export const FORWARD = /Bewaar en (ga verder|toon het plan)|Save and (continue|show the plan)/;

/**
 * Waits until the focus is in a transcript entry at index `from` or later: the page has moved it
 * into the reply (and scrolled the reply's top into view), so the next key or click lands where a
 * person would aim it.
 */
export async function focusInReplyAfter(page: Page, from: number): Promise<void> {
  await until(
    () =>
      page.evaluate(
        ({ selector, from }) => {
          const entries = [...document.querySelectorAll(selector)];
          return entries.findIndex((e) => e.contains(document.activeElement)) >= from;
        },
        { selector: ACTIVITY, from },
      ),
    Boolean,
  );
}

/** Drives the Web Chat page the way a person does: through what is on screen. */
export class WebChatDriver {
  constructor(readonly page: Page) {}

  /** Transcript entries that hold an Adaptive Card, optionally one with this button. */
  cards(button?: string | RegExp): Locator {
    const cards = this.page
      .locator(ACTIVITY)
      .filter({ has: this.page.locator('.ac-adaptiveCard') });
    return button
      ? cards.filter({ has: this.page.locator('button.ac-pushButton', { hasText: button }) })
      : cards;
  }

  /**
   * Does `act`, then waits for a new card (with `button`, if given) and returns it once the page
   * has finished with it as a person sees it: rendered, and the focus moved into the reply. The
   * page moves the focus (and scrolls the card's top into view) 150 ms after a reply lands; a key
   * or click sent before that could land on the old spot, and the move would undo it.
   */
  async nextCard(act: () => Promise<void>, button?: string | RegExp): Promise<Locator> {
    // Counted over all cards: an answered card turns into a receipt in place and loses its buttons.
    const all = this.cards();
    const before = await all.count();
    const entriesBefore = await this.page.locator(ACTIVITY).count();
    await act();
    const index = await until(
      async () => {
        const n = await all.count();
        for (let i = before; i < n; i++) {
          const has = all.nth(i).locator('button.ac-pushButton', { hasText: button ?? /./ });
          if (!button || (await has.count()) > 0) return i;
        }
        return -1;
      },
      (i) => i >= 0,
    );
    const card = all.nth(index);
    // Adaptive Cards render in one go; the card is complete once its buttons are there.
    await card.locator('.ac-adaptiveCard').first().waitFor();
    await focusInReplyAfter(this.page, entriesBefore);
    return card;
  }

  /**
   * Waits until the transcript shows every message the channel holds for this conversation: after
   * a reload, Web Chat replays the conversation, and typing or clicking during the replay races
   * with cards still landing.
   */
  async replayed(): Promise<void> {
    const origin = new URL(this.page.url()).origin;
    const session = await this.page.evaluate(() => sessionStorage.getItem('brugbot.directLine'));
    const { conversationId, token } = JSON.parse(session ?? '{}') as {
      conversationId: string;
      token: string;
    };
    const res = await fetch(
      `${origin}/v3/directline/conversations/${conversationId}/activities?watermark=`,
      { headers: { Authorization: `Bearer ${token}` } },
    );
    type Entry = { type: string; text?: string; attachments?: unknown[]; value?: unknown };
    const { activities } = (await res.json()) as { activities: Entry[] };
    // A card submit is a message with only a value: Web Chat does not show it.
    const shown = (a: Entry) => a.type === 'message' && (!!a.text || !!a.attachments?.length);
    const messages = activities.filter(shown).length;
    await until(
      () => this.page.locator(ACTIVITY).count(),
      (n) => n >= messages,
    );
  }

  press(card: Locator, button: string | RegExp): Promise<void> {
    return card.locator('button.ac-pushButton', { hasText: button }).first().click();
  }

  sendBox(): Locator {
    return this.page.getByRole('textbox', { name: /berichtinvoer|message input/i });
  }

  /**
   * Types a message and sends it. Web Chat empties the box once it takes the message; a card
   * landing at that moment can take the focus and swallow the key, so Enter is pressed again
   * until the box is empty.
   */
  async sendText(text: string): Promise<void> {
    const box = this.sendBox();
    const mine = this.page
      .locator(ACTIVITY)
      .filter({ has: this.page.locator('.webchat__stacked-layout--from-user'), hasText: text });
    const before = await mine.count();
    await box.fill(text);
    await box.press('Enter');
    await until(async () => {
      if ((await box.inputValue()) === '') return true;
      await box.press('Enter');
      return false;
    }, Boolean);
    // Sent is when the message stands in the transcript, as the person sees it.
    await until(
      () => mine.count(),
      (n) => n > before,
    );
  }

  /** Waits for the welcome card and for Web Chat's passing "Verbinding maken…" notice to go. */
  async open(url: string): Promise<Locator> {
    await this.page.goto(url);
    const welcome = this.cards(/Start de gids|Start the guide/).last();
    await welcome.waitFor();
    await this.page
      .getByText(/Verbinding maken|Connecting/)
      .first()
      .waitFor({ state: 'hidden' });
    return welcome;
  }

  /**
   * Opens every collapsed section of a card ("Uitleg en bron", "Vragen en overzicht", a step of
   * the summary), so the scan sees it too. One click each, in the page: the keyboard test
   * presses a toggle the way a person does.
   */
  async openHelp(card: Locator): Promise<number> {
    return card.evaluate((c) => {
      const toggles = [
        ...c.querySelectorAll<HTMLElement>('[aria-controls][aria-expanded="false"]'),
      ];
      toggles.forEach((b) => b.click());
      return toggles.length;
    });
  }

  /** Fills what is still empty with ordinary answers, as a colleague would. */
  async fill(card: Locator): Promise<void> {
    for (const box of await card.locator('input[type="text"]').all())
      if (!(await box.inputValue())) await box.fill('Gemeente Voorbeeld');
    for (const area of await card.locator('textarea').all())
      if (!(await area.inputValue())) await area.fill('We willen kinderen in de wijk bereiken.');
    for (const num of await card.locator('input[type="number"]').all()) {
      if (await num.inputValue()) continue;
      // The range is in the input's attributes or in the hint under it ("Een getal van 10 tot 400").
      const hint = await num.evaluate((el) => el.closest('.ac-container')?.textContent ?? '');
      const min = Number((await num.getAttribute('min')) ?? /van (\d+) tot/.exec(hint)?.[1] ?? 1);
      await num.fill(String(min));
    }
    for (const date of await card.locator('input[type="date"]').all())
      if (!(await date.inputValue())) await date.fill('2027-03-01');
    const groups = new Set<string>();
    for (const radio of await card.locator('input[type="radio"]').all()) {
      const name = (await radio.getAttribute('name')) ?? '';
      if (groups.has(name)) continue;
      groups.add(name);
      if (!(await card.locator(`input[type="radio"][name="${name}"]:checked`).count()))
        await radio.check();
    }
    const boxes = new Set<string>();
    for (const box of await card.locator('input[type="checkbox"]').all()) {
      const name = (await box.getAttribute('name')) ?? '';
      if (boxes.has(name)) continue;
      boxes.add(name);
      if (!(await card.locator(`input[type="checkbox"][name="${name}"]:checked`).count()))
        await box.check();
    }
    for (const select of await card.locator('select').all())
      if (!(await select.inputValue())) await select.selectOption({ index: 1 });
  }
}
