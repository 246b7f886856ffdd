import {
  CREATE_ONLY,
  CorruptDocumentError,
  EtagConflictError,
  InvalidStorageInputError,
  StorageClosedError,
  type BrugStorage,
  type StorageKind,
  type StoredDocument,
} from '../../src/storage';

export interface ContractSubject {
  storage: BrugStorage;
  kind: StorageKind;
  /** Stores `raw` as the body of `key`, bypassing validation, to simulate a damaged document. */
  plantCorrupt?: (key: string, raw: string) => Promise<void>;
  /** Strings that must never appear in `health().detail`. */
  secrets?: string[];
  cleanup?: () => Promise<void>;
}

export const TEAMS_LIKE_KEYS = [
  '19:abc@thread.tacv2;messageid=123',
  'msteams/conversations/a:1HJx-yz_AB=/users/29:1abc',
  'a:1/b',
  'a/b',
  'a//b',
  'a/',
  '.',
  '..',
  '../etc',
  '%3A',
  ':',
  '_3A',
  'a b+c?d#e&f',
  'plan/Zoë/één',
  'plan/😀/日本語',
  'quote\'"back\\slash',
];

async function expectConflict(promise: Promise<unknown>, key: string): Promise<void> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EtagConflictError);
  expect((error as EtagConflictError).key).toBe(key);
}

