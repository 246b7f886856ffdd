import path from 'node:path';
import { ConnectorClient, MicrosoftAppCredentials } from 'botframework-connector';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { launchChromium, SHOTS, type Browser } from '../helpers/chromium';
import { startBot, type RunningBot } from '../helpers/bot-server';
import { until } from '../helpers/until';
import { WebChatDriver } from '../helpers/web-chat-driver';

const NAME = 'Gemeente Voorbeeld';
const NOTE = 'We willen kinderen in de wijk beter bereiken.';
const QUESTION = 'wat telt als een geslaagde toeleiding?';

type Session = { conversationId: string; token: string };

describe('Brugbot in the real Web Chat, offline', () => {
  let bot: RunningBot;
  let context: BrowserContext;
  let page: Page;
  let browser: Browser | undefined;
  const requests: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    bot = await startBot();
    browser = await launchChromium({ width: 1024, height: 900 });
    context = browser.context;
    page = context.pages()[0] ?? (await context.newPage());
    page.on('request', (r) => requests.push(r.url()));
    page.on('websocket', (ws) => requests.push(ws.url()));
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.text().startsWith('CSP')) problems.push(`console: ${m.text()}`);
    });
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) =>
        console.log(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
      ),
    );
  });

  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
  });

  /** The newest transcript entry holding a card with this button (live-region copies excluded). */
  const cardWith = (button: string | RegExp): Locator =>
    new WebChatDriver(page).cards(button).last();
  /** Does `act`, then waits for a new card with `button`, rendered and focused, and returns it. */
  const newCardWith = (button: string | RegExp, act: () => Promise<void>): Promise<Locator> =>
    new WebChatDriver(page).nextCard(act, button);
  const press = (card: Locator, button: string | RegExp) =>
    card.locator('button.ac-pushButton', { hasText: button }).first().click();
  const session = async (): Promise<Session> =>
    JSON.parse(
      (await page.evaluate(() => sessionStorage.getItem('brugbot.directLine'))) ?? '{}',
    ) as Session;
  const sendText = (text: string) => new WebChatDriver(page).sendText(text);

  it('walks the guide, answers a question, resumes after a reload and updates a card in place', async () => {
    await page.goto(`${bot.url}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('nl-BE');
    await expect(page.title()).resolves.toContain('Brugbot');
    const welcome = cardWith('Start de gids');
    await welcome.waitFor();
    await expect(welcome.textContent()).resolves.toContain('Welkom bij Brugbot');
    // Web Chat shows "Verbinding maken…" for a moment after the first activity; wait it out.
    await page
      .getByText(/Verbinding maken/)
      .first()
      .waitFor({ state: 'hidden' });
    expect(await page.locator('#chat-status').isHidden()).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'web-chat-welcome.png') });
    const first = await session();
    expect(first.conversationId).toEqual(expect.any(String));

    // Step 1: typed answers, as a person would fill them in.
    const step = await newCardWith('Bewaar en ga verder', () => press(welcome, 'Start de gids'));
    await step.locator('input[type="text"]').first().fill(NAME);
    await step.locator('input[type="radio"]').first().check();
    await step.locator('input[type="checkbox"]').nth(0).check();
    await step.locator('input[type="checkbox"]').nth(1).check();
    await step.locator('textarea').first().fill(NOTE);
    // The step card is taller than a laptop screen; a tall window shows all of it at once.
    await page.setViewportSize({ width: 1024, height: 1500 });
    await step.locator('textarea').first().blur();
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(SHOTS, 'web-chat-step.png') });
    await page.setViewportSize({ width: 1024, height: 900 });
    // The next card offers "Vorige"; going back shows step 1 again with the answers kept.
    const next = await newCardWith('Vorige', () => press(step, 'Bewaar en ga verder'));
    const again = await newCardWith('Bewaar en ga verder', () => press(next, 'Vorige'));
    await expect(again.locator('input[type="text"]').first().inputValue()).resolves.toBe(NAME);
    await expect(again.locator('textarea').first().inputValue()).resolves.toBe(NOTE);

    // A quick question in free text gets an answer with its source.
    const botMessages = page.locator('.webchat__basic-transcript__activity');
    const before = await botMessages.count();
    await sendText(QUESTION);
    await until(
      () => botMessages.count(),
      (n) => n > before + 1,
    );
    await until(
      () => botMessages.last().textContent(),
      (text) => /Bron/.test(text ?? ''),
    );

    // Reload: the same conversation comes back, with the question and the cards replayed.
    await page.reload();
    await page
      .locator('.webchat__basic-transcript__activity', { hasText: QUESTION })
      .first()
      .waitFor();
    expect(await session()).toMatchObject({ conversationId: first.conversationId });
    await new WebChatDriver(page).replayed();
    const resumed = await newCardWith('Bewaar en ga verder', () => sendText('start'));
    await expect(resumed.locator('input[type="text"]').first().inputValue()).resolves.toBe(NAME);

    // The bot replaces a card (Connector update, as `context.updateActivity` sends it): Web Chat
    // swaps it in place, so the old welcome card is gone and the new text is where it was.
    const { conversationId, token } = await session();
    const activities = (await (
      await fetch(
        `${bot.url}/v3/directline/conversations/${conversationId}/activities?watermark=`,
        { headers: { Authorization: `Bearer ${token}` } },
      )
    ).json()) as {
      activities: { id: string; attachments?: { content: { fallbackText?: string } }[] }[];
    };
    const welcomeId = activities.activities.find((a) =>
      a.attachments?.[0]?.content.fallbackText?.includes('Welkom'),
    )!.id;
    const connector = new ConnectorClient(MicrosoftAppCredentials.Empty, {
      baseUri: `${bot.url}/`,
    });
    await connector.conversations.updateActivity(conversationId, welcomeId, {
      id: welcomeId,
      type: 'message',
      text: 'Deze kaart werd bijgewerkt.',
    });
    await page
      .locator('.webchat__basic-transcript__activity', { hasText: 'Deze kaart werd bijgewerkt.' })
      .waitFor();
    await expect(
      page
        .locator('.webchat__basic-transcript__activity', { hasText: 'Welkom bij Brugbot' })
        .count(),
    ).resolves.toBe(0);

    // English switch: page language, Web Chat's locale and the bot's language follow.
    await page.getByRole('button', { name: 'Switch to English' }).click();
    expect(await page.getAttribute('html', 'lang')).toBe('en-US');
    await page
      .locator('.webchat__basic-transcript__activity', {
        hasText: 'I will speak English with you from now on.',
      })
      .waitFor();
    await page
      .locator('.webchat__basic-transcript__activity', { hasText: 'Welcome to Brugbot' })
      .waitFor();
    await expect(
      page.getByRole('textbox', { name: /message input/i }).getAttribute('placeholder'),
    ).resolves.toContain('Type a question');

    // A phone: 375 px wide, nothing sideways.
    await page.setViewportSize({ width: 375, height: 812 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(SHOTS, 'web-chat-375.png') });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      375,
    );

    const outside = requests.filter(
      (u) =>
        !/^(?:https?|wss?):\/\/(?:127\.0\.0\.1|localhost)(?::\d+)?\//.test(u) &&
        !/^(?:data|blob):/.test(u),
    );
    expect(outside).toEqual([]);
    expect(requests.some((u) => u.startsWith('ws://127.0.0.1'))).toBe(true);
    expect(problems).toEqual([]);
  });
});
