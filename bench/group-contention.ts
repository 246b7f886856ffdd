import { randomUUID } from 'node:crypto';
import { forwardAction, inputsOf } from '../test/helpers/card-walker';
import { questionIdOf } from '../src/guide/limits';
import { translator } from '../src/i18n';
import { planKey } from '../src/plans';
import { SqliteStorage } from '../src/storage';
import type { BenchConnector } from './bench-connector';
import type { BotChild } from './bot-child';
import { activity, Driver, stats, user, type LatencyStats } from './driver';
import { walkGuide } from './guide-walk';
import { realGuide } from '../test/helpers/plans';

type Json = Record<string, unknown>;

export const GROUP_USERS = 20;
const ROUNDS = 5;

export interface GroupFigures extends LatencyStats {
  users: number;
  rounds: number;
  /** Answers submitted and acknowledged with a 200 that are not in the stored plan afterwards. */
  lost?: number;
  /** Turns that told the user the plan was too busy (retries exhausted); their answers count as lost. */
  busyReplies?: number;
  /** Distinct questions the 20 users answered per round (the guide's free-text inputs). */
  distinctQuestions?: number;
}

interface Assignment {
  card: Json;
  inputId: string;
}

/**
 * Who answers what: a colleague walked the guide first, and each of the 20 users now answers one
 * free-text question on a card from that walk (five or so per card, so several users share each
 * card), unique text per user so a lost answer is visible. Found by walking the cards, not by
 * knowing the guide.
 */
function assignments(cards: Json[]): Assignment[] {
  const guide = realGuide();
  // A follow-up question stands on its card from the start (issue 27), but its answer only counts
  // with the answer that opens it; the walk gives defaults, so those are not a user's to answer.
  const followUp = (inputId: string) => {
    const question = guide.question(questionIdOf(inputId) ?? '');
    return question !== undefined && guide.isFollowUp(question);
  };
  const seen = new Set<string>();
  const found: Assignment[] = [];
  for (const card of cards) {
    for (const input of inputsOf(card)) {
      const id = String(input.id);
      if (input.type !== 'Input.Text' || seen.has(id) || followUp(id)) continue;
      seen.add(id);
      found.push({ card, inputId: id });
    }
  }
  return found.slice(0, GROUP_USERS);
}

/** The card as its user would press it: shown values carried along, their own answer changed. */
function pressWith(card: Json, inputId: string, answer: string): Json {
  const shown: Json = {};
  for (const input of inputsOf(card)) {
    if (input.value !== undefined && input.value !== '') shown[String(input.id)] = input.value;
  }
  return { ...(forwardAction(card)!.data as Json), ...shown, [inputId]: answer };
}

async function burst(
  driver: Driver,
  posts: Json[],
): Promise<{ latencies: number[]; wallMs: number }> {
  const started = performance.now();
  const latencies = await Promise.all(posts.map((p) => driver.post(p)));
  return { latencies, wallMs: performance.now() - started };
}

/** 20 users in one group chat press their cards at the same moment, in fresh conversations, five times. */
export async function runGroupBrugbot(
  bot: BotChild,
  connector: BenchConnector,
  sqlitePath: string,
): Promise<GroupFigures> {
  const driver = new Driver(bot.url);
  const busyText = translator('nl')('bot:errors.busy');
  const all: number[] = [];
  let wallMs = 0;
  let lost = 0;
  let busyReplies = 0;
  let distinct = GROUP_USERS;
  for (let round = 0; round < ROUNDS; round++) {
    const conversationId = `19:${randomUUID()}@thread.v2`;
    const cards: Json[] = [];
    await walkGuide(driver, connector, conversationId, {
      group: true,
      onCard: (c) => cards.push(c),
    });
    const jobs = assignments(cards);
    distinct = Math.min(distinct, jobs.length);
    const answers = jobs.map((_, i) => `Antwoord van gebruiker ${i + 1} in ronde ${round + 1}`);
    const posts = jobs.map((job, i) =>
      activity(
        connector.url,
        conversationId,
        user(i + 1),
        { value: pressWith(job.card, job.inputId, answers[i]!) },
        true,
      ),
    );
    const result = await burst(driver, posts);
    all.push(...result.latencies);
    wallMs += result.wallMs;
    busyReplies += connector.log(conversationId).texts.filter((t) => t === busyText).length;
    lost += await countLost(sqlitePath, conversationId, answers);
    connector.forget(conversationId);
  }
  driver.close();
  return {
    ...stats(all, wallMs),
    // Fewer than 20 if the guide ever has fewer free-text questions; the table then says so.
    users: distinct,
    rounds: ROUNDS,
    lost,
    busyReplies,
    distinctQuestions: distinct,
  };
}

/** Reads the plan back from the SQLite file the bot wrote, and counts answers that are not in it. */
async function countLost(
  sqlitePath: string,
  conversationId: string,
  answers: string[],
): Promise<number> {
  const storage = new SqliteStorage(sqlitePath);
  try {
    const key = planKey('msteams', conversationId);
    const plan = (await storage.read([key]))[key] as
      { answers?: Record<string, { value: unknown }> } | undefined;
    const stored = new Set(Object.values(plan?.answers ?? {}).map((a) => a.value));
    return answers.filter((a) => !stored.has(a)).length;
  } finally {
    await storage.close();
  }
}

/** The baseline's version: 20 users' messages in one group conversation, at once, as many rounds. */
export async function runGroupBaseline(
  bot: BotChild,
  connector: BenchConnector,
): Promise<GroupFigures> {
  const driver = new Driver(bot.url);
  const all: number[] = [];
  let wallMs = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const conversationId = `19:${randomUUID()}@thread.v2`;
    const posts = Array.from({ length: GROUP_USERS }, (_, i) =>
      activity(connector.url, conversationId, user(i + 1), { text: `antwoord ${i + 1}` }, true),
    );
    const result = await burst(driver, posts);
    all.push(...result.latencies);
    wallMs += result.wallMs;
    connector.forget(conversationId);
  }
  driver.close();
  return { ...stats(all, wallMs), users: GROUP_USERS, rounds: ROUNDS };
}
