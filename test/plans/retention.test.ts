import { Guide, initialPlanState, loadGuideDefinition } from '../../src/guide';
import { DownloadStore } from '../../src/downloads';
import { createLogger } from '../../src/logging';
import { PlanStore } from '../../src/plans';
import { purgeExpired } from '../../src/privacy';
import { MemoryStorage } from '../../src/storage';

describe('the retention purge', () => {
  it('deletes plans and their logs untouched for longer than the retention, and nothing else', async () => {
    const storage = new MemoryStorage();
    const plans = new PlanStore(storage, new Guide(loadGuideDefinition()));
    const downloads = new DownloadStore(storage);
    const old = initialPlanState(new Date('2025-01-01T00:00:00Z'));
    const recent = initialPlanState(new Date('2026-11-01T00:00:00Z'));
    await storage.write({
      'plan/msteams/old': { ...old, eTag: '*' },
      'log/plan/msteams/old/0000000001': { rev: 1, eTag: '*' },
      'plan/msteams/recent': { ...recent, eTag: '*' },
      'plan/msteams/unreadable': { revision: 'x', eTag: '*' },
    });
    const result = await purgeExpired(
      { storage, plans, downloads, logger: createLogger('silent') },
      365,
      new Date('2026-11-23T00:00:00Z'),
    );
    expect(result.plans).toBe(1);
    expect(await storage.listKeys('')).toEqual(['plan/msteams/recent', 'plan/msteams/unreadable']);
  });
});

describe('the retention purge and the steering note', () => {
  it('deletes each expired plan through the note withdrawal, so its note in the channel is replaced', async () => {
    const storage = new MemoryStorage();
    const plans = new PlanStore(storage, new Guide(loadGuideDefinition()));
    const downloads = new DownloadStore(storage);
    await storage.write({
      'plan/msteams/old': { ...initialPlanState(new Date('2025-01-01T00:00:00Z')), eTag: '*' },
      'plan/msteams/recent': { ...initialPlanState(new Date('2026-11-01T00:00:00Z')), eTag: '*' },
    });
    const withdrawn: string[] = [];
    const result = await purgeExpired(
      {
        storage,
        plans,
        downloads,
        logger: createLogger('silent'),
        withdrawNote: async (key, remove) => {
          const removed = await remove();
          withdrawn.push(key);
          return removed;
        },
      },
      365,
      new Date('2026-11-23T00:00:00Z'),
    );
    expect(result.plans).toBe(1);
    expect(withdrawn).toEqual(['plan/msteams/old']);
    expect(await storage.listKeys('')).toEqual(['plan/msteams/recent']);
  });
});
