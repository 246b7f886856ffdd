import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DownloadStore } from '../src/downloads';
import { Guide, loadGuideDefinition } from '../src/guide';
import { answersAsOf, PlanStore, UserPrefsStore } from '../src/plans';
import { exportConversationData } from '../src/privacy';
import { SqliteStorage } from '../src/storage';
import { editManyTimes } from '../test/helpers/long-history';

export interface LongHistoryFigures {
  edits: number;
  budgetBytes: number;
  /** The SQLite file and its WAL after the edits, the WAL checkpointed. */
  databaseBytes: number;
  /** The change log as stored, and what it would hold unbounded (sum of every entry written). */
  logBytes: number;
  /** One "mijn gegevens" (export + stored link) and one "stand op": time and longest loop stall. */
  dataExport: { ms: number; maxLoopDelayMs: number; bytes: number };
  asOf: { ms: number; maxLoopDelayMs: number };
}

const KEY = 'plan/msteams/19:bench-long-history@thread.v2';

/** Duration, and the longest gap between ticks of a 1 ms timer: how long others had to wait. */
export async function timed(
  run: () => Promise<unknown>,
): Promise<{ ms: number; maxLoopDelayMs: number }> {
  let last = performance.now();
  let longest = 0;
  const tick = () => {
    const t = performance.now();
    longest = Math.max(longest, t - last);
    last = t;
  };
  const timer = setInterval(tick, 1);
  const t0 = performance.now();
  await run();
  const ms = performance.now() - t0;
  clearInterval(timer);
  tick();
  return { ms, maxLoopDelayMs: longest };
}

/**
 * Issue 28, finding 1: one plan edited `edits` times with long texts on SQLite as shipped (the
 * default log budget); then the database size and what one "mijn gegevens" and one "stand op"
 * cost the event loop. The probe measured 92.7 MB and 3.9 s / 1.7 s at 4,400 entries unbounded.
 */
export async function runLongHistory(edits = 3000): Promise<LongHistoryFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brugbot-bench-history-'));
  const file = path.join(dir, 'bench.sqlite');
  const storage = new SqliteStorage(file);
  try {
    const plans = new PlanStore(storage, new Guide(loadGuideDefinition()));
    const actor = { id: 'aad-bench', name: 'Bench' };
    const start = new Date('2026-11-02T08:00:00Z');
    await editManyTimes(plans, KEY, edits, { start, perDay: edits / 4, actor });
    await plans.logBudget.idle();
    await storage.eraseDeleted();
    const size = (f: string) => fs.statSync(f, { throwIfNoEntry: false })?.size ?? 0;
    let bytes = 0;
    const dataExport = await timed(async () => {
      const json = await exportConversationData(
        { plans, prefs: new UserPrefsStore(storage) },
        ...([
          KEY,
          'msteams',
          '29:bench',
          new Date(),
          { plan: 'plan', you: 'you', usage: 'usage' },
        ] as const),
      );
      bytes = Buffer.byteLength(json);
      await new DownloadStore(storage).create(json, 'data.json', 'application/json', {
        owner: { userId: actor.id },
        planKey: KEY,
        kind: 'data',
      });
    });
    const asOf = await timed(() => answersAsOf(plans.log.pages(KEY), new Date()));
    return {
      edits,
      budgetBytes: plans.logBudget.budgetBytes,
      databaseBytes: size(file) + size(`${file}-wal`),
      logBytes: (await plans.lookup(KEY).then((r) => (r.ok ? r.plan : undefined)))?.logBytes ?? 0,
      dataExport: { ...dataExport, bytes },
      asOf,
    };
  } finally {
    await storage.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
