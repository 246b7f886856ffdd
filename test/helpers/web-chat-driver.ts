import type { Locator, Page } from 'playwright-core';

/** One entry in Web Chat's transcript (its screen-reader live-region copies are not). */
export const ACTIVITY = '.webchat__basic-transcript__activity';
/** Buttons that move the guide on: "Bewaar en ga verder" / "Bewaar en toon het plan". */
export const FORWARD = /Bewaar en (ga verder|toon het plan)|Save and (continue|show the plan)/;

/** Re-reads `read` until `ok` holds: Web Chat renders asynchronously after each activity. */
export async function until<T>(
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read().catch(() => undefined);
    if (value !== undefined && ok(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`not reached in ${timeoutMs} ms; last value: ${String(value)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
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

  /** Does `act`, then waits for a new card (with `button`, if given) and returns it. */
  async nextCard(act: () => Promise<void>, button?: string | RegExp): Promise<Locator> {
    const all = this.cards(button);
    const before = await all.count();
    await act();
    await until(
      () => all.count(),
      (n) => n > before,
    );
    const card = all.nth(before);
    // Adaptive Cards render in one go; the card is complete once its buttons are there.
    await card.locator('.ac-adaptiveCard').first().waitFor();
    return card;
  }

  press(card: Locator, button: string | RegExp): Promise<void> {
    return card.locator('button.ac-pushButton', { hasText: button }).first().click();
  }

  sendBox(): Locator {
    return this.page.getByRole('textbox', { name: /berichtinvoer|message input/i });
  }

  async sendText(text: string): Promise<void> {
    await this.sendBox().fill(text);
    await this.sendBox().press('Enter');
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
   * Opens every "Uitleg en bron" section of a step card, so the scan sees the help too. One
   * click each, in the page: the keyboard test presses a toggle the way a person does.
   */
  async openHelp(card: Locator): Promise<number> {
    return card.evaluate((c) => {
      const toggles = [...c.querySelectorAll<HTMLButtonElement>('button[aria-controls]')];
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
      const min = Number((await num.getAttribute('min')) ?? 0);
      if (!(await num.inputValue())) await num.fill(String(Math.max(min, 4)));
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
    for (const select of await card.locator('select').all())
      if (!(await select.inputValue())) await select.selectOption({ index: 1 });
  }
}
