import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createStorage, type BrugStorage, type StorageConfig } from '../../src/storage';
import { ActivityFactory, type Who } from '../helpers/activities';
import { spawnBot, type BotProcess } from '../helpers/bot-process';
import { FakeConnector } from '../helpers/fake-connector';
import { realGuide } from '../helpers/plans';

/** A stress test far beyond Teams' own 7 operations per second: lift the flood limit for it. */
export const STRESS = { RATE_LIMIT_BURST: '100000', RATE_LIMIT_PER_SECOND: '100000' };

type Slot = {
  id: string;
  step: number;
  part: number;
  valueFor: (u: number, k: number) => string | number;
};

/**
 * One always-visible question per simulated colleague, each answered with a value that differs
 * on every submit (free text, or a number with room for 50 distinct values).
 */
function questionSlots(count: number): Slot[] {
  const guide = realGuide();
  const found: Slot[] = [];
  for (const step of guide.definition.steps) {
    step.parts.forEach((part, index) => {
      for (const q of part.questions) {
        if (q.showIf) continue;
        const where = { id: q.id, step: step.number, part: index };
        if (q.type === 'text' || q.type === 'multiline')
          found.push({ ...where, valueFor: (u, k) => `antwoord van collega ${u}, nummer ${k}` });
        if (q.type === 'number' && (q.max ?? 0) - (q.min ?? 0) >= 60)
          found.push({ ...where, valueFor: (_u, k) => (q.min ?? 0) + 1 + k });
      }
    });
  }
  if (found.length < count) throw new Error(`only ${found.length} suitable questions`);
  return found.slice(0, count);
}

/** The newest revision any card in this conversation carries: what a colleague's open card shows. */
function latestRevision(connector: FakeConnector, conversationId: string): number {
  const text = connector
    .messagesTo(conversationId)
    .slice(-5)
    .map((c) => JSON.stringify(c.body))
    .join('');
  const revs = [...text.matchAll(/"rev":(\d+)/g)].map((m) => Number(m[1]));
  return revs.length ? Math.max(...revs) : 0;
}

export interface ContentionResult {
  statuses: number[];
  finalAnswers: Record<string, unknown>;
  expected: Record<string, string | number>;
  logEntries: number;
  /** Replies that told a colleague their answer was not saved (busy) or their card too old. */
  refused: string[];
}

/**
 * `users` colleagues in one group chat each give `perUser` answers to their own question,
 * all at once, spread over two bot processes that share one store.
 */
export async function runContention(
  storageEnv: Record<string, string>,
  storageConfig: StorageConfig,
  users = 20,
  perUser = 50,
): Promise<ContentionResult> {
  const questions = questionSlots(users);
  const connector = new FakeConnector();
  await connector.start();
  const bots: BotProcess[] = [await spawnBot(storageEnv), await spawnBot(storageEnv)];
  const chat = new ActivityFactory({
    serviceUrl: connector.url,
    isGroup: true,
    conversationType: 'groupChat',
  });
  const statuses: number[] = [];
  const expected: Record<string, string | number> = {};
  try {
    statuses.push(await bots[0]!.post(chat.submit({ verb: 'guide.start' })));
    await Promise.all(
      questions.map(async (q, u) => {
        const who: Who = { id: `29:user${u}`, name: `Collega ${u}`, aadObjectId: `aad-${u}` };
        for (let k = 0; k < perUser; k++) {
          const value = q.valueFor(u, k);
          const rev = latestRevision(connector, chat.conversationId);
          const submit = {
            verb: 'guide.submit',
            step: q.step,
            part: q.part,
            rev,
            nav: 'stay',
            [`q_${q.id}`]: value,
          };
          statuses.push(await bots[(u + k) % 2]!.post(chat.submit(submit, who)));
          expected[q.id] = value;
        }
      }),
    );
  } finally {
    await Promise.all(bots.map((b) => b.kill()));
    await connector.stop();
  }
  const replies = connector.messagesTo(chat.conversationId).map((c) => JSON.stringify(c.body));
  const refused = replies
    .filter((r) => /niet meer de nieuwste|tegelijk heel veel/.test(r))
    .map((r) => (/tegelijk/.test(r) ? 'busy' : 'stale'));
  const storage: BrugStorage = await createStorage(storageConfig);
  try {
    const key = `plan/msteams/${chat.conversationId}`;
    const plan = (await storage.read([key]))[key] as {
      answers: Record<string, { value: unknown }>;
    };
    const finalAnswers = Object.fromEntries(
      Object.entries(plan.answers).map(([k, v]) => [k, v.value]),
    );
    const logEntries = (await storage.listKeys(`log/${key}/`)).length;
    return { statuses, finalAnswers, expected, logEntries, refused };
  } finally {
    await storage.close();
  }
}

export function tempSqlite(): { file: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brugbot-contention-'));
  return {
    file: path.join(dir, 'plans.sqlite'),
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
