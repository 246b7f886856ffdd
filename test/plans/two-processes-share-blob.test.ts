import { startAzurite, type AzuriteBlob } from '../helpers/azurite';
import { runContention, STRESS } from './group-contention';

describe('two bot processes on one Azure Blob container (Azurite)', () => {
  let azurite: AzuriteBlob;
  beforeAll(async () => (azurite = await startAzurite()), 60_000);
  afterAll(async () => azurite.stop());

  it('keep every answer when 20 colleagues submit 1 000 answers at once', async () => {
    const container = 'contention';
    const result = await runContention(
      {
        STORAGE: 'blob',
        AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
        AZURE_STORAGE_CONTAINER: container,
        ...STRESS,
      },
      { kind: 'blob', blobConnectionString: azurite.connectionString, blobContainer: container },
    );
    expect(result.refused).toEqual([]);
    expect(result.statuses.filter((s) => s !== 200)).toEqual([]);
    expect(result.statuses).toHaveLength(1001);
    for (const [q, value] of Object.entries(result.expected))
      expect(result.finalAnswers[q]).toBe(value);
    expect(result.logEntries).toBe(1000);
  }, 240_000);
});
