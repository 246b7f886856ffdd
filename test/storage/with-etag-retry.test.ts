import { z } from 'zod';
import {
  ConcurrencyExhaustedError,
  CorruptDocumentError,
  CREATE_ONLY,
  InvalidStorageInputError,
  MemoryStorage,
  updateWithRetry,
  type BrugStorage,
  type StoredDocuments,
} from '../../src/storage';

interface Doc {
  items: string[];
}
const docSchema = z.object({ items: z.array(z.string()) });
const append = (item: string) => (current: Doc | undefined) => ({
  next: { items: [...(current?.items ?? []), item] },
  result: (current?.items.length ?? 0) + 1,
});
const noSleep = async (): Promise<void> => undefined;

/** Lets a "colleague" append an item between our read and our write, `times` times. */
class InterferingStorage implements Pick<BrugStorage, 'read' | 'write' | 'delete'> {
  constructor(
    private readonly inner: MemoryStorage,
    private times: number,
  ) {}
  async read(keys: string[]): Promise<StoredDocuments> {
    const items = await this.inner.read(keys);
    if (this.times-- > 0) {
      const [key] = keys as [string];
      const stored = (await this.inner.read([key]))[key] as Doc | undefined;
      await this.inner.write({
        [key]: { items: [...(stored?.items ?? []), `colleague-${this.times}`] },
      });
    }
    return items;
  }
  write = (changes: StoredDocuments): Promise<void> => this.inner.write(changes);
  delete = (keys: string[]): Promise<void> => this.inner.delete(keys);
}

