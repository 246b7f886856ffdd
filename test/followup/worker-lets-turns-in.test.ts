import { createLogger } from '../../src/logging';
import { FollowupWorker } from '../../src/followup/worker';

describe('the follow-up worker', () => {
  it('lets other work run between plans, so a long pass never holds a turn until it ends', async () => {
    const plans = Array.from({ length: 200 }, (_, i) => `plan-${i}`);
    const dispatched: string[] = [];
    const worker = new FollowupWorker({
      planKeys: () => Promise.resolve(plans),
      // Like SQLite storage: every read answers without waiting for I/O.
      dispatch: (key) => {
        dispatched.push(key);
        return Promise.resolve('skipped' as const);
      },
      pollMs: 3_600_000,
      logger: createLogger('silent'),
    });
    let seenAfter = -1;
    setImmediate(() => (seenAfter = dispatched.length));
    const counts = await worker.tick();
    expect(counts.skipped).toBe(200);
    // The "turn" queued when the pass began ran after the first plan, not after the last.
    expect(seenAfter).toBeGreaterThan(0);
    expect(seenAfter).toBeLessThan(5);
    await worker.stop();
  });
});
