import type { PlanState } from '../../src/guide';
import { startBot, type RunningBot } from '../helpers/bot-server';
import { FakeEntra, ssoBotEnv } from './fake-entra';
import { planAnsweredBy, seed } from './seed-plans';

const ANNE = { id: 'aad-anne', name: 'Anne Peeters' };
const at = new Date('2026-11-23T09:00:00Z');

describe('the plans API with credentials, bounded (issue 28, finding 3)', () => {
  const entra = new FakeEntra();
  let bot: RunningBot;
  const others = 300;

  beforeAll(async () => {
    await entra.start();
    bot = await startBot({
      ...ssoBotEnv(entra),
      TAB_RATE_LIMIT_BURST: '6',
      TAB_RATE_LIMIT_PER_SECOND: '0.2',
      TAB_EXPORT_BURST: '2',
      TAB_EXPORT_PER_MINUTE: '1',
    });
    const plans: Record<string, PlanState> = {
      'plan/msteams/a:anne-personal': planAnsweredBy(ANNE, 'Gemeente Anne', at),
    };
    for (let i = 0; i < others; i++)
      plans[`plan/msteams/a:other-${i}`] = planAnsweredBy(
        { id: `aad-other-${i}`, name: `Collega ${i}` },
        `Gemeente ${i}`,
        at,
      );
    await seed(bot.app.storage, plans);
  }, 60_000);
  afterAll(async () => {
    await bot?.stop();
    await entra.stop();
  });

  it('reads only the plans of the asking person, from the index by member', async () => {
    const read = jest.spyOn(bot.app.storage, 'read');
    const res = await fetch(`${bot.url}/api/tab/plans`, {
      headers: { Authorization: `Bearer ${await entra.token(ANNE.id)}` },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { plans: { title: string }[]; nextPage?: number };
    expect(body.plans.map((p) => p.title)).toEqual([expect.stringContaining('Gemeente Anne')]);
    expect(body.nextPage).toBeUndefined();
    const planReads = read.mock.calls.flatMap(([keys]) =>
      keys.filter((k) => k.startsWith('plan/')),
    );
    expect(planReads).toEqual(['plan/msteams/a:anne-personal']);
    read.mockRestore();
  });

  it('answers 429 with Retry-After once a person has used the burst, and other people still get through', async () => {
    const bram = await entra.token('aad-bram');
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 8; i++) {
      const res = await fetch(`${bot.url}/api/tab/plans`, {
        headers: { Authorization: `Bearer ${bram}` },
      });
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get('retry-after');
      await res.arrayBuffer();
    }
    expect(statuses.slice(0, 6)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(statuses.slice(6)).toEqual([429, 429]);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    const someoneElse = await fetch(`${bot.url}/api/tab/plans`, {
      headers: { Authorization: `Bearer ${await entra.token('aad-other-1')}` },
    });
    expect(someoneElse.status).toBe(200);
  });

  it('limits exports more strictly, and repeated exports keep one live file per plan and format', async () => {
    const token = await entra.token(ANNE.id);
    const exportOnce = () =>
      fetch(`${bot.url}/api/tab/plans/export`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ conversationId: 'a:anne-personal', format: 'md' }),
      });
    const first = await exportOnce();
    const second = await exportOnce();
    const third = await exportOnce();
    expect([first.status, second.status, third.status]).toEqual([200, 200, 429]);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const { url: firstUrl } = (await first.json()) as { url: string };
    expect((await fetch(`${bot.url}${firstUrl}`)).status).toBe(404);
    expect(await bot.app.storage.listKeys('download/')).toHaveLength(1);
  });
});
