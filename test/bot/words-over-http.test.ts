import { translator, type Locale } from '../../src/i18n';
import { ActivityFactory } from '../helpers/activities';
import { cardsIn, startBot, textsIn, type RunningBot } from '../helpers/bot-server';
import { inputsOf, pressForward, submitActions } from '../helpers/card-walker';

/** The words of issue 27 (finding 8), as a person meets them over the protocol, in both languages. */
type Json = Record<string, unknown>;

let bot: RunningBot;
beforeAll(async () => (bot = await startBot()));
afterAll(async () => bot.stop());

const cards = (chat: ActivityFactory) => cardsIn(bot.connector.messagesTo(chat.conversationId));
const lastCard = (chat: ActivityFactory) => cards(chat)[cards(chat).length - 1]!;

async function send(activity: Json): Promise<void> {
  const { status } = await bot.post(activity);
  expect(status).toBeLessThan(300);
}

const TAGS: Record<Locale, string> = { nl: 'nl-BE', en: 'en-GB' };

describe.each(['nl', 'en'] as const)('the words in %s', (lng) => {
  const t = translator(lng);
  const chatIn = () => new ActivityFactory({ serviceUrl: bot.connector.url, locale: TAGS[lng] });

  it('keeps the capitals of a name among chosen partners ("Huis van het Kind")', async () => {
    const chat = chatIn();
    await send(chat.message('start'));
    await send(chat.submit({ verb: 'guide.goto', step: 2 }));
    for (
      let i = 0;
      i < 6 && !inputsOf(lastCard(chat)).some((x) => x.id === 'q_talkPartnersIntermediary');
      i++
    )
      await send(chat.submit(pressForward(lastCard(chat))!));
    const card = lastCard(chat);
    await send(
      chat.submit({
        ...pressForward(card)!,
        q_talkPartnersIntermediary: 'ocmw,huisVanHetKind,library',
      }),
    );
    await send(chat.message(lng === 'nl' ? 'samenvatting' : 'summary'));
    const summary = JSON.stringify(lastCard(chat));
    const name = t('guide:questions.talkPartnersIntermediary.choices.huisVanHetKind');
    const library = t('guide:questions.talkPartnersIntermediary.choices.library');
    expect(summary).toContain(name);
    expect(summary).toContain(library);
    expect(summary).not.toContain(name.charAt(0).toLowerCase() + name.slice(1));
  });

  it('says no "welcome back" right after a quick question, and never counts zero open points', async () => {
    const chat = chatIn();
    await send(chat.message('start'));
    await send(chat.message(lng === 'nl' ? 'wat is een steungroep?' : 'what is a support group?'));
    await send(chat.message('start'));
    expect(textsIn(bot.connector.messagesTo(chat.conversationId))).not.toContain(
      t('bot:notices.resumed'),
    );
    // Walk every card with ordinary answers, then ask for the overview.
    for (let i = 0; i < 80; i++) {
      const data = pressForward(lastCard(chat));
      if (!data || data.verb !== 'guide.submit') break;
      await send(chat.submit(data));
    }
    await send(chat.message(lng === 'nl' ? 'overzicht' : 'overview'));
    const overview = JSON.stringify(lastCard(chat));
    expect(overview).toContain(t('bot:overview.subtitle', { count: 0 }));
    expect(overview).not.toMatch(/\b0 open/);
  });

  it('makes answering the open points the primary action on the "still open" card', async () => {
    const chat = chatIn();
    await send(chat.message('start'));
    const step = lastCard(chat);
    const forward = submitActions(step).find((a) => a.style === 'positive')!;
    await send(chat.submit(forward.data));
    const open = lastCard(chat);
    expect(JSON.stringify(open)).toContain(t('bot:open.title'));
    const primary = submitActions(open).find((a) => a.style === 'positive')!;
    expect(primary).toMatchObject({ title: t('bot:open.fill'), data: { nav: 'fill' } });
    const later = submitActions(open).find((a) => (a.data as Json).nav === 'skip')!;
    expect(later.title).toBe(t('bot:open.skip'));
    expect(later.style).toBeUndefined();
  });

  it('names the strategies plainly, without "Vraag —" or "Aanbod —"', async () => {
    const chat = chatIn();
    await send(chat.message('start'));
    await send(chat.submit({ verb: 'guide.goto', step: 3 }));
    for (let i = 0; i < 6 && !inputsOf(lastCard(chat)).some((x) => x.id === 'q_strategies'); i++)
      await send(chat.submit(pressForward(lastCard(chat))!));
    const strategies = inputsOf(lastCard(chat)).find((x) => x.id === 'q_strategies')!;
    const titles = (strategies.choices as { title: string }[]).map((c) => c.title);
    expect(titles).toHaveLength(6);
    for (const title of titles) expect(title).not.toMatch(/^(Vraag|Aanbod|Demand|Supply) —/);
  });
});
