import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describeFindings, scan } from '../helpers/axe';
import { launchChromium, SHOTS, watchProblems, type Browser } from '../helpers/chromium';
import { startBot, type RunningBot } from '../helpers/bot-server';
import { Conversations, KOEN, ZOE } from '../insight/conversations';

const TEAMS_JS_ORIGIN_LIST =
  'https://res.cdn.office.net/teams-js/validDomains/json/validDomains.json';

/** Where the lead finds the screenshots of the page after these conversations. */
const LEAD_SHOTS = process.env.INSIGHT_SHOTS;

const DECLINED = 'Mag ik een springkasteel huren voor het speelplein?';
const ANSWERED = [
  'wat telt als een geslaagde toeleiding?',
  'Wat doet de steungroep?',
  'hoeveel toeleidingen per jaar is realistisch',
];

/** A morning of use: plans stopping at several steps, questions, feedback in both channels. */
async function realisticUse(talk: Conversations): Promise<void> {
  await talk.walk(talk.open({ user: ZOE }));
  await talk.walk(talk.open({ user: KOEN, channelId: 'webchat' }));
  for (const stop of [2, 2, 3, 4]) await talk.walk(talk.open({ user: KOEN }), stop);
  for (let i = 0; i < 4; i++) {
    const chat = talk.open({ user: i % 2 ? ZOE : KOEN, channelId: 'webchat' });
    await talk.say(chat, chat.message(DECLINED));
    const [answer] = await talk.say(chat, chat.message(ANSWERED[i % ANSWERED.length]!));
    const data = /"data":(\{"verb":"answer\.feedback"[^}]*\})/g;
    const [yes, no] = [...JSON.stringify(answer).matchAll(data)].map((m) => JSON.parse(m[1]!));
    await talk.say(chat, chat.submit(i === 3 ? no : yes));
  }
}

describe('the /insight page after a realistic set of conversations', () => {
  let bot: RunningBot;
  let browser: Browser | undefined;
  let page: Page;
  let problems: string[] = [];

  beforeAll(async () => {
    bot = await startBot();
    await realisticUse(new Conversations(bot));
    if (LEAD_SHOTS) {
      // The stored counters as they are, for the hand-over: nothing in them names anyone.
      const keys = await bot.app.storage.listKeys('insight/');
      const docs = await bot.app.storage.read(keys);
      fs.writeFileSync(
        path.join(LEAD_SHOTS, 'stored-insight-documents.json'),
        JSON.stringify(docs, null, 2),
      );
    }
    browser = await launchChromium({ width: 1280, height: 900 });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    problems = await watchProblems(page);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
  });

  async function open(query: string): Promise<void> {
    await page.goto(`${bot.url}/insight${query}`);
    await page
      .getByRole('status')
      .filter({ hasText: /Cijfers van|Figures from/ })
      .waitFor();
  }

  async function shoot(name: string): Promise<void> {
    const file = path.join(SHOTS, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    if (LEAD_SHOTS) fs.copyFileSync(file, path.join(LEAD_SHOTS, `${name}.png`));
  }

  for (const [width, height] of [
    [1280, 900],
    [390, 844],
  ] as const) {
    it(`passes axe at ${width}×${height}, in Dutch and English, with the tables open`, async () => {
      await page.setViewportSize({ width, height });
      for (const lang of ['nl', 'en']) {
        await open(`?lang=${lang}`);
        expect(await page.getAttribute('html', 'lang')).toBe(lang);
        await shoot(`insight-${lang}-${width}x${height}`);
        for (const summary of await page.locator('summary').all()) await summary.click();
        await shoot(`insight-${lang}-${width}x${height}-tables`);
        const result = await scan(page);
        expect(describeFindings('insight', result.violations)).toEqual([]);
      }
      // TeamsJS asks Microsoft's CDN for its allowed origins; the CSP refuses it, as on the tab.
      expect(problems.filter((p) => !p.includes(TEAMS_JS_ORIGIN_LIST))).toEqual([]);
    }, 60_000);
  }

  it('shows the funnel, the declined question and the feedback as tables too', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await open('?lang=nl');
    const funnel = page.locator('#funnel-table');
    expect(await funnel.locator('tbody tr').count()).toBe(6);
    expect(await funnel.locator('tbody tr').first().locator('td').first().textContent()).toBe('6');
    expect(await page.locator('#declined').textContent()).toContain(
      'mag ik een springkasteel huren voor het speelplein',
    );
    expect(await page.locator('#feedback-summary').textContent()).toBe(
      '3 keer nuttig, 1 keer niet nuttig.',
    );
    for (const id of ['funnel-chart', 'time-chart', 'questions-chart', 'feedback-chart'])
      expect(await page.locator(`#${id}`).getAttribute('aria-label')).toBeTruthy();
  });

  it('can be used with the keyboard alone: skip link, range, and every table', async () => {
    await open('?lang=nl');
    const stops: string[] = [];
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        const style = el ? getComputedStyle(el) : undefined;
        return {
          what: `${el?.tagName.toLowerCase()} ${el?.id || el?.textContent?.trim().slice(0, 30)}`,
          visible: Boolean(style && style.outlineStyle !== 'none' && style.outlineWidth !== '0px'),
        };
      });
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      const stop = await focused();
      stops.push(`${stop.what}${stop.visible ? '' : ' (no visible focus)'}`);
    }
    expect(stops.filter((s) => s.endsWith('(no visible focus)'))).toEqual([]);
    expect(stops[0]).toBe('a Naar de cijfers');
    expect(stops).toEqual(
      expect.arrayContaining(['input from', 'input to', 'button Toon', 'summary Toon als tabel']),
    );
    // Open the funnel's table with Enter, and ask again with Enter on "Toon".
    await page.locator('summary').first().focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('details').first().getAttribute('open')).not.toBeNull();
    await page.getByRole('button', { name: 'Toon' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Cijfers van' }).waitFor();
  });
});
