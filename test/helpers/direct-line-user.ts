import type { Page } from 'playwright-core';
import { eventually } from '../steering/steering-helpers';
import { pressForward } from './card-walker';

type Json = Record<string, unknown>;
type Activity = {
  id: string;
  timestamp?: string;
  from: { role?: string };
  replyToId?: string;
  attachments?: Json[];
};

/** The browser's own Direct Line conversation, driven over its REST API like Web Chat does. */
export class DirectLineUser {
  constructor(
    private readonly base: string,
    private readonly session: { conversationId: string; token: string },
  ) {}

  private get url() {
    return `${this.base}/v3/directline/conversations/${this.session.conversationId}/activities`;
  }

  async activities(): Promise<Activity[]> {
    const res = await fetch(`${this.url}?watermark=`, {
      headers: { Authorization: `Bearer ${this.session.token}` },
    });
    return ((await res.json()) as { activities: Activity[] }).activities;
  }

  /** Sends as the user and waits until the bot has answered it and gone quiet. */
  async send(activity: Json): Promise<void> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${this.session.token}`,
      },
      body: JSON.stringify({ type: 'message', ...activity }),
    });
    const { id } = (await res.json()) as { id: string };
    let last = -1;
    await eventually(async () => {
      const all = await this.activities();
      const answered = all.some((a) => a.replyToId === id);
      const settled = answered && all.length === last;
      last = all.length;
      return settled ? true : undefined;
    }, 20_000);
  }

  /** In transcript order, as Web Chat shows it: a card updated in place keeps its timestamp. */
  async lastCard(): Promise<Json | undefined> {
    const cards = (await this.activities())
      .filter((a) => a.from.role === 'bot')
      .sort((a, b) => (a.timestamp ?? '').localeCompare(b.timestamp ?? ''))
      .flatMap((a) => (a.attachments ?? []).map((x) => x.content as Json));
    return cards[cards.length - 1];
  }
}

/** The Web Chat page's own conversation (its session), as a user driven over the REST API. */
export async function pageUser(page: Page, base: string): Promise<DirectLineUser> {
  const session = JSON.parse(
    (await page.evaluate(() => sessionStorage.getItem('brugbot.directLine'))) ?? '{}',
  ) as { conversationId: string; token: string };
  return new DirectLineUser(base, session);
}

/**
 * Starts the guide and presses forward on every card, filling in plausible answers, until
 * `stop(card)` says so or the guide has no card left to save.
 */
export async function walkGuide(
  user: DirectLineUser,
  stop: (card: Record<string, unknown>) => boolean = () => false,
): Promise<void> {
  await user.send({ text: 'start' });
  for (let i = 0; i < 80; i++) {
    const card = (await user.lastCard())!;
    const data = pressForward(card);
    if (stop(card) || !data || data.verb !== 'guide.submit') return;
    await user.send({ value: data });
  }
}