/** The one behaviour every Brugbot store must show; run against each implementation. */
export function describeStorageContract(
  name: string,
  factory: () => Promise<ContractSubject>,
): void {
  describe(`${name} storage contract`, () => {
    let subject: ContractSubject;
    let storage: BrugStorage;

    beforeEach(async () => {
      subject = await factory();
      storage = subject.storage;
    });
    afterEach(async () => {
      await storage.close();
      await subject.cleanup?.();
    });

    const readOne = async (key: string): Promise<StoredDocument | undefined> =>
      (await storage.read([key]))[key];

    test('reading missing keys returns no items', async () => {
      expect(await storage.read(['missing', 'also-missing'])).toEqual({});
      expect(await storage.read([])).toEqual({});
    });

    test('a written document reads back with an eTag that is not stored in the body', async () => {
      const doc = { answer: 'één 😀', nested: { list: [1, 2, { deep: true }] }, n: 1.5 };
      await storage.write({ plan: { ...doc, eTag: '*' } });
      const read = await readOne('plan');
      const { eTag, ...body } = read ?? {};
      expect(body).toEqual(doc);
      expect(typeof eTag).toBe('string');
      expect(eTag).not.toBe('*');
    });

    test('reads are copies: mutating a result changes nothing stored', async () => {
      await storage.write({ plan: { list: [1] } });
      const first = await readOne('plan');
      (first?.list as number[]).push(2);
      expect((await readOne('plan'))?.list).toEqual([1]);
    });

    test('every write produces a fresh eTag', async () => {
      await storage.write({ plan: { v: 1 } });
      const e1 = (await readOne('plan'))?.eTag;
      await storage.write({ plan: { v: 2, eTag: e1 } });
      const e2 = (await readOne('plan'))?.eTag;
      expect(e2).toEqual(expect.any(String));
      expect(e2).not.toBe(e1);
    });

    test('a write with the current eTag succeeds, one with a stale eTag conflicts', async () => {
      await storage.write({ plan: { v: 1 } });
      const stale = (await readOne('plan'))?.eTag;
      await storage.write({ plan: { v: 2, eTag: stale } });
      await expectConflict(storage.write({ plan: { v: 3, eTag: stale } }), 'plan');
      expect((await readOne('plan'))?.v).toBe(2);
    });

    test('a conflict on one key writes nothing from that call', async () => {
      await storage.write({ a: { v: 1 }, b: { v: 1 } });
      const items = await storage.read(['a', 'b']);
      await storage.write({ b: { v: 2, eTag: items.b?.eTag } });
      const call = storage.write({
        a: { v: 'changed', eTag: items.a?.eTag },
        b: { v: 'changed', eTag: items.b?.eTag },
        c: { v: 'new' },
      });
      await expectConflict(call, 'b');
      const after = await storage.read(['a', 'b', 'c']);
      expect([after.a?.v, after.b?.v, after.c]).toEqual([1, 2, undefined]);
    });

    test('a stale eTag conflicts after the key was deleted', async () => {
      await storage.write({ plan: { v: 1 } });
      const eTag = (await readOne('plan'))?.eTag;
      await storage.delete(['plan']);
      await expectConflict(storage.write({ plan: { v: 2, eTag } }), 'plan');
      expect(await readOne('plan')).toBeUndefined();
    });

    test('CREATE_ONLY writes a new key and conflicts on an existing one', async () => {
      await storage.write({ plan: { v: 1, eTag: CREATE_ONLY } });
      await expectConflict(storage.write({ plan: { v: 2, eTag: CREATE_ONLY } }), 'plan');
      expect((await readOne('plan'))?.v).toBe(1);
    });

    test('of several simultaneous CREATE_ONLY writes exactly one wins', async () => {
      const writers = [0, 1, 2, 3, 4, 5];
      const settled = await Promise.allSettled(
        writers.map((w) => storage.write({ plan: { owner: w, eTag: CREATE_ONLY } })),
      );
      const winners = writers.filter((w) => settled[w]?.status === 'fulfilled');
      expect(winners).toHaveLength(1);
      for (const outcome of settled) {
        if (outcome.status === 'rejected') expect(outcome.reason).toBeInstanceOf(EtagConflictError);
      }
      expect((await readOne('plan'))?.owner).toBe(winners[0]);
    });

    test("an undefined eTag or '*' overwrites whatever is stored", async () => {
      await storage.write({ plan: { v: 1 } });
      await storage.write({ plan: { v: 2 } });
      await storage.write({ plan: { v: 3, eTag: '*' } });
      expect((await readOne('plan'))?.v).toBe(3);
    });

    test('delete removes keys and ignores missing ones', async () => {
      await storage.write({ a: { v: 1 }, b: { v: 1 } });
      await storage.delete(['a', 'never-written']);
      expect(Object.keys(await storage.read(['a', 'b']))).toEqual(['b']);
    });

    test('listKeys returns the keys with a prefix, case-sensitive and sorted', async () => {
      const keys = ['plan/b', 'plan/a', 'plan:x', 'Plan/c', 'plan', 'other', 'plan/ä'];
      await storage.write(Object.fromEntries(keys.map((k) => [k, { k }])));
      expect(await storage.listKeys('plan/')).toEqual(['plan/a', 'plan/b', 'plan/ä']);
      expect(await storage.listKeys('nothing')).toEqual([]);
      expect(await storage.listKeys('')).toEqual([...keys].sort());
    });

    test('keys with Teams-like characters stay distinct and round-trip', async () => {
      await storage.write(Object.fromEntries(TEAMS_LIKE_KEYS.map((k) => [k, { k }])));
      const items = await storage.read(TEAMS_LIKE_KEYS);
      for (const key of TEAMS_LIKE_KEYS) expect(items[key]?.k).toBe(key);
      expect(await storage.listKeys('')).toEqual([...TEAMS_LIKE_KEYS].sort());
      expect(await storage.listKeys('19:abc@thread.tacv2;')).toEqual([TEAMS_LIKE_KEYS[0]]);
      expect(await storage.listKeys('a/')).toEqual(['a/', 'a//b', 'a/b']);
    });

    test('keys up to 1 024 characters work, even when they differ only at the end', async () => {
      const head = 'é'.repeat(1023);
      const long = [`${head}a`, `${head}b`, '😀'.repeat(512)];
      await storage.write(Object.fromEntries(long.map((k, i) => [k, { i }])));
      const items = await storage.read(long);
      expect(long.map((k) => items[k]?.i)).toEqual([0, 1, 2]);
      expect(await storage.listKeys(head)).toEqual(long.slice(0, 2));
    });

    test('invalid keys are rejected with a clear error', async () => {
      const tooLong = 'k'.repeat(1025);
      await expect(storage.write({ [tooLong]: { v: 1 } })).rejects.toThrow(/1025 characters/);
      await expect(storage.read([tooLong])).rejects.toBeInstanceOf(InvalidStorageInputError);
      await expect(storage.read([''])).rejects.toBeInstanceOf(InvalidStorageInputError);
      await expect(storage.read(['half \uD83D'])).rejects.toBeInstanceOf(InvalidStorageInputError);
    });

    test('documents that are not JSON objects are rejected and nothing is written', async () => {
      const cyclic: Record<string, unknown> = {};
      cyclic.self = cyclic;
      for (const bad of [[1, 2], null, 'text', cyclic, { v: 1, eTag: 42 }]) {
        const call = storage.write({ ok: { v: 1 }, bad: bad as StoredDocument });
        await expect(call).rejects.toBeInstanceOf(InvalidStorageInputError);
      }
      expect(await storage.read(['ok', 'bad'])).toEqual({});
    });

    test('a corrupt document throws CorruptDocumentError naming the key', async () => {
      if (!subject.plantCorrupt) return;
      await storage.write({ good: { v: 1 } });
      await subject.plantCorrupt('19:bad@thread', '{"answers": [tru');
      const error: unknown = await storage.read(['good', '19:bad@thread']).catch((e) => e);
      expect(error).toBeInstanceOf(CorruptDocumentError);
      expect((error as CorruptDocumentError).key).toBe('19:bad@thread');
      await subject.plantCorrupt('not-an-object', '[1,2]');
      await expect(storage.read(['not-an-object'])).rejects.toBeInstanceOf(CorruptDocumentError);
      expect(await storage.read(['good'])).toEqual({ good: expect.objectContaining({ v: 1 }) });
    });

    test('health reports ok and the kind, without secrets; a closed store says so', async () => {
      const health = await storage.health();
      expect(health).toMatchObject({ ok: true, kind: subject.kind });
      for (const secret of subject.secrets ?? []) expect(health.detail).not.toContain(secret);
      await storage.close();
      expect(await storage.health()).toMatchObject({ ok: false, kind: subject.kind });
      await expect(storage.read(['plan'])).rejects.toBeInstanceOf(StorageClosedError);
      await storage.close();
    });
  });
}
