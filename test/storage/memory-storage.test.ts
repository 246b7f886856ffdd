import { MemoryStorage, type MemoryRecord } from '../../src/storage';
import { describeStorageContract } from './storage-contract';

describeStorageContract('MemoryStorage', async () => {
  const records = new Map<string, MemoryRecord>();
  return {
    storage: new MemoryStorage(records),
    kind: 'memory',
    plantCorrupt: async (key, raw) => void records.set(key, { json: raw, eTag: 'planted' }),
  };
});

test('MemoryStorage keeps a copy, so mutating a written object changes nothing stored', async () => {
  const storage = new MemoryStorage();
  const doc = { list: [1] };
  await storage.write({ plan: doc });
  doc.list.push(2);
  expect((await storage.read(['plan'])).plan?.list).toEqual([1]);
});

test('two MemoryStorage instances over one record map see each other’s writes', async () => {
  const records = new Map<string, MemoryRecord>();
  await new MemoryStorage(records).write({ plan: { v: 1 } });
  expect((await new MemoryStorage(records).read(['plan'])).plan?.v).toBe(1);
});
