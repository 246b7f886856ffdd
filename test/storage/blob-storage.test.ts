import { ContainerClient } from '@azure/storage-blob';
import { BlobStorage } from '../../src/storage/blob-storage';
import { blobNameFor } from '../../src/storage/blob-names';
import { startAzurite, type AzuriteBlob } from '../helpers/azurite';
import { describeStorageContract, TEAMS_LIKE_KEYS } from './storage-contract';

let azurite: AzuriteBlob;
beforeAll(async () => {
  azurite = await startAzurite();
});
afterAll(() => azurite?.stop());

let containerCount = 0;
const freshContainer = (): string => `contract-${++containerCount}`;
const accountKey = (): string => /AccountKey=([^;]+)/.exec(azurite.connectionString)?.[1] ?? '';

describeStorageContract('BlobStorage (Azurite)', async () => {
  const name = freshContainer();
  const container = new ContainerClient(azurite.connectionString, name);
  return {
    storage: await BlobStorage.connect(azurite.connectionString, name),
    kind: 'blob',
    secrets: [accountKey(), azurite.connectionString],
    plantCorrupt: async (key, raw) => {
      await container.getBlockBlobClient(blobNameFor(key)).upload(raw, Buffer.byteLength(raw));
    },
    cleanup: async () => void (await container.deleteIfExists()),
  };
});

describe('BlobStorage specifics', () => {
  test('connect creates a missing container and reuses an existing one', async () => {
    const name = freshContainer();
    const first = await BlobStorage.connect(azurite.connectionString, name);
    await first.write({ plan: { v: 1 } });
    const second = await BlobStorage.connect(azurite.connectionString, name);
    expect((await second.read(['plan'])).plan?.v).toBe(1);
  });

  test('eTags are Azure’s own, so a plain client sees the same value', async () => {
    const name = freshContainer();
    const storage = await BlobStorage.connect(azurite.connectionString, name);
    await storage.write({ '19:abc@thread.tacv2': { v: 1 } });
    const { eTag } = (await storage.read(['19:abc@thread.tacv2']))['19:abc@thread.tacv2']!;
    const blob = new ContainerClient(azurite.connectionString, name).getBlobClient(
      blobNameFor('19:abc@thread.tacv2'),
    );
    expect((await blob.getProperties()).etag).toBe(eTag);
  });

  test('blob names use only URL-safe characters and no folders', async () => {
    const name = freshContainer();
    const storage = await BlobStorage.connect(azurite.connectionString, name);
    await storage.write(Object.fromEntries(TEAMS_LIKE_KEYS.map((k) => [k, { k }])));
    const names: string[] = [];
    for await (const blob of new ContainerClient(azurite.connectionString, name).listBlobsFlat()) {
      names.push(blob.name);
    }
    expect(names).toHaveLength(TEAMS_LIKE_KEYS.length);
    for (const blobName of names) expect(blobName).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  test('health is not ok, without secrets, when the emulator is unreachable', async () => {
    const unreachable = azurite.connectionString.replace(/:\d+\//, ':1/');
    const storage = new BlobStorage(new ContainerClient(unreachable, 'nowhere'), {
      healthTimeoutMs: 300,
    });
    const started = Date.now();
    const health = await storage.health();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(health).toMatchObject({ ok: false, kind: 'blob' });
    expect(health.detail).not.toContain(accountKey());
  });

  test('health reports a missing container as not ok', async () => {
    const storage = new BlobStorage(new ContainerClient(azurite.connectionString, 'missing'));
    expect(await storage.health()).toMatchObject({
      ok: false,
      detail: expect.stringContaining('404'),
    });
  });
});
