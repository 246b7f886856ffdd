import type { PlanState } from '../../src/guide';
import { startBot, type RunningBot } from '../helpers/bot-server';
import { FakeEntra, ssoBotEnv } from './fake-entra';
import { planAnsweredBy, seed } from './seed-plans';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 9, minute));

describe('the plans API pages', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startBot();
    const plans: Record<string, PlanState> = {};
    for (let i = 0; i < 45; i++)
      plans[`plan/webchat/local-${String(i).padStart(2, '0')}`] = planAnsweredBy(
        { id: 'local-user', name: 'Ontwikkelaar' },
        `Gemeente ${i}`,
        at(i),
      );
    await seed(bot.app.storage, plans);
  });
  afterAll(async () => bot.stop());

  it('lists 20 plans a page, newest first within the page, and says which page comes next', async () => {
    const page = async (n: number) =>
      (await (await fetch(`${bot.url}/api/tab/plans?page=${n}`)).json()) as {
        plans: { conversationId: string }[];
        nextPage?: number;
      };
    const [one, two, three] = [await page(1), await page(2), await page(3)];
    expect([one.plans.length, two.plans.length, three.plans.length]).toEqual([20, 20, 5]);
    expect([one.nextPage, two.nextPage, three.nextPage]).toEqual([2, 3, undefined]);
    expect(one.plans[0]!.conversationId).toBe('local-19');
    const all = [...one.plans, ...two.plans, ...three.plans].map((p) => p.conversationId);
    expect(new Set(all).size).toBe(45);
    expect((await fetch(`${bot.url}/api/tab/plans?page=0`)).status).toBe(400);
  });
});

describe('the plans API per tenant', () => {
  const entra = new FakeEntra();
  let bot: RunningBot;
  beforeAll(async () => {
    await entra.start();
    bot = await startBot({
      ...ssoBotEnv(entra),
      TAB_RATE_LIMIT_TENANT_BURST: '5',
      TAB_RATE_LIMIT_TENANT_PER_SECOND: '0.1',
    });
  });
  afterAll(async () => {
    await bot?.stop();
    await entra.stop();
  });

  it('answers 429 with Retry-After to everyone of a tenant that used its burst', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 7; i++) {
      const res = await fetch(`${bot.url}/api/tab/plans`, {
        headers: { Authorization: `Bearer ${await entra.token(`aad-person-${i}`)}` },
      });
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get('retry-after');
      await res.arrayBuffer();
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  });
});
