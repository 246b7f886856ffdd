import { createStorage } from '../../src/storage';
import { spawnBot, type BotProcess } from '../helpers/bot-process';
import { FakeConnector } from '../helpers/fake-connector';
import { tempSqlite } from '../plans/group-contention';
import { eventually } from '../steering/steering-helpers';
import {
  AFTER_FIRST,
  checkinsPerConversation,
  moveClock,
  planKeyOf,
  seedPlans,
} from './followup-processes';

describe('a bot process killed between claiming a check-in and its send', () => {
  const connector = new FakeConnector();
  beforeAll(async () => connector.start());
  afterAll(async () => connector.stop());

  it('leaves a lease that expires: the check-in goes out after the restart, at most once more', async () => {
    const db = tempSqlite();
    const env = { STORAGE: 'sqlite', SQLITE_PATH: db.file, FOLLOWUP_POLL_MS: '3600000' };
    const config = { kind: 'sqlite' as const, sqlitePath: db.file };
    await seedPlans(config, connector, 1);
    // The Connector takes the first check-in but never answers: the process dies mid-send.
    let held = 0;
    connector.hold = (call) =>
      JSON.stringify(call.body).includes('followup.checkin') && ++held === 1;
    let bot: BotProcess = await spawnBot(env);
    try {
      void moveClock(bot, AFTER_FIRST).catch(() => undefined);
      await eventually(() => (held === 1 ? true : undefined));
      await bot.kill('SIGKILL');
      const storage = await createStorage(config);
      const key = `followup/schedule/${planKeyOf(0)}`;
      const claimed = (await storage.read([key]))[key] as { claim?: unknown; sent: object };
      await storage.close();
      expect(claimed.claim).toBeDefined();
      expect(claimed.sent).toEqual({});

      bot = await spawnBot(env);
      // Within the lease nobody sends again: the claim might still be a live process's.
      expect(await moveClock(bot, '2027-04-06T10:00:30+02:00')).toMatchObject({ sent: 0 });
      // Once the lease has run out the check-in goes out again, exactly once.
      expect(await moveClock(bot, '2027-04-06T10:05:00+02:00')).toMatchObject({ sent: 1 });
      expect(await moveClock(bot, '2027-04-06T10:10:00+02:00')).toMatchObject({ sent: 0 });
      const received = checkinsPerConversation(connector, 1)[0]!;
      process.stdout.write(`follow-up kill -9: check-in reached the Connector ${received} times\n`);
      expect(received).toBe(2);
    } finally {
      connector.hold = () => false;
      await bot.kill();
      db.cleanup();
    }
  }, 120_000);
});
