import { DownloadStore } from '../../src/downloads';
import { TAB_DOWNLOAD_TTL_MS } from '../../src/tab/plan-export';
import { startBot, type RunningBot } from '../helpers/bot-server';
import { FakeEntra, ssoBotEnv } from '../tab/fake-entra';
import { planAnsweredBy, seed } from '../tab/seed-plans';

const BRAM = { id: 'aad-bram', name: 'Bram Claes' };

describe('the documents section of the plan tab, with credentials', () => {
  const entra = new FakeEntra();
  let bot: RunningBot;

  beforeAll(async () => {
    await entra.start();
    bot = await startBot(ssoBotEnv(entra));
    await seed(bot.app.storage, {
      'plan/msteams/a:bram-personal': planAnsweredBy(
        BRAM,
        'Gemeente Zele',
        new Date(Date.UTC(2026, 10, 23, 9)),
      ),
    });
  });
  afterAll(async () => {
    await bot?.stop();
    await entra.stop();
  });

  const make = async (who: string, body: Record<string, unknown>) =>
    fetch(`${bot.url}/api/tab/plans/export`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${await entra.token(who)}`,
      },
      body: JSON.stringify({ conversationId: 'a:bram-personal', lang: 'nl', ...body }),
    });

  it('lists the documents of the plan for someone who worked on it', async () => {
    const res = await fetch(`${bot.url}/api/tab/plans?lang=nl`, {
      headers: { Authorization: `Bearer ${await entra.token(BRAM.id)}` },
    });
    const { plans } = (await res.json()) as {
      plans: { documents: { title: string; items: { id: string }[] } }[];
    };
    expect(plans[0]!.documents.title).toBe('Documenten');
    expect(plans[0]!.documents.items.map((i) => i.id)).toContain('collegeNote');
  });

  it('makes a document at the click, for that person only, and lets its link expire', async () => {
    const before = Date.now();
    const made = await make(BRAM.id, { format: 'md', document: 'evaluation' });
    expect(made.status).toBe(200);
    const { url, expiresAt } = (await made.json()) as { url: string; expiresAt: string };
    const file = await fetch(`${bot.url}${url}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toContain('evaluatiekader');
    expect(await file.text()).toContain('Gemeente Zele');
    expect(Date.parse(expiresAt) - before).toBeLessThanOrEqual(TAB_DOWNLOAD_TTL_MS + 60_000);
    const later = new DownloadStore(bot.app.storage, () => Date.parse(expiresAt) + 5_000);
    expect(await later.get(url.replace('/download/', ''))).toBe('expired');

    // Someone without access to the plan gets nothing; an unknown document is a bad request.
    expect((await make('aad-carla', { format: 'docx', document: 'collegeNote' })).status).toBe(404);
    expect((await make(BRAM.id, { format: 'docx', document: 'minutes' })).status).toBe(400);
  });
});
