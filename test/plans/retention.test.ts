import { AfterSave } from '../../src/after-save';
import { Guide, initialPlanState, loadGuideDefinition } from '../../src/guide';
import { DownloadStore } from '../../src/downloads';
import { createLogger } from '../../src/logging';
import { PlanStore } from '../../src/plans';
import { purgeExpired } from '../../src/privacy';
import { MemoryStorage } from '../../src/storage';

const logger = createLogger('silent');

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
      { storage, plans, downloads, logger, afterSave: new AfterSave(logger) },
      365,
      new Date('2026-11-23T00:00:00Z'),
    );
    expect(result.plans).toBe(1);
    expect(await storage.listKeys('')).toEqual(['plan/msteams/recent', 'plan/msteams/unreadable']);
  });
});

describe('the retention purge and the steering note', () => {
  it('hands each expired plan deletion to the after-save pipeline, so its note in the channel is replaced', async () => {
    const storage = new MemoryStorage();
    const plans = new PlanStore(storage, new Guide(loadGuideDefinition()));
    const downloads = new DownloadStore(storage);
    await storage.write({
      'plan/msteams/old': { ...initialPlanState(new Date('2025-01-01T00:00:00Z')), eTag: '*' },
      'plan/msteams/recent': { ...initialPlanState(new Date('2026-11-01T00:00:00Z')), eTag: '*' },
    });
    const withdrawn: string[] = [];
    const afterSave = new AfterSave(logger);
    afterSave.reactWith({
      reactionName: 'steering note',
      afterSave: async (commit) => {
        if (commit.effects.some((e) => e.kind === 'planDeleted')) withdrawn.push(commit.planKey);
      },
    });
    const result = await purgeExpired(
      { storage, plans, downloads, logger, afterSave },
      365,
      new Date('2026-11-23T00:00:00Z'),
    );
    expect(result.plans).toBe(1);
    expect(withdrawn).toEqual(['plan/msteams/old']);
    expect(await storage.listKeys('')).toEqual(['plan/msteams/recent']);
  });
});
