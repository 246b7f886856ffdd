import { PlanStore } from '../../src/plans';
import { MemoryStorage } from '../../src/storage';
import { visiblePlans } from '../../src/tab/plan-access';
import { realGuide } from '../helpers/plans';
import { planAnsweredBy, seed } from './seed-plans';

const ANNE = { id: 'aad-anne', name: 'Anne Peeters' };
const BRAM = { id: 'aad-bram', name: 'Bram Claes' };

describe('the plan tab shows plans made in Copilot like any other', () => {
  it('lists a Copilot plan to whoever took part in it, next to their Teams plans', async () => {
    const storage = new MemoryStorage();
    await seed(storage, {
      'plan/msteams:COPILOT/a:1': planAnsweredBy(
        ANNE,
        'Gemeente Copilot',
        new Date('2026-12-01T10:00:00Z'),
      ),
      'plan/msteams/a:1': planAnsweredBy(ANNE, 'Gemeente Teams', new Date('2026-12-01T09:00:00Z')),
      'plan/msteams:COPILOT/a:2': planAnsweredBy(
        BRAM,
        'Gemeente Bram',
        new Date('2026-12-01T11:00:00Z'),
      ),
    });
    const plans = new PlanStore(storage, realGuide());
    const anne = await visiblePlans(
      plans,
      { kind: 'teamsUser', oid: ANNE.id, tid: 'tenant-a' },
      {},
    );
    expect(anne.plans.map((p) => p.key)).toEqual(['plan/msteams:COPILOT/a:1', 'plan/msteams/a:1']);
    const narrowed = await visiblePlans(
      plans,
      { kind: 'teamsUser', oid: ANNE.id, tid: 'tenant-a' },
      { conversationId: 'a:1' },
    );
    expect(narrowed.plans.map((p) => p.key)).toEqual([
      'plan/msteams:COPILOT/a:1',
      'plan/msteams/a:1',
    ]);
    const bram = await visiblePlans(
      plans,
      { kind: 'teamsUser', oid: BRAM.id, tid: 'tenant-a' },
      {},
    );
    expect(bram.plans.map((p) => p.key)).toEqual(['plan/msteams:COPILOT/a:2']);
  });
});
