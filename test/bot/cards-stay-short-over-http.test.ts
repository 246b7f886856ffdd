import { translator } from '../../src/i18n';
import { realGuide } from '../helpers/plans';
import { ActivityFactory } from '../helpers/activities';
import { cardsIn, startBot, type RunningBot } from '../helpers/bot-server';
import { inputsOf, pressForward, submitActions } from '../helpers/card-walker';

type Json = Record<string, unknown>;
const nl = translator('nl');
const guide = realGuide();

let bot: RunningBot;
beforeAll(async () => (bot = await startBot()));
afterAll(async () => bot.stop());

const sent = (chat: ActivityFactory) => bot.connector.messagesTo(chat.conversationId);
const updates = (chat: ActivityFactory) =>
  bot.connector.calls.filter((c) => c.method === 'PUT' && c.conversationId === chat.conversationId);

/** The newest card, with the id the channel gave its message (what Teams names in replyToId). */
function lastCard(chat: ActivityFactory): { card: Json; id: string } {
  const withCards = sent(chat).filter((m) => cardsIn([m]).length > 0);
  const message = withCards[withCards.length - 1]!;
  return { card: cardsIn([message])[0]!, id: message.id };
}

/** A press on a card as Teams posts it: the action's data and inputs, and the card's id. */
async function press(chat: ActivityFactory, from: { id: string }, value: Json): Promise<void> {
  const { status } = await bot.post({ ...chat.submit(value), replyToId: from.id });
  expect(status).toBeLessThan(300);
}

function action(card: Json, match: Json): Json {
  const found = submitActions(card).find((a) =>
    Object.entries(match).every(([k, v]) => (a.data as Json)[k] === v),
  );
  if (!found) throw new Error(`no action ${JSON.stringify(match)}`);
  return found.data as Json;
}

/** Opens one card of the guide, as a receipt's "Wijzig" does. */
async function open(chat: ActivityFactory, step: number, part: number): Promise<Json> {
  await bot.post(chat.submit({ verb: 'guide.open', step, part }));
  return lastCard(chat).card;
}

const input = (card: Json, id: string) => inputsOf(card).find((i) => i.id === id);
const texts = (card: Json) => JSON.stringify(card);

/** Answers that make many rules fire, as a person might give them. */
const ANSWERS: Json = {
  q_talkPartnersIntermediary: '',
  q_talkPartnersLeisure: '',
  q_talkTopics: 'noObligation',
  q_knowTargetGroup: 'little',
  q_contactApproach: '',
  q_strategies: 'bottomUp',
  q_commitmentStatement: 'no',
  q_workingTime: '60',
  q_ambassadorCount: '1',
  q_durationType: 'fixed',
  q_durationYears: '2',
  q_indicatorCaution: 'no',
  q_successDefinition: '',
  q_registrationTool: 'excel',
  q_gdprAgreed: 'no',
  q_evaluator: '',
};

