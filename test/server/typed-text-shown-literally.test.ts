import { ActivityFactory, BRAM } from '../helpers/activities';
import { cardsIn, startBot, textsIn, type RunningBot } from '../helpers/bot-server';
import { renderedText } from '../helpers/card-validator';
import { completePlan, confirmShare, eventually, send } from '../steering/steering-helpers';

type Json = Record<string, unknown>;
const EXPRESSION = '{{DATE(2017-02-14T06:08:39Z, SHORT)}}';
/** U+202E right-to-left override, U+200B zero-width space, U+0000. */
const HIDDEN = /[\u202a-\u202e\u2066-\u2069\u200b\u0000]/;
const WORD_JOINER = /\u2060/g;

let bot: RunningBot;
beforeAll(
  async () => (bot = await startBot({ STEERING_DEBOUNCE_MS: '0', STEERING_POLL_MS: '50' })),
);
afterAll(async () => bot.stop());

/** Every string anywhere in a JSON value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('text typed by users is shown literally', () => {
  const person = { id: '29:expr', name: `Els ${EXPRESSION}` };
  const chat = new ActivityFactory({ serviceUrl: '', user: person });

  beforeAll(async () => {
    Object.assign(chat, { options: { serviceUrl: bot.connector.url, user: person } });
    await completePlan(bot, chat, `Gemeente ${EXPRESSION}`);
    // A colleague asks: to Els herself her own answers are "jij", to others they carry her name.
    await send(bot, chat.message('samenvatting', BRAM));
  });

  it('renders a typed {{DATE(…)}} as typed, not as a date, in the summary card', () => {
    const summary = cardsIn(bot.connector.messagesTo(chat.conversationId)).pop()!;
    const seen = renderedText(summary).replace(WORD_JOINER, '');
    expect(seen).toContain(`Gemeente ${EXPRESSION}`);
    expect(seen).toContain(`Els ${EXPRESSION}`);
  });

  it('keeps the typed organisation out of the summary card’s fallbackText', () => {
    const summary = cardsIn(bot.connector.messagesTo(chat.conversationId)).pop()!;
    expect(String(summary.fallbackText)).not.toContain('Gemeente');
    expect(String(summary.fallbackText)).not.toContain('DATE');
  });
});

describe('control characters in answers never reach a reader', () => {
  const org = 'Gemeente \u202Eedahc\u202C Zwijn\u200Bdrecht\u0000 Noord';
  const chat = new ActivityFactory({ serviceUrl: '' });

  beforeAll(async () => {
    Object.assign(chat, { options: { serviceUrl: bot.connector.url } });
    await completePlan(bot, chat, org);
    // The author is told in the background where the note went: wait for it, so it never lands
    // after the export's answer that the last test reads.
    await confirmShare(bot, chat, undefined, { untilPosted: true });
    await send(bot, chat.message('samenvatting'));
  });

  it('stores the answer as typed, so nothing is lost', async () => {
    const key = `plan/msteams/${chat.conversationId}`;
    const plan = (await bot.app.storage.read([key]))[key] as { answers: Json };
    expect((plan.answers.orgName as Json).value).toBe(org);
  });

  it('shows it without NUL, bidi overrides or zero-width spaces in cards', () => {
    const cards = cardsIn(bot.connector.messagesTo(chat.conversationId));
    const texts = cards.flatMap(strings).filter((s) => s.includes('Noord'));
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(text).not.toMatch(HIDDEN);
    expect(texts.join('\n')).toContain('Gemeente edahc Zwijndrecht Noord');
  });

  it('leaves them out of the Markdown export and the steering note', async () => {
    await send(bot, chat.message('exporteer'));
    const text = textsIn(bot.connector.messagesTo(chat.conversationId)).pop()!;
    const markdown = /\((http:\/\/[^)]+)\)[^(]*$/.exec(text)![1]!;
    const exported = await (await fetch(markdown)).text();
    expect(exported).toContain('Zwijndrecht');
    expect(exported).not.toMatch(HIDDEN);
    const feed = await eventually(async () => {
      const json = await (await fetch(`${bot.url}/steering/feed.json`)).text();
      return json.includes('Zwijndrecht') ? json : undefined;
    });
    expect(strings(JSON.parse(feed)).join('\n')).not.toMatch(HIDDEN);
  });
});
