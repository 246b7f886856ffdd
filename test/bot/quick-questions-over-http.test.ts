import { citationEntitySchema, createQnaService } from '../../src/qna';
import { translator } from '../../src/i18n';
import { ActivityFactory, ANNE } from '../helpers/activities';
import { cardsIn, startBot, type RunningBot } from '../helpers/bot-server';
import { inputsOf, submitActions } from '../helpers/card-walker';
import { realGuide } from '../helpers/plans';

type Json = Record<string, unknown>;
let bot: RunningBot;
beforeAll(async () => (bot = await startBot()));
afterAll(async () => bot.stop());

async function ask(chat: ActivityFactory, activity: Json): Promise<Json[]> {
  const before = bot.connector.messagesTo(chat.conversationId).length;
  expect((await bot.post(activity)).status).toBe(200);
  return bot.connector
    .messagesTo(chat.conversationId)
    .slice(before)
    .map((c) => c.body);
}

const citationOf = (m: Json) =>
  ((m.entities as Json[] | undefined) ?? []).find((e) => e.type === 'https://schema.org/Message');

describe('quick questions over the Bot Framework protocol', () => {
  it('answers in a fresh conversation with a [1] marker, a Teams citation and a visible source', async () => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url });
    const [reply] = await ask(chat, chat.message('wat telt als een geslaagde toeleiding?'));
    // This answer draws on two sections: two markers, two claims, a numbered source list.
    expect(String(reply?.text)).toContain('[1] [2]');
    expect(String(reply?.text)).toMatch(/Bronnen:\n1\. \[.*\]\(https:.*\)\n2\. \[/);
    const parsed = citationEntitySchema.safeParse(citationOf(reply!));
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    expect(JSON.stringify(reply)).toMatch(/proefsessies/);
  });

  it('answers a question with typos and without accents', async () => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url });
    const [reply] = await ask(chat, chat.message('hoevel toeleidinge per jaar is realistich'));
    expect(citationOf(reply!)).toBeDefined();
    expect(String(reply?.text)).toMatch(/80/);
  });

  it('answers an English question in English', async () => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url, locale: 'en-US' });
    const [reply] = await ask(chat, chat.message('What does the steering group do?'));
    expect(String(reply?.text)).toMatch(/Sources?:/);
    expect(citationOf(reply!)).toBeDefined();
  });

  it('shows Web Chat numbered sources under the answer and no [n] markers it cannot link', async () => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url, channelId: 'webchat' });
    const [reply] = await ask(chat, chat.message('wat telt als een geslaagde toeleiding?'));
    expect(String(reply?.text)).not.toMatch(/\[\d\]/);
    expect(String(reply?.text)).toMatch(/Bronnen:\n1\. \[/);
    expect(citationOf(reply!)).toBeUndefined();
  });

  it('declines an out-of-scope question honestly, without a citation', async () => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url });
    const [reply] = await ask(chat, chat.message('wordt het morgen mooi weer in Gent?'));
    expect(citationOf(reply!)).toBeUndefined();
    expect(JSON.stringify(reply)).toContain(translator('nl')('qna:ui.decline').slice(0, 20));
  });

  it('quotes the seed word for word, as a quote with its source, when no entry fits', async () => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url });
    const [reply] = await ask(chat, chat.message('wat gebeurde er met het zwembad in Kortrijk?'));
    const text = String(reply?.text);
    expect(text).toMatch(/^\*\*Uit het praktijkverhaal Kortrijk\*\* · _letterlijk citaat_/);
    // A markdown block quote of seed sentences (made inert), the marker Teams links, the note.
    expect(text).toMatch(/\n> Onlangs hoorden we het verhaal van iemand die zwemlessen had gemist/);
    expect(text).toMatch(/QR-code\.\n>\n> /);
    expect(text).toMatch(/\[1\]\n\n/);
    expect(text).toContain(translator('nl')('qna:ui.quoteNote'));
    const parsed = citationEntitySchema.safeParse(citationOf(reply!));
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it('keeps the quote in Dutch for an English user and says the source is Dutch', async () => {
    const chat = new ActivityFactory({
      serviceUrl: bot.connector.url,
      locale: 'en-US',
      channelId: 'webchat',
    });
    const [reply] = await ask(chat, chat.message('wat gebeurde er met het zwembad in Kortrijk?'));
    const text = String(reply?.text);
    expect(text).toMatch(/^\*\*From the Kortrijk practice story\*\* · _word-for-word quote_/);
    expect(text).toContain('> Onlangs hoorden we het verhaal');
    expect(text).toMatch(/The source is in Dutch/);
    expect(text).not.toMatch(/\[\d\]/);
    expect(text).toMatch(/Source: \[/);
  });

  it('answers mid-guide and then resumes at the same card with the answers kept', async () => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url });
    await ask(chat, chat.message('start'));
    const first = cardsIn(bot.connector.messagesTo(chat.conversationId)).pop()!;
    const next = submitActions(first).find((a) => (a.data as Json).nav === 'next')!.data as Json;
    await ask(chat, chat.submit({ ...next, q_orgName: 'Gemeente Ronse' }));
    // Three required questions are still empty: "Nog open" — the user goes on anyway.
    const prompt = cardsIn(bot.connector.messagesTo(chat.conversationId)).pop()!;
    const skip = submitActions(prompt).find((a) => (a.data as Json).nav === 'skip')!.data as Json;
    await ask(chat, chat.submit(skip));
    const replies = await ask(chat, chat.message('halftijds, kan dat?'));
    const resume = cardsIn(replies.map((body) => ({ body }))).find((c) =>
      JSON.stringify(c).includes('Verder met stap 2'),
    );
    expect(resume).toBeDefined();
    // Related steps are a jump, not "continue": only the way back says "Verder met".
    const continues = new Set(JSON.stringify(replies).match(/Verder met stap \d/g));
    expect([...continues]).toEqual(['Verder met stap 2']);
    const [card] = cardsIn(
      (await ask(chat, chat.submit({ verb: 'guide.start' }))).map((body) => ({ body })),
    ).slice(-1);
    expect(JSON.stringify(card)).toContain('Stap 2 van 6 · 1 van 4');
    await ask(chat, chat.message('terug'));
    const back = cardsIn(bot.connector.messagesTo(chat.conversationId)).pop()!;
    expect(inputsOf(back).find((i) => i.id === 'q_orgName')?.value).toBe('Gemeente Ronse');
  });

  it('in a channel, answers only when @mentioned, with the mention stripped before searching', async () => {
    const chat = new ActivityFactory({
      serviceUrl: bot.connector.url,
      isGroup: true,
      conversationType: 'channel',
      conversationId: '19:abc@thread.tacv2;messageid=1700000000',
    });
    expect(await ask(chat, chat.message('wat doet een stuurgroep?', ANNE))).toEqual([]);
    const [reply] = await ask(chat, chat.mention('wat doet een stuurgroep?', ANNE));
    expect(citationOf(reply!)).toBeDefined();
  });

  it('answers a suggestion or link button by entry id', async () => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url });
    const [reply] = await ask(
      chat,
      chat.submit({ verb: 'qna.ask', entryId: 'successfulReferral' }),
    );
    expect(citationOf(reply!)).toBeDefined();
  });

  it('links only knowledge-base entries that exist from the guide cards', () => {
    const ids = new Set(createQnaService().entryIds());
    const linked = realGuide().definition.steps.flatMap((s) => s.parts.flatMap((p) => p.qna));
    expect(linked.length).toBeGreaterThan(10);
    expect(linked.filter((id) => !ids.has(id))).toEqual([]);
  });
});