describe('cards that stay short, over the Bot Framework protocol', () => {
  it('says each piece of advice once, in the card after the answer, never before its question', async () => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url });
    await bot.post(chat.message('start'));
    for (let guard = 0; guard < 40; guard++) {
      const { card, id } = lastCard(chat);
      if (texts(card).includes(nl('bot:summary.heading'))) break;
      if (texts(card).includes('"nav":"skip"')) {
        await press(chat, { id }, action(card, { nav: 'skip' }));
        continue;
      }
      const values = pressForward(card)!;
      for (const key of Object.keys(values)) if (key in ANSWERS) values[key] = ANSWERS[key];
      await press(chat, { id }, values);
    }
    const cards = cardsIn(sent(chat)).filter((c) => !texts(c).includes(nl('bot:summary.heading')));
    expect(cards.some((c) => texts(c).includes(nl('bot:summary.heading')))).toBe(false);
    const said = (rule: string) =>
      cards.filter((c) =>
        texts(c).includes(JSON.stringify(nl(`guide:advice.${rule}.text`)).slice(1, -1)),
      );
    const expected = [
      'askBeyondEnthusiasm',
      'noExploratoryTalks',
      'lowTargetGroupKnowledge',
      'onlyDemandSide',
      'noCommitmentStatement',
      'workingTimeBelowPreferred',
      'onePersonOnly',
      'durationTooShort',
      'indicatorsNotAgreed',
      'noSuccessDefinition',
      'gdpr',
    ];
    for (const rule of expected) expect([rule, said(rule).length]).toEqual([rule, 1]);
    for (const rule of guide.definition.advice.map((a) => a.id))
      expect([rule, said(rule).length <= 1]).toEqual([rule, true]);
    // A tip due on the last card is said by the summary that follows it, which lists every tip.
    expect(said('followUpWithoutMandate')).toEqual([]);
    const summary = cardsIn(sent(chat)).find((c) => texts(c).includes(nl('bot:summary.heading')))!;
    expect(texts(summary)).toContain(nl('guide:advice.followUpWithoutMandate.text'));
    // No separate advice card: every tip sits inside a step card.
    for (const rule of expected) expect(texts(said(rule)[0]!)).toContain('"verb":"guide.submit"');
    // The referral warning comes after the card that asks for the definition, not before it.
    const asks = cards.findIndex((c) => input(c, 'q_successDefinition'));
    const warns = cards.indexOf(said('noSuccessDefinition')[0]!);
    expect(asks).toBeGreaterThanOrEqual(0);
    expect(warns).toBeGreaterThan(asks);
    // The two "80 à 100 %" tips were merged: the breathing room is said by one of them.
    expect(nl('guide:advice.onePersonOnly.text')).not.toMatch(/80/);
    // Revisiting step 3 repeats none of the tips said there.
    const again = await open(chat, 3, 3);
    for (const rule of expected)
      expect(texts(again)).not.toContain(nl(`guide:advice.${rule}.text`));
  });

  it('brings a refused card back with what was sent and names the refused value', async () => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url });
    await bot.post(chat.message('start'));
    let card = await open(chat, 3, 3);
    const stay = action(card, { nav: 'next' });
    await press(chat, lastCard(chat), { ...stay, nav: 'stay', q_workingTime: '50' });
    card = lastCard(chat).card;
    expect(input(card, 'q_workingTime')?.value).toBe(50);

    // Too big: the card shows 500 (not the stored 50) with the message, and keeps the other field.
    await press(chat, lastCard(chat), {
      ...action(card, { nav: 'next' }),
      q_workingTime: '500',
      q_ambassadorCount: '2',
    });
    card = lastCard(chat).card;
    expect(input(card, 'q_workingTime')?.value).toBe(500);
    expect(input(card, 'q_ambassadorCount')?.value).toBe(2);
    expect(texts(card)).toContain('500 is te groot: maximaal 400.');
    expect(texts(card)).not.toContain('Dit getal is te groot');

    // A decimal comma is read as a decimal, and whole numbers are asked for in so many words.
    await press(chat, lastCard(chat), { ...action(card, { nav: 'next' }), q_workingTime: '0,5' });
    card = lastCard(chat).card;
    expect(texts(card)).toContain('0,5 is geen geheel getal');
    expect(input(card, 'q_workingTime')?.value).toBe(0.5);
    expect(texts(card)).not.toMatch(/"value":5\b|"05"/);

    // Four ticks where three are allowed: the four stay ticked, with the message.
    card = await open(chat, 3, 0);
    await press(chat, lastCard(chat), {
      ...action(card, { nav: 'next' }),
      q_focusTargetGroup: 'Tieners uit de wijk',
      q_focusYouthWorkForm: 'youthMovements,youthCentres,sport,culture',
    });
    card = lastCard(chat).card;
    expect(input(card, 'q_focusYouthWorkForm')?.value).toBe(
      'youthMovements,youthCentres,sport,culture',
    );
    expect(texts(card)).toContain('Je koos er 4, hoogstens 3 mogen: vink er 1 uit.');
    expect(input(card, 'q_focusTargetGroup')?.value).toBe('Tieners uit de wijk');

    // Contradictory ticks are refused, naming both.
    card = await open(chat, 2, 0);
    await press(chat, lastCard(chat), {
      ...action(card, { nav: 'next' }),
      q_existingAnalysis: 'policyPlan,none',
    });
    card = lastCard(chat).card;
    expect(input(card, 'q_existingAnalysis')?.value).toBe('policyPlan,none');
    expect(texts(card)).toContain(
      '“Nog geen analyse” kan niet samen met “Ja, voor het beleids- of meerjarenplan”',
    );
  });

  it('replaces an answered card with a one-line receipt through the Connector update call', async () => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url });
    await bot.post(chat.message('start'));
    const first = lastCard(chat);
    await press(chat, first, { ...pressForward(first.card)!, q_expectations: 'extraCapacity' });
    const [update] = updates(chat);
    expect(update?.activityId).toBe(first.id);
    const receipt = cardsIn([update!])[0]!;
    expect(texts(receipt)).toContain('Stap 1 · ');
    expect(texts(receipt)).toContain('bewaard');
    // One way back ("Wijzig", a tap on the line), and no buttons or inputs left.
    const reopen = [...texts(receipt).matchAll(/"data":(\{[^}]*\})/g)].map(
      (m) => JSON.parse(m[1]!) as Json,
    );
    expect(reopen).toEqual([{ verb: 'guide.open', step: 1, part: 0, lng: 'nl' }]);
    expect(inputsOf(receipt)).toEqual([]);
    expect(receipt.actions).toBeUndefined();
    // "Wijzig" opens that card again, with the saved answers.
    await bot.post(chat.submit(reopen[0]));
    expect(texts(lastCard(chat).card)).toContain('Stap 1 van 6');
  });

  it('asks a follow-up question on the same card, marked with the answer that opens it', async () => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url });
    await bot.post(chat.message('start'));
    const first = lastCard(chat).card;
    const other = input(first, 'q_expectationsOther');
    expect(other?.label).toBe(
      `${nl('guide:questions.expectationsOther.label')} (als je “${nl('guide:questions.expectations.choices.other')}” koos)`,
    );
    const budget = await open(chat, 3, 3);
    expect(String(input(budget, 'q_durationYears')?.label)).toContain('koos)');
    // Choosing a fixed term leaves its years open on the same card, without a round trip first.
    await press(chat, lastCard(chat), {
      ...action(budget, { nav: 'next' }),
      q_workingTime: '80',
      q_durationType: 'fixed',
    });
    const reply = lastCard(chat).card;
    expect(texts(reply)).not.toContain(
      nl('bot:notices.newQuestions', { questions: '' }).slice(0, 20),
    );
    expect(texts(reply)).toContain(nl('guide:questions.durationYears.label'));
  });

  it('names the questions a "verdiepen" detour skipped', async () => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url });
    await bot.post(chat.message('start'));
    const context = await open(chat, 2, 0);
    await press(chat, lastCard(chat), { ...action(context, { nav: 'deepen' }) });
    const deepen = lastCard(chat);
    expect(texts(deepen.card)).toContain('verdiepen');
    await press(chat, deepen, action(deepen.card, { nav: 'next' }));
    const next = lastCard(chat).card;
    expect(texts(next)).toContain('Stap 3 van 6');
    expect(texts(next)).toContain(
      `Je sloeg “${nl('guide:questions.talkPartnersIntermediary.label')}”`,
    );
  });
});
