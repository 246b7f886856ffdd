import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PLAN_SCHEMA_VERSION, PlanStateError, type PlanState } from '../../src/guide';
import { answersAsOf, PlanStore, planKey } from '../../src/plans';
import { MemoryStorage, SqliteStorage, type MemoryRecord } from '../../src/storage';
import { realGuide, T0, storedPlan } from '../helpers/plans';

const ANNE = { id: 'aad-anne', name: 'Anne' };
const BRAM = { id: 'aad-bram', name: 'Bram' };
const KEY = planKey('msteams', 'a:format');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const ctx = (actor = ANNE, minute = 1) => ({ now: at(minute), actor });

function memoryPlans() {
  const records = new Map<string, MemoryRecord>();
  const storage = new MemoryStorage(records);
  return { records, storage, plans: new PlanStore(storage, realGuide()) };
}

const submitOrgName = (revision: number, orgName: string) =>
  ({
    type: 'submitStep',
    step: 1,
    part: 0,
    revision,
    values: { orgName },
    nav: 'stay',
  }) as const;

/** A plan exactly as schema 1 stored it: each change with its old and its new value. */
function version1Plan(): Record<string, unknown> {
  const t = (minute: number) => at(minute).toISOString();
  return {
    schemaVersion: 1,
    revision: 3,
    status: 'inProgress',
    currentStep: 1,
    currentPart: 0,
    answers: { orgName: { value: 'Gemeente Nieuw', by: BRAM, at: t(2), rev: 3 } },
    history: [
      {
        rev: 2,
        at: t(1),
        by: ANNE,
        kind: 'answer',
        changes: [{ q: 'orgName', from: null, to: 'Gemeente Oud' }],
      },
      {
        rev: 3,
        at: t(2),
        by: BRAM,
        kind: 'answer',
        changes: [{ q: 'orgName', from: 'Gemeente Oud', to: 'Gemeente Nieuw' }],
      },
    ],
    historyFloor: 0,
    clearedAt: {},
    createdAt: t(0),
    updatedAt: t(2),
  };
}

describe('a plan stored by schema 1', () => {
  it('is migrated on read, undone from its history, and stored again in the current format', async () => {
    const { records, storage, plans } = memoryPlans();
    await storage.write({ [KEY]: { ...version1Plan(), eTag: '*' } });

    const read = (await storedPlan(plans, KEY))!;
    expect(read.schemaVersion).toBe(PLAN_SCHEMA_VERSION);
    expect(read.history.map((h) => h.changes)).toEqual([
      [{ q: 'orgName', from: null }],
      [{ q: 'orgName', from: 'Gemeente Oud' }],
    ]);

    const undone = await plans.apply(KEY, { type: 'undo' }, ctx(ANNE, 3));
    expect(undone.state.answers.orgName?.value).toBe('Gemeente Oud');
    const stored = JSON.parse(records.get(KEY)!.json) as PlanState;
    expect(stored.schemaVersion).toBe(PLAN_SCHEMA_VERSION);
    expect(JSON.stringify(stored.history)).not.toContain('"to"');
    // The undo's log entry still says what it changed from and to.
    expect((await plans.log.entries(KEY)).at(-1)).toMatchObject({
      rev: 4,
      kind: 'undo',
      undoes: 3,
      changes: [{ q: 'orgName', from: 'Gemeente Nieuw', to: 'Gemeente Oud' }],
    });
  });

  it('still merges a card shown before a colleague changed the answer', async () => {
    const { storage, plans } = memoryPlans();
    await storage.write({ [KEY]: { ...version1Plan(), eTag: '*' } });
    // A card from revision 2 still carried "Gemeente Oud": unchanged by its sender, so Bram's
    // newer answer stays.
    const merged = await plans.apply(KEY, submitOrgName(2, 'Gemeente Oud'), ctx(ANNE, 4));
    expect(merged.state.answers.orgName).toMatchObject({ value: 'Gemeente Nieuw', by: BRAM });
  });
});

