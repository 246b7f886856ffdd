import { Writable } from 'node:stream';
import { dispatch, type DispatchDeps } from '../../src/followup/dispatch';
import { ScheduleStore } from '../../src/followup/schedule-store';
import { createLogger } from '../../src/logging';
import { PlanStore } from '../../src/plans';
import { ConnectorTransport } from '../../src/connector';
import { MemoryStorage } from '../../src/storage';
import { FakeConnector } from '../helpers/fake-connector';
import { realGuide } from '../helpers/plans';
import { planKeyOf, seedInto } from './followup-processes';

const connector = new FakeConnector();
beforeAll(async () => connector.start());
afterAll(async () => connector.stop());

/** One bot process over `storage` at a movable time, with its log lines kept. */
function processAt(storage: MemoryStorage, lines: string[]) {
  let now = new Date('2027-04-06T08:00:00Z'); // 10:00 in Brussels, a Tuesday
  const sink = new Writable({ write: (c: Buffer, _e, done) => (lines.push(c.toString()), done()) });
  const deps: DispatchDeps = {
    schedules: new ScheduleStore(storage),
    plans: new PlanStore(storage, realGuide()),
    guide: realGuide(),
    transport: new ConnectorTransport(),
    logger: createLogger('info', sink),
    now: () => now,
    retryBaseMs: 30_000,
    processId: 'p1',
  };
  return {
    deps,
    advance: (ms: number) => (now = new Date(now.getTime() + ms)),
    doc: () => deps.schedules.get(planKeyOf(0)),
  };
}

describe('a check-in the Connector refuses', () => {
  it('waits at least as long as a 429 asks, then goes out once', async () => {
    const storage = new MemoryStorage();
    await seedInto(storage, connector, 1);
    const p = processAt(storage, []);
    connector.failNext = [429];
    expect(await dispatch(p.deps, planKeyOf(0))).toBe('failed');
    const after429 = await p.doc();
    expect(after429).toMatchObject({ attempts: 1, lastError: 'transient', sent: {} });
    expect(after429!.retryAt! - new Date('2027-04-06T08:00:00Z').getTime()).toBeGreaterThanOrEqual(
      24_000,
    );
    expect(await dispatch(p.deps, planKeyOf(0))).toBe('skipped');
    p.advance(61_000);
    expect(await dispatch(p.deps, planKeyOf(0))).toBe('sent');
    expect(await dispatch(p.deps, planKeyOf(0))).toBe('skipped');
    expect((await p.doc())!.sent.m1).toMatchObject({ date: '2027-04-05' });
  });

  it('pauses a conversation that is gone, with one log line without personal data', async () => {
    const storage = new MemoryStorage();
    await seedInto(storage, connector, 1);
    const lines: string[] = [];
    const p = processAt(storage, lines);
    connector.failNext = [403];
    expect(await dispatch(p.deps, planKeyOf(0))).toBe('unreachable');
    p.advance(24 * 60 * 60_000);
    expect(await dispatch(p.deps, planKeyOf(0))).toBe('skipped');
    const gone = lines.filter((l) => l.includes('can no longer be reached'));
    expect(gone).toHaveLength(1);
    expect(JSON.parse(gone[0]!)).toMatchObject({ status: 403, plan: expect.any(String) });
    expect(gone[0]).not.toContain('followup-0');
    expect((await p.doc())!.unreachable).toMatchObject({ status: 403 });
  });
});
