import { FakeConnector } from '../helpers/fake-connector';
import { tempSqlite } from '../plans/group-contention';
import { runTwoProcesses } from './followup-processes';

const PLANS = 12;

describe('two bot processes on one SQLite file', () => {
  const connector = new FakeConnector();
  beforeAll(async () => connector.start());
  afterAll(async () => connector.stop());

  it('send every due check-in exactly once, and fold the moments owed after a long gap into one', async () => {
    const db = tempSqlite();
    try {
      const result = await runTwoProcesses(
        { STORAGE: 'sqlite', SQLITE_PATH: db.file },
        { kind: 'sqlite', sqlitePath: db.file },
        connector,
        PLANS,
      );
      // Printed for the record (the figures in the closing note come from here).
      process.stdout.write(`follow-up sqlite: ${JSON.stringify(result)}\n`);
      expect(result.afterFirst).toEqual(Array(PLANS).fill(1));
      expect(result.afterAll).toEqual(Array(PLANS).fill(2));
    } finally {
      db.cleanup();
    }
  }, 120_000);
});
