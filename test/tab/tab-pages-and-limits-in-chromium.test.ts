import path from 'node:path';
import type { PlanState } from '../../src/guide';
import { launchChromium, SHOTS, watchProblems, type Browser } from '../helpers/chromium';
import { startBot, type RunningBot } from '../helpers/bot-server';
import { planAnsweredBy, seed } from './seed-plans';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 9, minute));

describe.each([
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
])('the plan tab at $width×$height with more plans than a page', (viewport) => {
  let bot: RunningBot;
  let browser: Browser | undefined;

  beforeAll(async () => {
    bot = await startBot({ TAB_EXPORT_BURST: '1', TAB_EXPORT_PER_MINUTE: '1' });
    const plans: Record<string, PlanState> = {};
    for (let i = 0; i < 25; i++)
      plans[`plan/webchat/local-${String(i).padStart(2, '0')}`] = planAnsweredBy(
        { id: 'local-user', name: 'Ontwikkelaar' },
        `Gemeente ${String(i).padStart(2, '0')}`,
        at(i),
      );
    await seed(bot.app.storage, plans);
    browser = await launchChromium(viewport);
  });
  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
  });

  it('loads the next page into the picker, and says when exports come too fast', async () => {
    const page = browser!.context.pages()[0] ?? (await browser!.context.newPage());
    const problems = await watchProblems(page);
    await page.goto(`${bot.url}/tab`);
    const picker = page.getByLabel('Plan');
    await page.getByRole('heading', { level: 2 }).waitFor({ timeout: 15_000 });
    expect(await picker.locator('option').count()).toBe(20);
    const more = page.getByRole('button', { name: 'Meer plannen tonen' });
    await page.screenshot({ path: path.join(SHOTS, `tab-more-plans-${viewport.width}.png`) });
    await more.click();
    await page.waitForFunction(() => document.querySelectorAll('#picker option').length === 25);
    expect(await more.isHidden()).toBe(true);

    const exportButton = page.getByRole('button', { name: /^Download als Markdown/ });
    await exportButton.click();
    await page.getByText(/de link werkt 10 minuten/).waitFor();
    await exportButton.click();
    await page.getByText(/Er zijn net te veel bestanden gemaakt/).waitFor();
    await page.screenshot({ path: path.join(SHOTS, `tab-export-too-many-${viewport.width}.png`) });
    // Outside Teams, TeamsJS asks for its list of valid origins, which the page's CSP refuses.
    expect(problems.filter((p) => !p.includes('teams-js/validDomains'))).toEqual([]);
  });
});
