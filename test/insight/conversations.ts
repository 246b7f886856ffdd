import { ActivityFactory, type Who } from '../helpers/activities';
import { cardsIn, type RunningBot } from '../helpers/bot-server';
import { inputsOf, pressForward } from '../helpers/card-walker';

type Json = Record<string, unknown>;

/** A marker put in every typed answer, so a test can look for answer text anywhere. */
export const SECRET_ANSWER = 'Kwartiermaker-Zwijndrecht-7731';
export const ZOE: Who = { id: '29:zoe-insight', name: 'Zoë Vandenbroucke', aadObjectId: 'aad-zoe' };
export const KOEN: Who = { id: '29:koen-insight', name: 'Koen Desmedt', aadObjectId: 'aad-koen' };

/** Drives conversations over HTTP the way Teams or Web Chat would. */
export class Conversations {
  constructor(private readonly bot: RunningBot) {}

  open(options: { user?: Who; channelId?: 'msteams' | 'webchat'; locale?: string } = {}) {
    return new ActivityFactory({ serviceUrl: this.bot.connector.url, ...options });
  }

  async post(activity: Json): Promise<{ status: number; body: string }> {
    return this.bot.post(activity);
  }

  /** Posts and returns the messages the bot sent in reply. */
  async say(chat: ActivityFactory, activity: Json): Promise<Json[]> {
    const before = this.bot.connector.messagesTo(chat.conversationId).length;
    const res = await this.bot.post(activity);
    if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${res.body}`);
    return this.bot.connector
      .messagesTo(chat.conversationId)
      .slice(before)
      .map((c) => ({ ...c.body, id: c.id }));
  }

  lastCard(chat: ActivityFactory): Json {
    return cardsIn(this.bot.connector.messagesTo(chat.conversationId)).pop()!;
  }

  /**
   * Starts the guide and presses "next" with plausible answers (typed ones carrying
   * SECRET_ANSWER) until the plan is complete, or until a card of `stopAtStep` shows.
   */
  async walk(chat: ActivityFactory, stopAtStep?: number): Promise<void> {
    await this.say(chat, chat.message('start'));
    for (let i = 0; i < 80; i++) {
      const card = this.lastCard(chat);
      const data = pressForward(card);
      if (!data || data.verb !== 'guide.submit') return;
      if (stopAtStep !== undefined && Number(data.step) === stopAtStep) return;
      for (const input of inputsOf(card)) {
        const id = String(input.id);
        if (input.type === 'Input.Text' && !input.regex && typeof data[id] === 'string')
          data[id] = `${SECRET_ANSWER} ${String(data[id])}`.slice(
            0,
            Number(input.maxLength ?? 500),
          );
      }
      await this.say(chat, chat.submit(data));
    }
    throw new Error('the guide did not end');
  }
}
