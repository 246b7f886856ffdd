import { createLogger } from '../../src/logging';
import { JobRunner } from '../../src/jobs';

describe('the background-job runner', () => {
  it('lets other work run between keys, so a long pass never holds a turn until it ends', async () => {
    const plans = Array.from({ length: 200 }, (_, i) => `plan-${i}`);
    const dispatched: string[] = [];
    const runner = new JobRunner(
      {
        name: 'test job',
        keys: () => Promise.resolve(plans),
        // Like SQLite storage: every read answers without waiting for I/O.
        run: (key) => {
          dispatched.push(key);
          return Promise.resolve('skipped' as const);
        },
      },
      { pollMs: 3_600_000, logger: createLogger('silent') },
    );
    let seenAfter = -1;
    setImmediate(() => (seenAfter = dispatched.length));
    const counts = await runner.tick();
    expect(counts.skipped).toBe(200);
    // The "turn" queued when the pass began ran after the first plan, not after the last.
    expect(seenAfter).toBeGreaterThan(0);
    expect(seenAfter).toBeLessThan(5);
    await runner.stop();
  });

  it('sends at most four a second, and calls during a pass share one pass after it', async () => {
    const started: number[] = [];
    let passes = 0;
    const runner = new JobRunner(
      {
        name: 'test job',
        keys: () => {
          passes++;
          return Promise.resolve(['a', 'b', 'c', 'd', 'e', 'f']);
        },
        run: () => {
          started.push(Date.now());
          return Promise.resolve('sent' as const);
        },
      },
      { pollMs: 3_600_000, logger: createLogger('silent') },
    );
    const first = runner.tick();
    const [second, third] = [runner.tick(), runner.tick()];
    expect(second).toBe(third);
    expect((await first).sent).toBe(6);
    expect((await second).sent).toBe(6);
    expect(passes).toBe(2);
    // Within any one second, no more than four sends began.
    for (const at of started)
      expect(started.filter((t) => t >= at && t < at + 1000).length).toBeLessThanOrEqual(4);
    await runner.stop();
  });

  it('counts a run that throws as failed and goes on with the next key', async () => {
    const runner = new JobRunner(
      {
        name: 'test job',
        keys: () => Promise.resolve(['broken', 'fine']),
        run: (key) =>
          key === 'broken' ? Promise.reject(new Error('boom')) : Promise.resolve('sent' as const),
      },
      { pollMs: 3_600_000, logger: createLogger('silent') },
    );
    expect(await runner.tick()).toEqual({ sent: 1, failed: 1, unreachable: 0, skipped: 0 });
    await runner.stop();
  });

  it('settles after a clock move: a send by the pass already running is counted too', async () => {
    // A kicked pass is running when the clock moves; it meets the new time and sends 'late'.
    let due = false;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const sentKeys: string[] = [];
    const runner = new JobRunner(
      {
        name: 'test job',
        keys: () => Promise.resolve(['late']),
        run: async (key) => {
          await gate;
          if (!due || sentKeys.includes(key)) return 'skipped' as const;
          sentKeys.push(key);
          return 'sent' as const;
        },
      },
      { pollMs: 3_600_000, logger: createLogger('silent') },
    );
    const kicked = runner.tick();
    due = true;
    const settled = runner.settle();
    release();
    expect((await kicked).sent).toBe(1);
    expect(await settled).toEqual({ sent: 1, failed: 0, unreachable: 0, skipped: 1 });
    expect(sentKeys).toEqual(['late']);
    await runner.stop();
  });
});
