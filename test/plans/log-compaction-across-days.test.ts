import { answersAsOf, PlanStore } from '../../src/plans';
import { logKeysOf, MemoryStorage } from '../../src/storage';
import { editManyTimes } from '../helpers/long-history';
import { realGuide, storedPlan } from '../helpers/plans';

const KEY = 'plan/msteams/a:many-days';
const ANNE = { id: 'aad-anne', name: 'Anne' };

describe('a change log over budget even with one entry per day', () => {
  it('merges the oldest days, and "stand op" such a day says it shows the end of the merged span', async () => {
    const plans = new PlanStore(new MemoryStorage(), realGuide(), {
      historyBudgetBytes: 30_000,
    });
    const start = new Date('2026-10-01T08:00:00Z');
    const dayEnds = await editManyTimes(plans, KEY, 200, { start, perDay: 20, actor: ANNE });
    await plans.logBudget.idle();
    const days = [...dayEnds.keys()];
    expect(days).toHaveLength(10);

    const values = (answers: Awaited<ReturnType<typeof answersAsOf>>['answers']) =>
      Object.fromEntries(Object.entries(answers).map(([q, a]) => [q, a.value]));
    const first = await answersAsOf(plans.log.pages(KEY), new Date(`${days[0]}T23:59:59.999Z`));
    expect(first.summarisedUntil).toBeDefined();
    expect(values(first.answers)).toEqual(dayEnds.get(first.summarisedUntil!.slice(0, 10)));

    const last = await answersAsOf(plans.log.pages(KEY), new Date(`${days[9]}T23:59:59.999Z`));
    expect(last.summarisedUntil).toBeUndefined();
    expect(values(last.answers)).toEqual(dayEnds.get(days[9]!));
  });
});

describe('a plan stored before the change log had a budget', () => {
  it('is counted and compacted at its next change', async () => {
    const storage = new MemoryStorage();
    const unbounded = new PlanStore(storage, realGuide(), {
      historyBudgetBytes: 100_000_000,
    });
    const start = new Date('2026-10-01T08:00:00Z');
    await editManyTimes(unbounded, KEY, 60, { start, perDay: 60, actor: ANNE });
    // As an older version stored it: no count of its log.
    const { eTag: _eTag, logBytes: _count, ...plan } = (await storage.read([KEY]))[KEY]!;
    await storage.write({ [KEY]: { ...plan, eTag: '*' } });
    expect((await logKeysOf(storage, KEY)).length).toBe(60);

    const plans = new PlanStore(storage, realGuide(), { historyBudgetBytes: 30_000 });
    await plans.apply(
      KEY,
      { type: 'undo' },
      { now: new Date('2026-10-02T08:00:00Z'), actor: ANNE },
    );
    await plans.logBudget.idle();
    const keys = await logKeysOf(storage, KEY);
    const items = await storage.read(keys);
    const bytes = Object.values(items).reduce(
      (n, { eTag: _e, ...d }) => n + JSON.stringify(d).length,
      0,
    );
    expect(bytes).toBeLessThanOrEqual(30_000);
    expect((await storedPlan(plans, KEY))!.logBytes).toBeGreaterThanOrEqual(bytes);
  });
});
