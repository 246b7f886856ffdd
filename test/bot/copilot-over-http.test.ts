import { translator } from '../../src/i18n';
import { citationEntitySchema } from '../../src/qna';
import { ActivityFactory, COPILOT_PRODUCT_INFO } from '../helpers/activities';
import { cardsIn, startBot, textsIn, type RunningBot } from '../helpers/bot-server';
import { pressForward } from '../helpers/card-walker';

type Json = Record<string, unknown>;

/** The documented limits of the Teams citation entity, which Copilot renders too. */
const MAX_CITATIONS = 20;
const MAX_NAME = 80;
const MAX_ABSTRACT = 160;

let bot: RunningBot;
beforeAll(async () => (bot = await startBot()));
afterAll(async () => bot.stop());

const copilotChat = (locale = 'nl-BE', conversationId?: string) =>
  new ActivityFactory({
    serviceUrl: bot.connector.url,
    locale,
    copilot: true,
    ...(conversationId ? { conversationId } : {}),
  });

async function send(activity: Json): Promise<void> {
  const { status } = await bot.post(activity);
  expect(status).toBe(200);
}

const lastCard = (chat: ActivityFactory): Json =>
  cardsIn(bot.connector.messagesTo(chat.conversationId)).at(-1)!;

describe.each([
  ['nl', 'nl-BE'],
  ['en', 'en-US'],
] as const)('Brugbot in Microsoft 365 Copilot, in %s', (lng, locale) => {
  const t = translator(lng);

  it('walks the guide from the prompt starter to the summary, every reply marked as Copilot', async () => {
    const chat = copilotChat(locale);
    await send(chat.message(lng === 'nl' ? 'Start de gids' : 'Start the guide'));
    expect(JSON.stringify(lastCard(chat))).toContain(lng === 'nl' ? 'Stap 1 van 6' : 'Step 1 of 6');
    const steps = new Set<number>();
    for (let press = 0; press < 80; press++) {
      const submit = pressForward(lastCard(chat));
      if (!submit || !String(submit.verb).startsWith('guide.')) break;
      if (submit.verb === 'guide.submit') steps.add(Number(submit.step));
      await send(chat.submit(submit));
    }
    expect([...steps].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    const sent = bot.connector.messagesTo(chat.conversationId);
    const summary = cardsIn(sent).find((c) => JSON.stringify(c).includes(t('bot:summary.heading')));
    expect(summary).toBeDefined();
    // Replies into Copilot carry its ProductInfo entity, whichever SDK sent them. (The steering
    // note's confirmation is posted later by the outbox, outside the turn: not a reply.)
    const replies = sent.filter((m) => /\/activities\/[^/]+$/.test(m.path));
    expect(replies.length).toBeGreaterThan(10);
    for (const message of replies) {
      const products = ((message.body.entities as Json[] | undefined) ?? []).filter(
        (e) => e.type === 'ProductInfo',
      );
      expect({ text: message.body.text, path: message.path, products }).toEqual({
        text: message.body.text,
        path: message.path,
        products: [COPILOT_PRODUCT_INFO],
      });
    }
  });

  it('answers a quick question as text with citations within the documented limits', async () => {
    const chat = copilotChat(locale);
    const questions =
      lng === 'nl'
        ? [
            'Wat telt als een geslaagde toeleiding?',
            'Hoeveel toeleidingen mag ik verwachten per jaar?',
          ]
        : ['What is a successful referral?', 'How many referrals per year can we expect?'];
    for (const question of questions) await send(chat.message(question));
    const answers = bot.connector.messagesTo(chat.conversationId);
    expect(answers).toHaveLength(questions.length);
    for (const { body } of answers) {
      // Text only: Copilot's card rendering is undocumented, the citation entity is not.
      expect(body.attachments ?? []).toEqual([]);
      const citation = ((body.entities as Json[]) ?? []).find(
        (e) => e.type === 'https://schema.org/Message',
      );
      const entity = citationEntitySchema.parse(citation);
      expect(entity.citation.length).toBeLessThanOrEqual(MAX_CITATIONS);
      entity.citation.forEach((c, i) => {
        expect(c.position).toBe(i + 1);
        expect(c.appearance.name.length).toBeLessThanOrEqual(MAX_NAME);
        expect(c.appearance.abstract.length).toBeLessThanOrEqual(MAX_ABSTRACT);
        expect(String(body.text)).toContain(`[${i + 1}]`);
      });
      expect(String(body.text)).not.toContain(`[${entity.citation.length + 1}]`);
    }
  });
});

describe('a Copilot chat is its own plan', () => {
  it('keeps a plan apart from a Teams chat that has the same conversation id', async () => {
    const teams = new ActivityFactory({ serviceUrl: bot.connector.url });
    await send(teams.message('start'));
    const submit = pressForward(lastCard(teams))!;
    await send(teams.submit({ ...submit, q_orgName: 'Gemeente Teams' }));
    await send(teams.message('samenvatting'));
    expect(JSON.stringify(lastCard(teams))).toContain('Gemeente Teams');

    const copilot = copilotChat('nl-BE', teams.conversationId);
    bot.connector.clear();
    await send(copilot.message('Toon mijn plan'));
    expect(JSON.stringify(lastCard(copilot))).not.toContain('Gemeente Teams');
    await send(copilot.message('start'));
    await send(
      copilot.submit({ ...pressForward(lastCard(copilot))!, q_orgName: 'Gemeente Copilot' }),
    );
    await send(copilot.message('overzicht'));
    const overview = JSON.stringify(lastCard(copilot));
    expect(overview).toContain(translator('nl')('bot:overview.title'));
    expect(overview).toContain(translator('nl')('bot:overview.status.done'));
    await send(copilot.message('Toon mijn plan'));
    expect(JSON.stringify(lastCard(copilot))).toContain('Gemeente Copilot');

    // The turn saw the Copilot surface on this host: the plan sits under Copilot's channel.
    const id = teams.conversationId;
    expect(await bot.app.storage.listKeys(`plan/msteams:COPILOT/${id}`)).toEqual([
      `plan/msteams:COPILOT/${id}`,
    ]);
    expect(await bot.app.storage.listKeys(`plan/msteams/${id}`)).toEqual([`plan/msteams/${id}`]);

    await send(teams.message('samenvatting'));
    const teamsSummary = JSON.stringify(lastCard(teams));
    expect(teamsSummary).toContain('Gemeente Teams');
    expect(teamsSummary).not.toContain('Gemeente Copilot');
    expect(textsIn(bot.connector.messagesTo(copilot.conversationId))).not.toContain(
      expect.stringContaining('Gemeente Teams'),
    );
  });
});
