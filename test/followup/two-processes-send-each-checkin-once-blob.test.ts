import { startAzurite, type AzuriteBlob } from '../helpers/azurite';
import { FakeConnector } from '../helpers/fake-connector';
import { runTwoProcesses } from './followup-processes';

const PLANS = 12;

describe('two bot processes on one Azure Blob container (Azurite)', () => {
  let azurite: AzuriteBlob;
  const connector = new FakeConnector();
  beforeAll(async () => {
    azurite = await startAzurite();
    await connector.start();
  }, 60_000);
  afterAll(async () => {
    await connector.stop();
    await azurite.stop();
  });

  it('send every due check-in exactly once, and fold the moments owed after a long gap into one', async () => {
    const container = 'followup';
    const result = await runTwoProcesses(
      {
        STORAGE: 'blob',
        AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
        AZURE_STORAGE_CONTAINER: container,
      },
      { kind: 'blob', blobConnectionString: azurite.connectionString, blobContainer: container },
      connector,
      PLANS,
    );
    process.stdout.write(`follow-up blob: ${JSON.stringify(result)}\n`);
    expect(result.afterFirst).toEqual(Array(PLANS).fill(1));
    expect(result.afterAll).toEqual(Array(PLANS).fill(2));
  }, 180_000);
});
