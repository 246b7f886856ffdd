import { UsageStore } from '../../src/insight/usage-store';
import { MemoryStorage } from '../../src/storage';

const day = (d: string) => new Date(`${d}T12:00:00Z`);

describe('the usage counters keep their buckets for the configured retention only', () => {
  it('drops day buckets, declined-question days and idle conversation marks past their days', async () => {
    const storage = new MemoryStorage();
    const store = new UsageStore(storage);
    await store.add(day('2025-01-01'), { 'plans.started': 1 });
    await store.add(day('2026-12-01'), { 'plans.started': 2 });
    for (const [plan, at] of [
      ['plan/webchat/a', '2025-01-01'],
      ['plan/webchat/b', '2025-01-02'],
      ['plan/webchat/c', '2026-12-01'],
    ] as const)
      await store.declined(plan, 'wordt het morgen mooi weer in gent', day(at));

    const removed = await store.purge(day('2026-12-06'), 400, 365);

    expect(await store.counts('2000-01-01', '2100-01-01')).toEqual({ 'plans.started': 2 });
    expect(await storage.listKeys('usage-of/')).toEqual(['usage-of/plan/webchat/c']);
    // The declined question keeps only its recent day: one conversation, below the threshold.
    expect(await store.declinedTop('2000-01-01', '2100-01-01')).toEqual([]);
    expect(removed).toBe(3);
  });

  it('removes a declined question whose every day has expired', async () => {
    const storage = new MemoryStorage();
    const store = new UsageStore(storage);
    await store.declined('plan/webchat/a', 'een oude vraag', day('2024-01-01'));
    await store.purge(day('2026-12-06'), 400, 365);
    expect(await storage.listKeys('insight/')).toEqual([]);
  });
});
