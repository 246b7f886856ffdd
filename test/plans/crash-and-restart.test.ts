import { createStorage } from '../../src/storage';
import { ActivityFactory } from '../helpers/activities';
import { cardsIn } from '../helpers/bot-server';
import { spawnBot } from '../helpers/bot-process';
import { FakeConnector } from '../helpers/fake-connector';
import { tempSqlite } from './group-contention';
import { forwardAction } from '../helpers/card-walker';

type Json = Record<string, unknown>;

const connector = new FakeConnector();
beforeAll(async () => connector.start());
afterAll(async () => connector.stop());

function lastCard(conversationId: string): Json {
  return cardsIn(connector.messagesTo(conversationId)).pop()!;
}

function forward(card: Json, values: Json = {}): Json {
  const action = forwardAction(card)!;
  return { ...(action.data as Json), ...values };
}

describe('a bot process that dies', () => {
  it('keeps every answer it acknowledged with HTTP 200 after kill -9, and resumes at the right card', async () => {
    const db = tempSqlite();
    const env = { STORAGE: 'sqlite', SQLITE_PATH: db.file };
    const chat = new ActivityFactory({ serviceUrl: connector.url });
    const acknowledged: string[] = [];
    let bot = await spawnBot(env);
    try {
      await bot.post(chat.message('start'));
      const card = lastCard(chat.conversationId);
      const stay = { ...forward(card), nav: 'stay' };
      // A stream of answers; the process is killed while some are still in flight.
      const inFlight: Promise<void>[] = [];
      for (let i = 0; i < 200; i++) {
        const value = `nota versie ${i}`;
        const rev = Number(
          /"rev":(\d+)/.exec(JSON.stringify(lastCard(chat.conversationId)))?.[1] ?? 0,
        );
        const sent = bot
          .post(chat.submit({ ...stay, rev, q_beliefsNote: value }))
          .then((status) => {
            if (status === 200) acknowledged.push(value);
          });
        inFlight.push(sent);
        if (i === 120) await bot.kill('SIGKILL');
        if (i % 4 === 3) await sent;
      }
      await Promise.all(inFlight);
      expect(acknowledged.length).toBeGreaterThan(20);
      bot = await spawnBot(env);
      const storage = await createStorage({ kind: 'sqlite', sqlitePath: db.file });
      const key = `plan/msteams/${chat.conversationId}`;
      const log = await storage.read(await storage.listKeys(`log/${key}/`));
      const logged = new Set(
        Object.values(log).flatMap((e) =>
          (e as { changes: { to: unknown }[] }).changes.map((c) => c.to),
        ),
      );
      const plan = (await storage.read([key]))[key] as {
        answers: { beliefsNote: { value: string } };
      };
      await storage.close();
      expect(acknowledged.filter((v) => !logged.has(v))).toEqual([]);
      // The newest acknowledged answer, or one still in flight at the kill: that one may have been
      // committed with its HTTP 200 lost on the way (the client then simply does not know).
      const last = acknowledged[acknowledged.length - 1]!;
      const inFlightAtKill = Array.from({ length: 121 }, (_, i) => `nota versie ${i}`).slice(
        Number(last.split(' ').pop()) + 1,
      );
      expect([last, ...inFlightAtKill]).toContain(plan.answers.beliefsNote.value);
      await bot.post(chat.message('start'));
      const resumed = JSON.stringify(lastCard(chat.conversationId));
      expect(resumed).toContain('Stap 1 van 6');
      expect(resumed).toContain(plan.answers.beliefsNote.value);
    } finally {
      await bot.kill();
      db.cleanup();
    }
  }, 120_000);

  it('lets a plan walked to step 4 continue at step 4 after a restart', async () => {
    const db = tempSqlite();
    const env = { STORAGE: 'sqlite', SQLITE_PATH: db.file };
    const chat = new ActivityFactory({ serviceUrl: connector.url });
    let bot = await spawnBot(env);
    try {
      await bot.post(chat.message('start'));
      for (
        let i = 0;
        i < 40 && !JSON.stringify(lastCard(chat.conversationId)).includes('Stap 4 van 6');
        i++
      ) {
        await bot.post(
          chat.submit(forward(lastCard(chat.conversationId), { q_orgName: 'Gemeente Tielt' })),
        );
      }
      expect(JSON.stringify(lastCard(chat.conversationId))).toContain('Stap 4 van 6');
      await bot.kill('SIGTERM');
      bot = await spawnBot(env);
      expect(await bot.post(chat.message('start'))).toBe(200);
      expect(JSON.stringify(lastCard(chat.conversationId))).toContain('Stap 4 van 6');
      await bot.post(chat.message('samenvatting'));
      expect(JSON.stringify(lastCard(chat.conversationId))).toContain('Gemeente Tielt');
    } finally {
      await bot.kill();
      db.cleanup();
    }
  }, 120_000);
});
