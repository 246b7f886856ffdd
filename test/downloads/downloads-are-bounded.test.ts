import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DownloadLimitError, DownloadStore, DOWNLOAD_TTL_MS } from '../../src/downloads';
import { createStorage, MemoryStorage, SqliteStorage, type BrugStorage } from '../../src/storage';
import { startAzurite, type AzuriteBlob } from '../helpers/azurite';

const T0 = Date.parse('2026-11-23T09:00:00Z');
const ANNE = { userId: 'aad-anne', tenantId: 'tenant-1' };

async function checkBounds(storage: BrugStorage): Promise<void> {
  let now = T0;
  const downloads = new DownloadStore(storage, () => now, { perUser: 3, perTenant: 4 });
  const data = (planKey: string, owner = ANNE) =>
    downloads.create('{"x":1}', 'data.json', 'application/json', { owner, planKey, kind: 'data' });

  // Twenty data exports of one plan in a row: one live download, the earlier links revoked.
  const tokens: string[] = [];
  for (let i = 0; i < 20; i++) {
    tokens.push(await data('plan/msteams/a:one'));
    now += 1000;
  }
  expect(await storage.listKeys('download/')).toHaveLength(1);
  expect(await downloads.get(tokens[0]!)).toBeUndefined();
  expect(await downloads.get(tokens[19]!)).toMatchObject({ filename: 'data.json' });

  // A person's cap counts live downloads across plans and says when the first one expires.
  await data('plan/msteams/a:two');
  await data('plan/msteams/a:three');
  const refused = await data('plan/msteams/a:four').catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(DownloadLimitError);
  expect((refused as DownloadLimitError).scope).toBe('user');
  expect((refused as DownloadLimitError).retryAt).toBe(T0 + 19_000 + DOWNLOAD_TTL_MS);

  // The tenant's cap counts everyone of that tenant.
  await data('plan/msteams/a:bram', { userId: 'aad-bram', tenantId: 'tenant-1' });
  const tenantRefused = await data('plan/msteams/a:cas', {
    userId: 'aad-cas',
    tenantId: 'tenant-1',
  }).catch((e: unknown) => e);
  expect((tenantRefused as DownloadLimitError).scope).toBe('tenant');
  expect(
    await data('plan/msteams/a:dora', { userId: 'aad-dora', tenantId: 'tenant-2' }),
  ).toBeTruthy();

  // Deleting a plan takes its download and every index entry along.
  await downloads.revokeForPlan('plan/msteams/a:two');
  expect((await storage.listKeys('')).filter((k) => k.includes('a:two'))).toEqual([]);

  // Once expired, the purge leaves nothing of any download behind.
  now += DOWNLOAD_TTL_MS + 1;
  expect(await downloads.purgeExpired()).toBe(4);
  expect(await storage.listKeys('')).toEqual([]);
}

describe('stored downloads are bounded (issue 28, finding 2)', () => {
  it('in memory', async () => checkBounds(new MemoryStorage()));

  it('on SQLite', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brugbot-downloads-'));
    const storage = new SqliteStorage(path.join(dir, 'd.sqlite'));
    try {
      await checkBounds(storage);
    } finally {
      await storage.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('on Azure Blob (Azurite)', () => {
    let azurite: AzuriteBlob;
    beforeAll(async () => (azurite = await startAzurite()), 60_000);
    afterAll(async () => azurite?.stop());

    it('there too', async () => {
      const storage = await createStorage({
        kind: 'blob',
        blobConnectionString: azurite.connectionString,
        blobContainer: 'bounded-downloads',
      });
      try {
        await checkBounds(storage);
      } finally {
        await storage.close();
      }
    }, 60_000);
  });
});
