import { DownloadStore, DOWNLOAD_TTL_MS } from '../../src/downloads';
import { planRef } from '../../src/tab';
import { TAB_DOWNLOAD_TTL_MS } from '../../src/tab/plan-export';
import { startBot, type RunningBot } from '../helpers/bot-server';
import { FakeEntra, ssoBotEnv } from './fake-entra';
import { planAnsweredBy, seed } from './seed-plans';

const ANNE = { id: 'aad-anne', name: 'Anne Peeters' };
const BRAM = { id: 'aad-bram', name: 'Bram Claes' };
const BRAM_PLAN = 'plan/msteams/a:bram-personal';
const ANNE_PLAN = 'plan/msteams/a:anne-personal';

interface PlansBody {
  plans: { conversationId: string; ref: string; title: string }[];
}

describe("the steering note's link to one plan, with credentials", () => {
  const entra = new FakeEntra();
  let bot: RunningBot;

  beforeAll(async () => {
    await entra.start();
    bot = await startBot(ssoBotEnv(entra));
    const at = new Date(Date.UTC(2026, 10, 23, 9));
    await seed(bot.app.storage, {
      [BRAM_PLAN]: planAnsweredBy(BRAM, 'Gemeente Brugge', at),
      [ANNE_PLAN]: planAnsweredBy(ANNE, 'Gemeente Aalst', at),
    });
  });
  afterAll(async () => {
    await bot?.stop();
    await entra.stop();
  });

  const plans = async (query: string, who: string): Promise<PlansBody['plans']> => {
    const res = await fetch(`${bot.url}/api/tab/plans${query}`, {
      headers: { Authorization: `Bearer ${await entra.token(who)}` },
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as PlansBody).plans;
  };
  const exportOf = async (conversationId: string, format: string, who: string) =>
    fetch(`${bot.url}/api/tab/plans/export`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${await entra.token(who)}`,
      },
      body: JSON.stringify({ conversationId, format, lang: 'nl' }),
    });

  it('opens exactly the linked plan for someone who worked on it', async () => {
    const shown = await plans(`?plan=${planRef(BRAM_PLAN)}`, BRAM.id);
    expect(shown.map((p) => p.title)).toEqual([expect.stringContaining('Gemeente Brugge')]);
    expect(shown[0]!.ref).toBe(planRef(BRAM_PLAN));
    // Without the link Bram sees his plans; the link narrows, it never adds.
    expect((await plans('', BRAM.id)).map((p) => p.ref)).toEqual([planRef(BRAM_PLAN)]);
  });

  it('shows nothing of the linked plan to someone without access', async () => {
    expect(await plans(`?plan=${planRef(BRAM_PLAN)}`, ANNE.id)).toEqual([]);
    expect(await plans(`?plan=${planRef(BRAM_PLAN)}`, 'aad-carla')).toEqual([]);
    expect((await exportOf('a:bram-personal', 'md', ANNE.id)).status).toBe(404);
    const bad = await fetch(`${bot.url}/api/tab/plans?plan=not-a-plan-ref`, {
      headers: { Authorization: `Bearer ${await entra.token(BRAM.id)}` },
    });
    expect(bad.status).toBe(400);
  });

  it('makes the download at the click, for that person, and lets it expire soon after', async () => {
    const before = Date.now();
    const made = await exportOf('a:bram-personal', 'md', BRAM.id);
    expect(made.status).toBe(200);
    const { url, expiresAt } = (await made.json()) as { url: string; expiresAt: string };
    const token = url.replace('/download/', '');
    const file = await fetch(`${bot.url}${url}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toContain('text/markdown');
    expect(await file.text()).toContain('Gemeente Brugge');
    // The link lives minutes, not the day an export typed in the chat gets.
    const expiry = Date.parse(expiresAt);
    expect(expiry - before).toBeLessThanOrEqual(TAB_DOWNLOAD_TTL_MS + 60_000);
    expect(TAB_DOWNLOAD_TTL_MS).toBeLessThan(DOWNLOAD_TTL_MS);
    // Read the stored link as the server will once that time has passed.
    const later = new DownloadStore(bot.app.storage, () => expiry + 5_000);
    expect(await later.get(token)).toBe('expired');
    const docx = await exportOf('a:bram-personal', 'docx', BRAM.id);
    expect(((await docx.json()) as { url: string }).url).not.toBe(url);
  });
});
