import { createLogger } from '../../src/logging';
import { PlanStore } from '../../src/plans';
import type { OutgoingMessage, ConnectorApi } from '../../src/connector';
import { deliver, type DeliveryDeps } from '../../src/steering/delivery';
import { PostStore } from '../../src/steering/post-store';
import { contentHash } from '../../src/steering/steering-service';
import { MemoryStorage, type MemoryRecord } from '../../src/storage';
import { filledPlan, plausibleValue, realGuide } from '../helpers/plans';

const PLAN = 'plan/msteams/a:plan-1';
const NOW = new Date('2026-11-23T10:00:00Z');

/** A Connector that answers after a pause, long enough for two processes to overlap. */
class SlowConnector implements ConnectorApi {
  readonly created: OutgoingMessage[] = [];
  readonly updated: OutgoingMessage[] = [];
  async createThread(_url: string, _channel: unknown, message: OutgoingMessage) {
    await new Promise((r) => setTimeout(r, 30));
    this.created.push(message);
    return {
      conversationId: `conv-${this.created.length}`,
      activityId: `act-${this.created.length}`,
    };
  }
  async updateActivity(_url: string, _c: string, _a: string, message: OutgoingMessage) {
    await new Promise((r) => setTimeout(r, 30));
    this.updated.push(message);
  }
  async send() {}
  async isTeamMember() {
    return true;
  }
}

/** One bot process: its own store instance over the shared records, its own process id. */
function processOn(
  records: Map<string, MemoryRecord>,
  transport: ConnectorApi,
  id: string,
): DeliveryDeps {
  const storage = new MemoryStorage(records);
  return {
    posts: new PostStore(storage),
    plans: new PlanStore(storage, realGuide()),
    guide: realGuide(),
    transport,
    logger: createLogger('silent'),
    now: () => NOW,
    publicBaseUrl: () => undefined,
    localServiceUrl: () => 'http://127.0.0.1:1/',
    debounceMs: 10_000,
    retryBaseMs: 1000,
    processId: id,
  };
}

async function owePost(records: Map<string, MemoryRecord>): Promise<PostStore> {
  const storage = new MemoryStorage(records);
  const state = filledPlan(plausibleValue);
  await storage.write({ [PLAN]: { ...state } });
  const posts = new PostStore(storage);
  await posts.update(PLAN, () => ({
    next: {
      planKey: PLAN,
      locale: 'nl',
      target: {
        kind: 'teams',
        serviceUrl: 'http://teams.invalid/',
        channelId: '19:c@thread.tacv2',
        tenantId: 't',
      },
      sends: 0,
      pending: { seq: 1, dueAt: NOW.getTime(), attempts: 0, hash: contentHash(state) },
    },
    result: undefined,
  }));
  return posts;
}

describe('the steering outbox shared by several bot processes', () => {
  it('sends an owed post exactly once when two processes pick it up at the same moment', async () => {
    const records = new Map<string, MemoryRecord>();
    const posts = await owePost(records);
    const connector = new SlowConnector();
    const results = await Promise.all(
      ['p1', 'p2', 'p3'].map((id) => deliver(processOn(records, connector, id), PLAN)),
    );
    expect(results.filter((r) => r === 'sent')).toHaveLength(1);
    expect(connector.created).toHaveLength(1);
    expect(await posts.outboxLength()).toBe(0);
    expect(await posts.get(PLAN)).toMatchObject({
      conversationId: 'conv-1',
      activityId: 'act-1',
      sends: 1,
    });
  });

  it('keeps a change that arrives during a send, and sends it as an update after the debounce', async () => {
    const records = new Map<string, MemoryRecord>();
    const posts = await owePost(records);
    const connector = new SlowConnector();
    const sending = deliver(processOn(records, connector, 'p1'), PLAN);
    await new Promise((r) => setTimeout(r, 10));
    await posts.update(PLAN, (c) => ({
      next: { ...c!, pending: { ...c!.pending!, seq: 2, hash: 'changed' } },
      result: undefined,
    }));
    expect(await sending).toBe('sent');
    const doc = await posts.get(PLAN);
    expect(doc?.pending).toMatchObject({ seq: 2, hash: 'changed', dueAt: NOW.getTime() + 10_000 });
    expect(doc?.pending?.claim).toBeUndefined();
    expect(await posts.outboxLength()).toBe(1);
  });

  it('rebuilds an outbox entry that a crash lost between the two writes', async () => {
    const records = new Map<string, MemoryRecord>();
    const posts = await owePost(records);
    records.delete(`steering/outbox/${PLAN}`);
    expect(await posts.outboxLength()).toBe(0);
    expect(await posts.restoreIndex()).toBe(1);
    expect(await posts.owed()).toEqual([PLAN]);
  });
});
