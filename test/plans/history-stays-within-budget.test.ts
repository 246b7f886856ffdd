import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DownloadStore, MAX_DOWNLOAD_BYTES } from '../../src/downloads';
import { answersAsOf, PlanStore, UserPrefsStore } from '../../src/plans';
import { exportConversationData } from '../../src/privacy';
import {
  createStorage,
  logKeysOf,
  MemoryStorage,
  SqliteStorage,
  type BrugStorage,
} from '../../src/storage';
import { startAzurite, type AzuriteBlob } from '../helpers/azurite';
import { editManyTimes, longValues } from '../helpers/long-history';
import { realGuide, storedPlan } from '../helpers/plans';

const KEY = 'plan/msteams/19:long-history@thread.v2';
const ANNE = { id: 'aad-anne', name: 'Anne' };
const START = new Date('2026-11-02T08:00:00Z');

/** Bytes the log holds in the store, document by document as the store serialises them. */
async function storedLogBytes(storage: BrugStorage): Promise<number> {
  const keys = await logKeysOf(storage, KEY);
  let bytes = 0;
  for (let i = 0; i < keys.length; i += 100) {
    const items = await storage.read(keys.slice(i, i + 100));
    for (const { eTag: _eTag, ...doc } of Object.values(items))
      bytes += Buffer.byteLength(JSON.stringify(doc));
  }
  return bytes;
}

async function checkBoundedHistory(storage: BrugStorage, edits: number, budget: number) {
  const plans = new PlanStore(storage, realGuide(), { historyBudgetBytes: budget });
  const dayEnds = await editManyTimes(plans, KEY, edits, {
    start: START,
    perDay: edits / 4,
    actor: ANNE,
  });
  await plans.logBudget.idle();

  // Unbounded, the log would hold about 6 KB per edit.
  const stored = await storedLogBytes(storage);
  expect(stored).toBeLessThanOrEqual(budget);
  expect(stored * 5).toBeLessThan(edits * 6000);
  const counted = (await storedPlan(plans, KEY))!.logBytes!;
  expect(counted).toBeGreaterThanOrEqual(stored);
  expect(counted).toBeLessThanOrEqual(stored + budget / 4);

  // "stand op <datum>": the end of every day, as it was then.
  expect(dayEnds.size).toBe(4);
  for (const [day, values] of dayEnds) {
    const { answers } = await answersAsOf(plans.log.pages(KEY), new Date(`${day}T23:59:59.999Z`));
    expect(Object.fromEntries(Object.entries(answers).map(([q, a]) => [q, a.value]))).toEqual(
      values,
    );
  }

  // Undo of the last change still brings back the one before it.
  const undone = await plans.apply(KEY, { type: 'undo' }, { now: new Date(), actor: ANNE });
  expect(undone.state.answers.beliefsNote?.value).toBe(longValues(edits - 2).beliefsNote!.trim());

  // The data export works and fits in one download.
  const json = await exportConversationData(
    { plans, prefs: new UserPrefsStore(storage) },
    KEY,
    'msteams',
    '29:anne',
    new Date(),
    { plan: 'plan', you: 'you', usage: 'usage' },
  );
  expect(Buffer.byteLength(json)).toBeLessThan(MAX_DOWNLOAD_BYTES);
  const parsed = JSON.parse(json) as { changeLog: { compacted?: { entries: number } }[] };
  const represented = parsed.changeLog.reduce((n, e) => n + (e.compacted?.entries ?? 1), 0);
  expect(represented).toBeGreaterThanOrEqual(edits);
  const token = await new DownloadStore(storage).create(json, 'data.json', 'application/json', {
    owner: { userId: ANNE.id },
    planKey: KEY,
    kind: 'data',
  });
  expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
}

describe('a plan edited a few thousand times', () => {
  it('keeps its change log within the budget in memory, with day views, undo and export intact', async () => {
    await checkBoundedHistory(new MemoryStorage(), 2000, 200_000);
  });

  it('keeps the SQLite file small (the probe grew it to 92.7 MB at 4,000 edits)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brugbot-long-history-'));
    const file = path.join(dir, 'plans.sqlite');
    const storage = new SqliteStorage(file);
    try {
      await checkBoundedHistory(storage, 2000, 200_000);
      await storage.eraseDeleted();
      const size =
        fs.statSync(file).size + (fs.statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0);
      // Unbounded: about 12 MB of log for these edits; bounded: the budget plus free pages.
      expect(size).toBeLessThan(3_000_000);
    } finally {
      await storage.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  describe('on Azure Blob (Azurite)', () => {
    let azurite: AzuriteBlob;
    beforeAll(async () => (azurite = await startAzurite()), 60_000);
    afterAll(async () => azurite?.stop());

    it('keeps its change log within the budget there too', async () => {
      const storage = await createStorage({
        kind: 'blob',
        blobConnectionString: azurite.connectionString,
        blobContainer: 'long-history',
      });
      try {
        await checkBoundedHistory(storage, 240, 60_000);
      } finally {
        await storage.close();
      }
    }, 120_000);
  });
});
