import path from 'node:path';
import { ActivityFactory } from '../helpers/activities';
import { spawnBot } from '../helpers/bot-process';
import { cardsIn } from '../helpers/bot-server';
import { FakeConnector } from '../helpers/fake-connector';
import { tempSqlite } from '../plans/group-contention';

/**
 * restify 11 called `process.binding('http_parser')` at start: a DEP0111 warning on Node 20 and
 * 22, and no start at all on Node 24. The real process runs here with `--throw-deprecation` (a
 * runtime deprecation kills it) and every `process.binding` call made a deprecation too (see the
 * preloaded helper), answers a turn on SQLite, and stops; its log holds no warning of any kind.
 * `.ci/run` runs this on the machine's Node and on Node 24.
 */
const STRICT_NODE = `--throw-deprecation --require ${path.join(__dirname, '../helpers/process-binding-is-deprecated.js')}`;

describe(`a clean start on Node ${process.versions.node}`, () => {
  it.each(['botbuilder', 'agents'])(
    'the %s host starts, answers and stops without a deprecation or any other warning',
    async (sdk) => {
      const connector = new FakeConnector();
      await connector.start();
      const db = tempSqlite();
      const bot = await spawnBot({
        BOT_SDK: sdk,
        STORAGE: 'sqlite',
        SQLITE_PATH: db.file,
        LOG_LEVEL: 'info',
        NODE_OPTIONS: STRICT_NODE,
      });
      try {
        const chat = new ActivityFactory({ serviceUrl: connector.url });
        expect(await bot.post(chat.message('start'))).toBe(200);
        expect(cardsIn(connector.messagesTo(chat.conversationId)).length).toBeGreaterThan(0);
        await bot.kill('SIGTERM');
        expect(bot.child.exitCode).toBe(0);
        const output = bot.output();
        expect(output).toContain('Brugbot is listening');
        expect(output).not.toMatch(/Warning|DEP0\d{3}|process\.binding/);
      } finally {
        await bot.kill();
        await connector.stop();
        db.cleanup();
      }
    },
    120_000,
  );
});
