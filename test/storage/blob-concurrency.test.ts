import { BlobStorage } from '../../src/storage/blob-storage';
import { startAzurite, type AzuriteBlob } from '../helpers/azurite';
import { expectNoLostUpdates, runWorkers } from './fixtures/run-workers';

const KEY = 'plan/19:race@thread.tacv2;messageid=1';
const CONTAINER = 'race';

let azurite: AzuriteBlob;
beforeAll(async () => {
  azurite = await startAzurite();
});
afterAll(() => azurite?.stop());

test('two processes updating one blob 100 times each lose no item', async () => {
  const storage = {
    kind: 'blob',
    blobConnectionString: azurite.connectionString,
    blobContainer: CONTAINER,
  } as const;
  const summaries = await runWorkers({
    storage,
    key: KEY,
    workers: ['a', 'b'],
    count: 100,
    // See the SQLite race: back-to-back writers need more attempts than colleagues do.
    maxAttempts: 100,
    backoffMs: 2,
    // A low ceiling keeps a loser in the race instead of sleeping while the other finishes.
    maxBackoffMs: 20,
    turnLatencyMs: 2,
    thinkMs: 2,
  });
  const reader = await BlobStorage.connect(azurite.connectionString, CONTAINER);
  const doc = (await reader.read([KEY]))[KEY] as { items?: unknown } | undefined;

  expectNoLostUpdates(doc?.items, ['a', 'b'], 100);
  expect(summaries.reduce((sum, s) => sum + s.attempts, 0)).toBeGreaterThan(200);
  console.info('Blob race', summaries);
});
