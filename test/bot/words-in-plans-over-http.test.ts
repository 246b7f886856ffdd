import { translator, type Locale } from '../../src/i18n';
import { ActivityFactory, type Who } from '../helpers/activities';
import { cardsIn, startBot, textsIn, type RunningBot } from '../helpers/bot-server';
import { inputsOf, pressForward } from '../helpers/card-walker';
import { confirmShare, eventually } from '../steering/steering-helpers';

/**
 * The words of issue 27 (finding 8) in what a plan becomes: who answered, the position on step
 * 4's cards, the Markdown export's emphasis and the steungroep brief's shortened answers.
 */
type Json = Record<string, unknown>;

let bot: RunningBot;
beforeAll(async () => (bot = await startBot()));
afterAll(async () => bot.stop());

const cards = (chat: ActivityFactory) => cardsIn(bot.connector.messagesTo(chat.conversationId));
const lastCard = (chat: ActivityFactory) => cards(chat)[cards(chat).length - 1]!;
const texts = (chat: ActivityFactory) => textsIn(bot.connector.messagesTo(chat.conversationId));

async function send(activity: Json): Promise<void> {
  const { status } = await bot.post(activity);
  expect(status).toBeLessThan(300);
}

const TAGS: Record<Locale, string> = { nl: 'nl-BE', en: 'en-GB' };
/** Local Web Chat: one person, whose channel gives no name. */
const LOCAL_USER: Who = { id: 'dl_local-user', name: '' };
const OTHER_USER: Who = { id: 'dl_other-user', name: '' };
const TYPED = 'Een *eigen* antwoord, met sterretjes.';

/** Saves every card from where the conversation stands to the end, typing TYPED in text areas. */
async function walkToTheEnd(chat: ActivityFactory, user?: Who): Promise<void> {
  for (let i = 0; i < 80; i++) {
    const card = lastCard(chat);
    const data = pressForward(card);
    if (!data || data.verb !== 'guide.submit') return;
    for (const input of inputsOf(card))
      if (input.type === 'Input.Text' && input.isMultiline) data[String(input.id)] = TYPED;
    await send(chat.submit(data, user));
  }
}

/** The Markdown file behind the export's second link. */
async function exportedMarkdown(chat: ActivityFactory, lng: Locale, user?: Who): Promise<string> {
  await send(chat.message(lng === 'nl' ? 'exporteer' : 'export', user));
  const reply = texts(chat).pop()!;
  const links = [...reply.matchAll(/\((http:\/\/127\.0\.0\.1:\d+\/download\/[\w-]+)\)/g)];
  expect(links).toHaveLength(2);
  const res = await fetch(links[1]![1]!);
  expect(res.headers.get('content-type')).toContain('text/markdown');
  return res.text();
}

describe.each(['nl', 'en'] as const)('the words in a plan, in %s', (lng) => {
  const t = translator(lng);
  const chatIn = (user: Who = LOCAL_USER) =>
    new ActivityFactory({
      serviceUrl: bot.connector.url,
      channelId: 'webchat',
      locale: TAGS[lng],
      user,
    });
  // "Ingevuld door een collega": the words the summary, the tab and the exports share.
  const byColleague = t('bot:step.answeredBy', { name: t('bot:someone'), when: '' }).split(
    ' · ',
  )[0]!;

  it('never calls a one-person plan a colleague\'s; keeps "**💡 Tip**" bold and escapes typed "*"', async () => {
    const chat = chatIn();
    await send(chat.message('start'));
    await walkToTheEnd(chat);
    await send(chat.message(lng === 'nl' ? 'samenvatting' : 'summary'));
    expect(JSON.stringify(lastCard(chat))).not.toContain(byColleague);

    const md = await exportedMarkdown(chat, lng);
    expect(md).not.toContain(byColleague);
    expect(md).toContain(`_${t('bot:step.answeredAt', { when: '' }).trim()}`);
    // Brugbot's own emphasis stays emphasis; the person's asterisks stay asterisks.
    expect(md).toMatch(/^- \*\*(💡|⚠️) [^*\\]+\*\* · /m);
    expect(md).not.toMatch(/\\\*\\\*(💡|⚠️)/);
    expect(md).toContain('> Een \\*eigen\\* antwoord, met sterretjes.');
    expect(md).not.toContain('*eigen* ');
  });

  it('names "a colleague" once a second person without a name has answered too', async () => {
    const chat = chatIn();
    await send(chat.message('start'));
    await send(chat.submit(pressForward(lastCard(chat))!));
    await send(chat.submit({ verb: 'guide.goto', step: 1 }, OTHER_USER));
    await send(
      chat.submit({ ...pressForward(lastCard(chat))!, q_orgName: 'Gemeente Zele' }, OTHER_USER),
    );
    const md = await exportedMarkdown(chat, lng);
    expect(md).toContain(`_${byColleague} · `);
  });

  it('shows "1 of 2" on the first card of step 4, and "2 of 2" on the next', async () => {
    const chat = chatIn();
    await send(chat.message('start'));
    await send(chat.submit({ verb: 'guide.goto', step: 4 }));
    const first = lastCard(chat);
    const position = (part: number) =>
      t('bot:step.progress', { step: 4, total: 6, part, parts: 2 });
    expect(JSON.stringify(first)).toContain(position(1));
    await send(chat.submit({ ...pressForward(first)!, q_employer: 'own' }));
    expect(JSON.stringify(lastCard(chat))).toContain(position(2));
    // An employer that needs no second card: the step is one card, said so.
    await send(chat.submit({ verb: 'guide.goto', step: 4 }));
    await send(
      chat.submit({
        ...pressForward(lastCard(chat))!,
        nav: 'stay',
        q_employer: 'localAssociation',
      }),
    );
    const single = JSON.stringify(lastCard(chat));
    expect(single).toContain(t('bot:step.progressSingle', { step: 4, total: 6 }));
  });

  it('shortens a long answer in the steungroep note where a phrase ends', async () => {
    const chat = chatIn();
    await send(chat.message('start'));
    await send(chat.submit({ verb: 'guide.goto', step: 3 }));
    const long =
      'Kinderen van 6 tot 14 jaar, uit gezinnen in armoede in de wijken Rabot en Brugse Poort, en hun ouders.';
    await send(
      chat.submit({ ...pressForward(lastCard(chat))!, nav: 'stay', q_focusTargetGroup: long }),
    );
    // Sharing shows a preview first; the note goes out when the author confirms (issue 27).
    await confirmShare(
      bot,
      chat,
      chat.message(lng === 'nl' ? 'deel met steungroep' : 'share with support group'),
    );
    const card = await eventually(async () => {
      const res = await fetch(`${bot.url}/steering/feed.json?lang=${lng}`);
      const view = (await res.json()) as { notes: { card?: Json }[] };
      const found = view.notes
        .map((n) => JSON.stringify(n.card))
        .find((c) => c.includes('Kinderen'));
      return found;
    });
    expect(card).toContain('Kinderen van 6 tot 14 jaar…');
    expect(card).not.toContain('gezinnen in…');
  });
});