describe('updateWithRetry', () => {
  test('creates a missing document in one attempt', async () => {
    const storage = new MemoryStorage();
    const outcome = await updateWithRetry(storage, 'plan', append('first'));
    expect(outcome).toEqual({ result: 1, value: { items: ['first'] }, written: true, attempts: 1 });
    expect((await storage.read(['plan'])).plan?.items).toEqual(['first']);
  });

  test('writes nothing when the update returns no next document', async () => {
    const storage = new MemoryStorage();
    await storage.write({ plan: { items: ['a'] } });
    const { eTag } = (await storage.read(['plan'])).plan!;
    const outcome = await updateWithRetry<Doc, string>(storage, 'plan', (current) => ({
      result: `has ${current?.items.length}`,
    }));
    expect(outcome).toEqual({
      result: 'has 1',
      value: { items: ['a'] },
      written: false,
      attempts: 1,
    });
    expect((await storage.read(['plan'])).plan?.eTag).toBe(eTag);
  });

  test('re-runs the update on the colleague’s result after a conflict, losing nothing', async () => {
    const inner = new MemoryStorage();
    await inner.write({ plan: { items: ['start'] } });
    const update = jest.fn(append('mine'));
    const outcome = await updateWithRetry(new InterferingStorage(inner, 2), 'plan', update, {
      sleep: noSleep,
    });
    expect(outcome.attempts).toBe(3);
    expect(update).toHaveBeenCalledTimes(3);
    expect((await inner.read(['plan'])).plan?.items).toEqual([
      'start',
      'colleague-1',
      'colleague-0',
      'mine',
    ]);
  });

  test('a document created by a colleague meanwhile makes CREATE_ONLY conflict and retry', async () => {
    const inner = new MemoryStorage();
    const outcome = await updateWithRetry(
      new InterferingStorage(inner, 1),
      'plan',
      append('mine'),
      {
        sleep: noSleep,
      },
    );
    expect(outcome.attempts).toBe(2);
    expect((await inner.read(['plan'])).plan?.items).toEqual(['colleague-0', 'mine']);
  });

  test('gives up with ConcurrencyExhaustedError after maxAttempts, backing off in between', async () => {
    const inner = new MemoryStorage();
    const sleeps: number[] = [];
    const sleep = async (ms: number): Promise<void> => void sleeps.push(ms);
    const call = updateWithRetry(new InterferingStorage(inner, 99), 'plan', append('mine'), {
      maxAttempts: 4,
      backoffMs: 10,
      sleep,
    });
    const error: unknown = await call.catch((e) => e);
    expect(error).toBeInstanceOf(ConcurrencyExhaustedError);
    expect(error).toMatchObject({ key: 'plan', attempts: 4 });
    expect(sleeps).toHaveLength(3);
    sleeps.forEach((ms, i) => expect(ms).toBeLessThanOrEqual(10 * 2 ** i));
  });

  test('caps each backoff at maxBackoffMs however many attempts are allowed', async () => {
    const sleeps: number[] = [];
    const sleep = async (ms: number): Promise<void> => void sleeps.push(ms);
    const storage = new InterferingStorage(new MemoryStorage(), 99);
    const options = { maxAttempts: 30, backoffMs: 10, maxBackoffMs: 50, sleep };
    await expect(updateWithRetry(storage, 'plan', append('x'), options)).rejects.toBeInstanceOf(
      ConcurrencyExhaustedError,
    );
    expect(sleeps).toHaveLength(29);
    expect(Math.max(...sleeps)).toBeLessThanOrEqual(50);
  });

  test('validates the stored document and reports a mismatch as CorruptDocumentError', async () => {
    const storage = new MemoryStorage();
    await storage.write({ plan: { items: 'not a list' } });
    const call = updateWithRetry(storage, 'plan', append('x'), { parse: docSchema.parse });
    await expect(call).rejects.toBeInstanceOf(CorruptDocumentError);
    await storage.write({ plan: { items: ['ok'] } });
    const outcome = await updateWithRetry(storage, 'plan', append('x'), { parse: docSchema.parse });
    expect(outcome.value).toEqual({ items: ['ok', 'x'] });
  });

  test('passes other errors through without retrying', async () => {
    const storage = new MemoryStorage();
    const update = jest.fn((): { result: void } => {
      throw new RangeError('bug in update');
    });
    await expect(updateWithRetry(storage, 'plan', update)).rejects.toThrow(RangeError);
    expect(update).toHaveBeenCalledTimes(1);
    await expect(updateWithRetry(storage, 'plan', append('x'), { maxAttempts: 0 })).rejects.toThrow(
      /maxAttempts/,
    );
  });

  test('writes documents alongside in the same call, and only after winning the race', async () => {
    const inner = new MemoryStorage();
    const writes = jest.spyOn(inner, 'write');
    const outcome = await updateWithRetry(
      new InterferingStorage(inner, 1),
      'plan',
      (current: Doc | undefined) => {
        const items = [...(current?.items ?? []), 'mine'];
        return {
          next: { items },
          result: items.length,
          alongside: { [`log/${items.length}`]: {} },
        };
      },
      { sleep: noSleep },
    );
    expect(outcome).toMatchObject({ written: true, attempts: 2, result: 2 });
    // The colleague's write, our lost attempt (plan and log together), our winning attempt.
    expect(writes.mock.calls.map(([changes]) => Object.keys(changes))).toEqual([
      ['plan'],
      ['plan', 'log/1'],
      ['plan', 'log/2'],
    ]);
    expect(await inner.listKeys('log/')).toEqual(['log/2']);
  });

  test('retries only a conflict on its own key, and refuses to write that key twice', async () => {
    const storage = new MemoryStorage();
    await storage.write({ 'log/1': { taken: true } });
    const taken = updateWithRetry(storage, 'plan', () => ({
      next: { items: [] },
      result: undefined,
      alongside: { 'log/1': { eTag: CREATE_ONLY } },
    }));
    await expect(taken).rejects.toMatchObject({ key: 'log/1' });
    expect(await storage.read(['plan'])).toEqual({});
    const twice = updateWithRetry(storage, 'plan', () => ({
      next: { items: [] },
      result: undefined,
      alongside: { plan: {} },
    }));
    await expect(twice).rejects.toBeInstanceOf(InvalidStorageInputError);
  });

  test('twenty concurrent updates in one process all land', async () => {
    const storage = new MemoryStorage();
    const writers = Array.from({ length: 20 }, (_, i) => `w${i}`);
    await Promise.all(
      writers.map((w) =>
        updateWithRetry(storage, 'plan', append(w), { maxAttempts: 100, backoffMs: 1 }),
      ),
    );
    expect([...((await storage.read(['plan'])).plan?.items as string[])].sort()).toEqual(
      [...writers].sort(),
    );
  });
});