describe('a turn that changes the plan', () => {
  it('stores the plan and its change-log entry in one SQLite transaction', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brugbot-one-write-'));
    const storage = new SqliteStorage(path.join(dir, 'plans.sqlite'));
    try {
      const plans = new PlanStore(storage, realGuide());
      const started = await plans.apply(KEY, { type: 'start' }, ctx());
      const writes = jest.spyOn(storage, 'write');
      const answered = await plans.apply(
        KEY,
        submitOrgName(started.state.revision, 'Gemeente Een'),
        ctx(),
      );
      expect(writes).toHaveBeenCalledTimes(1);
      // The answer's own revision; moving to the card again is one more, without a log entry.
      const rev = answered.state.history.at(-1)!.rev;
      // Anne is recorded for the first time: her entries in the tab's index by member go along.
      expect(Object.keys(writes.mock.calls[0]![0])).toEqual([
        KEY,
        `log/${KEY}/${String(rev).padStart(10, '0')}`,
        `member/${ANNE.id}/${KEY}`,
        `member-of/${KEY}/${ANNE.id}`,
      ]);
      expect(await plans.log.entries(KEY)).toEqual([
        expect.objectContaining({
          rev,
          changes: [{ q: 'orgName', from: null, to: 'Gemeente Een' }],
        }),
      ]);
      writes.mockRestore();
    } finally {
      await storage.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves a log from which every earlier state can be replayed', async () => {
    const { plans } = memoryPlans();
    let state = (await plans.apply(KEY, { type: 'start' }, ctx())).state;
    const names = ['Gemeente A', 'Gemeente B', 'Gemeente C'];
    for (const [i, name] of names.entries()) {
      state = (await plans.apply(KEY, submitOrgName(state.revision, name), ctx(BRAM, 2 + i))).state;
    }
    state = (await plans.apply(KEY, { type: 'undo' }, ctx(ANNE, 10))).state;
    expect(state.answers.orgName?.value).toBe('Gemeente B');
    const asOf = async (when: Date) => (await answersAsOf(plans.log.pages(KEY), when)).answers;
    expect((await asOf(at(3))).orgName?.value).toBe('Gemeente B');
    expect((await asOf(at(4))).orgName?.value).toBe('Gemeente C');
    expect((await asOf(at(10))).orgName?.value).toBe('Gemeente B');
  });

  it('is validated before it is stored, and an invalid one is not stored', async () => {
    const { records, plans } = memoryPlans();
    await plans.apply(KEY, { type: 'start' }, ctx());
    const before = records.get(KEY)!.json;
    const call = plans.change(KEY, (current) => ({
      state: { ...current!, revision: current!.revision + 1, currentStep: 99 },
      result: undefined,
      effects: ['save'],
    }));
    await expect(call).rejects.toBeInstanceOf(PlanStateError);
    expect(records.get(KEY)!.json).toBe(before);
  });
});

describe('reading a stored plan', () => {
  it('refuses a current-version document without a plan outline as corrupt, not as absent', async () => {
    const { storage, plans } = memoryPlans();
    const { answers: _answers, ...noAnswers } = version1Plan();
    await storage.write({ [KEY]: { ...noAnswers, schemaVersion: PLAN_SCHEMA_VERSION } });
    expect(await plans.lookup(KEY)).toMatchObject({ ok: false, reason: 'corrupt' });
  });

  it('refuses a document that is not a JSON object as corrupt', async () => {
    const { records, plans } = memoryPlans();
    records.set(KEY, { json: '[1, 2]', eTag: 'e1' });
    expect(await plans.lookup(KEY)).toMatchObject({ ok: false, reason: 'corrupt' });
  });

  it('refuses a plan from a newer bot instead of guessing', async () => {
    const { storage, plans } = memoryPlans();
    await storage.write({ [KEY]: { ...version1Plan(), schemaVersion: PLAN_SCHEMA_VERSION + 1 } });
    const read = await plans.lookup(KEY);
    expect(read).toMatchObject({ ok: false, reason: 'corrupt' });
  });
});
