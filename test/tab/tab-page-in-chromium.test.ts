import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium, SHOTS, watchProblems, type Browser } from '../helpers/chromium';
import { startBot, type RunningBot } from '../helpers/bot-server';
import { ACTOR, filledPlan, plausibleValue } from '../helpers/plans';
import { planAnsweredBy, seed } from './seed-plans';
import { planRef } from '../../src/tab';

const TEAMS_JS_ORIGIN_LIST =
  'https://res.cdn.office.net/teams-js/validDomains/json/validDomains.json';

describe('the plan tab in a plain browser (outside Teams, local mode)', () => {
  let bot: RunningBot;
  let context: BrowserContext;
  let page: Page;
  let browser: Browser | undefined;
  const requests: string[] = [];
  let problems: string[] = [];

  beforeAll(async () => {
    bot = await startBot();
    // The actor's name carries markup on purpose: the page must show it as text.
    await seed(bot.app.storage, {
      'plan/webchat/full-plan': {
        ...filledPlan(plausibleValue),
        updatedAt: '2026-11-23T12:00:00.000Z',
      },
      'plan/webchat/older-plan': planAnsweredBy(
        { id: 'aad-bram', name: 'Bram Claes' },
        'Gemeente Ouder',
        new Date('2026-11-20T09:00:00Z'),
      ),
    });
    browser = await launchChromium({ width: 1000, height: 900 });
    context = browser.context;
    page = context.pages()[0] ?? (await context.newPage());
    page.on('request', (r) => requests.push(r.url()));
    problems = await watchProblems(page);
  });

  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
  });

  it('falls back from Teams, renders the newest plan readably and switches plans and language', async () => {
    await page.goto(`${bot.url}/tab?lang=en`);
    const planTitle = page.getByRole('heading', { level: 2 });
    await planTitle.filter({ hasText: 'Gemeente Voorbeeld' }).waitFor({ timeout: 15_000 });

    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Connection ambassador plan',
    );
    expect(
      await page
        .getByRole('main')
        .getByRole('heading', { level: 3, name: /^Step \d: / })
        .count(),
    ).toBe(6);
    expect(
      await page.getByRole('navigation', { name: 'The six steps' }).getByRole('link').count(),
    ).toBe(6);
    await expect(
      page.getByRole('heading', { level: 3, name: 'Advice on your answers' }).isVisible(),
    ).resolves.toBe(true);
    // Markup in a name stays text: no <b> element, the characters are shown as typed.
    expect(await page.locator('#plan-view b').count()).toBe(0);
    await expect(page.locator('#plan-view').textContent()).resolves.toContain(ACTOR.name);
    await expect(page.locator('#mode-note').isVisible()).resolves.toBe(true);

    await page.screenshot({ path: path.join(SHOTS, 'tab-plan.png'), fullPage: false });
    await page
      .locator('section.advice')
      .screenshot({ path: path.join(SHOTS, 'tab-plan-advice.png') });

    // The document is made on the click and its download starts at once.
    const started = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download as Word (.docx)' }).click();
    expect((await started).suggestedFilename()).toMatch(/\.docx$/);
    const download = page.getByRole('link', { name: 'The Word document' });
    await download.waitFor();
    expect(await download.getAttribute('href')).toMatch(/^\/download\//);
    await expect(download.evaluate((a) => a === document.activeElement)).resolves.toBe(true);
    const markdown = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download as Markdown (.md)' }).click();
    expect((await markdown).suggestedFilename()).toMatch(/\.md$/);

    // Keyboard, on a fresh load: the skip link comes first and lands on the plan.
    await page.goto(page.url());
    await planTitle.filter({ hasText: 'Gemeente Voorbeeld' }).waitFor();
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
      'Skip to the plan',
    );
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('plan');

    const picker = page.getByLabel('Plan', { exact: true });
    expect(await picker.locator('option').count()).toBe(2);
    await picker.selectOption({ index: 1 });
    await planTitle.filter({ hasText: 'Gemeente Ouder' }).waitFor();
    // The address bar names the plan by its hashed ref, never by conversation id (issue 28).
    const chosen = new URL(page.url()).searchParams;
    expect(chosen.get('plan')).toBe(planRef('plan/webchat/older-plan'));
    expect(page.url()).not.toContain('older-plan');

    await page.getByRole('link', { name: 'Schakel over naar Nederlands' }).click();
    await page.getByRole('heading', { level: 1, name: 'Plan verbindingsambassadeur' }).waitFor();
    await planTitle.filter({ hasText: 'Gemeente Ouder' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('nl');

    // The steering note's local link opens that one plan; an unknown or foreign one shows nothing.
    await page.goto(`${bot.url}/tab?lang=en&plan=${planRef('plan/webchat/older-plan')}`);
    await planTitle.filter({ hasText: 'Gemeente Ouder' }).waitFor();
    await expect(page.locator('#picker-row').isVisible()).resolves.toBe(false);
    await page.goto(`${bot.url}/tab?lang=en&plan=${planRef('plan/webchat/someone-else')}`);
    await page.getByRole('status').filter({ hasText: 'You cannot open this plan here' }).waitFor();
    expect(await page.locator('#plan-view').textContent()).toBe('');

    // The configurable tab's setup page says plainly that it needs Teams.
    await page.goto(`${bot.url}/tab/config?lang=en`);
    await page.getByRole('status').filter({ hasText: 'only works inside Teams' }).waitFor();

    // TeamsJS asks Microsoft's CDN for a fresher list of Teams host origins; the CSP refuses that
    // (no CDN), so TeamsJS falls back to the list bundled with it. Nothing else may be refused.
    expect(problems.filter((p) => !p.includes(TEAMS_JS_ORIGIN_LIST))).toEqual([]);
    expect(
      requests.filter((url) => !url.startsWith(bot.url) && url !== TEAMS_JS_ORIGIN_LIST),
    ).toEqual([]);
  });
});
