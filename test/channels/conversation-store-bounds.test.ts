import {
  ConversationStore,
  type StoreLimits,
} from '../../src/channels/direct-line/conversation-store';

const LIMITS: StoreLimits = {
  maxConversations: 2,
  maxActivities: 3,
  maxBytes: 10_000,
  tokenTtlMs: 1_000,
  streamTicketTtlMs: 100,
  idleTtlMs: 5_000,
};

function storeWithClock() {
  let now = 0;
  const store = new ConversationStore(LIMITS, () => now);
  return { store, advance: (ms: number) => (now += ms) };
}

describe('the local Direct Line store stays bounded', () => {
  it('evicts the least recently used conversation beyond the maximum, and its token stops working', () => {
    const { store } = storeWithClock();
    const a = store.create();
    const b = store.create();
    store.get(a.conversation.id); // a is now more recent than b
    store.create();
    expect(store.size).toBe(2);
    expect(store.get(b.conversation.id)).toBeUndefined();
    expect(store.byToken(b.token)).toBeUndefined();
    expect(store.byToken(a.token)?.id).toBe(a.conversation.id);
  });

  it('keeps at most the newest activities, and at most the byte budget', () => {
    const { store } = storeWithClock();
    const { conversation } = store.create();
    for (let i = 1; i <= 5; i++) conversation.append({ type: 'message', text: `m${i}` });
    expect(conversation.since(0).activities.map((a) => a.text)).toEqual(['m3', 'm4', 'm5']);
    conversation.append({ type: 'message', text: 'x'.repeat(9_900) });
    expect(conversation.since(0).activities.map((a) => String(a.text).length)).toEqual([9_900]);
  });

  it('forgets idle conversations and expires tokens, stream tickets are single-use and short-lived', () => {
    const { store, advance } = storeWithClock();
    const { conversation, token } = store.create();
    const ticket = conversation.issueStreamTicket(0, 0);
    expect(conversation.redeemStreamTicket(ticket, 50)).toBe(0);
    expect(conversation.redeemStreamTicket(ticket, 50)).toBeUndefined();
    const late = conversation.issueStreamTicket(0, 0);
    expect(conversation.redeemStreamTicket(late, 150)).toBeUndefined();

    advance(1_500);
    expect(store.authorise(conversation, token)).toBe(false);
    const refreshed = store.issueToken(conversation);
    expect(store.byToken(refreshed.token)?.id).toBe(conversation.id);

    advance(6_000);
    store.sweep();
    expect(store.size).toBe(0);
    expect(store.byToken(refreshed.token)).toBeUndefined();
  });

  it('moves an updated activity to the end of the watermark order but keeps its id', () => {
    const { store } = storeWithClock();
    const { conversation } = store.create();
    const first = conversation.append({ type: 'message', text: 'kaart v1' });
    conversation.append({ type: 'message', text: 'later' });
    const mark = conversation.watermark;
    conversation.replace(first.id, { type: 'message', text: 'kaart v2' });
    expect(conversation.since(mark).activities).toEqual([
      { type: 'message', text: 'kaart v2', id: first.id },
    ]);
    expect(conversation.since(0).activities.filter((a) => a.id === first.id)).toHaveLength(1);
  });
});
