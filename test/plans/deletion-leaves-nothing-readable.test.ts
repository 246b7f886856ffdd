import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { translator } from '../../src/i18n';
import { ActivityFactory } from '../helpers/activities';
import { cardsIn, startBot, textsIn, type RunningBot } from '../helpers/bot-server';
import {
  completePlan,
  confirmShare,
  eventually,
  outboxLength,
  send,
} from '../steering/steering-helpers';

type Json = Record<string, unknown>;
const nl = translator('nl');
const DOWNLOAD = /http:\/\/127\.0\.0\.1:\d+\/download\/[A-Za-z0-9_-]{43}/g;

/** Where `needle` occurs in the bytes of the database and its -wal/-shm files. */
function filesContaining(sqlitePath: string, needle: string): string[] {
  return [sqlitePath, `${sqlitePath}-wal`, `${sqlitePath}-shm`].filter(
    (file) => fs.existsSync(file) && fs.readFileSync(file).includes(Buffer.from(needle, 'utf8')),
  );
}

describe('"verwijder plan" on a real SQLite file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brugbot-delete-'));
  const sqlitePath = path.join(dir, 'brugbot.sqlite');
  // Strings that exist nowhere else: if their bytes survive anywhere, deletion left a copy.
  const org = `Gemeente Wisproef ${randomUUID()}`;
  const person = { id: `29:${randomUUID()}`, name: `Ilse Wisproef ${randomUUID().slice(0, 8)}` };
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startBot({
      STORAGE: 'sqlite',
      SQLITE_PATH: sqlitePath,
      STEERING_DEBOUNCE_MS: '0',
      STEERING_POLL_MS: '50',
    });
  });
  afterAll(async () => {
    await bot.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('revokes every download, keeps only the language choice and leaves no bytes behind', async () => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url, user: person });
    const texts = () => textsIn(bot.connector.messagesTo(chat.conversationId));
    await send(bot, chat.message('taal nl'));
    await completePlan(bot, chat, org);
    // Shared with the steungroep: the note is in the local steering channel.
    await confirmShare(bot, chat);
    await eventually(() => texts().find((t) => t.includes('/steering#')));
    await send(bot, chat.message('exporteer'));
    await send(bot, chat.message('mijn gegevens'));
    const links = texts().flatMap((t) => t.match(DOWNLOAD) ?? []);
    expect(links.length).toBe(3);
    // The plan tab makes its downloads on a click.
    const fromTab = await fetch(`${bot.url}/api/tab/plans/export`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ conversationId: chat.conversationId, format: 'md' }),
    });
    links.push(`${bot.url}${((await fromTab.json()) as { url: string }).url}`);
    expect(await bot.app.storage.listKeys('download/')).toHaveLength(4);
    for (const link of links) expect((await fetch(link)).status).toBe(200);
    // "mijn gegevens" says what deleting the plan erases and what stays.
    const myData = (await (await fetch(links[2]!)).json()) as { about: Json };
    expect(myData.about).toEqual({
      plan: nl('bot:privacy.about.plan'),
      you: nl('bot:privacy.about.you'),
      usage: nl('bot:privacy.about.usage'),
    });
    // Every saved step rewrote the plan: older versions of it are in the files as well.
    expect(filesContaining(sqlitePath, org)).not.toEqual([]);

    await send(bot, chat.message('verwijder plan'));
    const confirm = cardsIn(bot.connector.messagesTo(chat.conversationId)).pop()!;
    const yes = (confirm.actions as Json[]).find(
      (a) => (a.data as Json).verb === 'privacy.delete.confirm',
    )!.data as Json;
    await send(bot, chat.submit(yes));

    const kept = nl('bot:privacy.keptLanguage', { language: nl('bot:privacy.languages.nl') });
    expect(texts().pop()).toBe(nl('bot:privacy.deleted', { kept }));
    for (const link of links) expect((await fetch(link)).status).toBe(404);
    expect(await bot.app.storage.listKeys('download/')).toEqual([]);
    // The language choice belongs to the person, not to the plan: it stays, and nothing else.
    expect(await bot.app.storage.listKeys(`user/msteams/${person.id}`)).toHaveLength(1);
    // The note is replaced by "Plan verwijderd … door <name>"; once that is out, nothing is left.
    await eventually(async () => ((await outboxLength(bot)) === 0 ? true : undefined));
    // Besides the language choice only the store's marker that the member index is built (a date)
    // and the day's usage counts, which name nobody (README, "Usage insight") and so stay.
    const left = await bot.app.storage.listKeys('');
    expect(left.filter((key) => !key.startsWith('insight/day/'))).toEqual([
      'meta/member-index-v1',
      `user/msteams/${person.id}`,
    ]);
    expect(filesContaining(sqlitePath, org)).toEqual([]);
    expect(filesContaining(sqlitePath, person.name)).toEqual([]);
  });
});
