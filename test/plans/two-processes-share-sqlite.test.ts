import { runContention, STRESS, tempSqlite } from './group-contention';

describe('two bot processes on one SQLite file', () => {
  it('keep every answer when 20 colleagues submit 1 000 answers at once', async () => {
    const db = tempSqlite();
    try {
      const result = await runContention(
        { STORAGE: 'sqlite', SQLITE_PATH: db.file, ...STRESS },
        { kind: 'sqlite', sqlitePath: db.file },
      );
      expect(result.statuses.filter((s) => s !== 200)).toEqual([]);
      expect(result.statuses).toHaveLength(1001);
      for (const [q, value] of Object.entries(result.expected))
        expect(result.finalAnswers[q]).toBe(value);
      // One durable change-log entry per submit: no write was silently overwritten.
      expect(result.logEntries).toBe(1000);
    } finally {
      db.cleanup();
    }
  }, 180_000);
});
