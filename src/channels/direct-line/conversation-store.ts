import { Conversation, type ConversationLimits } from './conversation';
import { digest, newSecret } from './secrets';

export interface StoreLimits extends ConversationLimits {
  maxConversations: number;
  /** A conversation nobody touched for this long is forgotten. */
  idleTtlMs: number;
}

/**
 * Sized for one developer's browser tabs, not for production: at most 100 conversations of at
 * most 2 MiB each, so a forgotten tab or a script hammering the endpoint cannot eat the heap.
 */
export const DEFAULT_LIMITS: StoreLimits = {
  maxConversations: 100,
  maxActivities: 500,
  maxBytes: 2 * 1024 * 1024,
  tokenTtlMs: 60 * 60 * 1000,
  streamTicketTtlMs: 60 * 1000,
  idleTtlMs: 24 * 60 * 60 * 1000,
};

/**
 * The local channel's conversations, in memory only: least recently used first out, idle ones
 * expire. Tokens are indexed by their SHA-256 digest, so finding the conversation of a token
 * never compares secrets byte by byte; the conversation then checks it in constant time.
 */
export class ConversationStore {
  private readonly conversations = new Map<string, Conversation>();
  private readonly byTokenDigest = new Map<string, string>();

  constructor(
    readonly limits: StoreLimits = DEFAULT_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** A new, not yet started conversation with its first token. */
  create(): { conversation: Conversation; token: string; expiresIn: number } {
    this.sweep();
    while (this.conversations.size >= this.limits.maxConversations) {
      const oldest = this.conversations.keys().next().value;
      if (oldest === undefined) break;
      this.forget(oldest, 'evicted');
    }
    const conversation = new Conversation(newSecret(16), this.limits, this.now());
    this.conversations.set(conversation.id, conversation);
    return { conversation, ...this.issueToken(conversation) };
  }

  issueToken(conversation: Conversation): { token: string; expiresIn: number } {
    const before = conversation.tokenDigests().map((d) => d.toString('hex'));
    const { token, expiresIn } = conversation.issueToken(this.now());
    const after = new Set(conversation.tokenDigests().map((d) => d.toString('hex')));
    for (const old of before) if (!after.has(old)) this.byTokenDigest.delete(old);
    this.byTokenDigest.set(digest(token).toString('hex'), conversation.id);
    return { token, expiresIn };
  }

  /** The conversation, marked as recently used; undefined when unknown or expired. */
  get(id: string): Conversation | undefined {
    const conversation = this.conversations.get(id);
    if (!conversation) return undefined;
    if (this.isIdle(conversation)) {
      this.forget(id, 'expired');
      return undefined;
    }
    this.touch(conversation);
    return conversation;
  }

  /** The conversation a token belongs to, when the token is still valid. */
  byToken(token: string): Conversation | undefined {
    const id = this.byTokenDigest.get(digest(token).toString('hex'));
    const conversation = id === undefined ? undefined : this.get(id);
    return conversation?.acceptsToken(token, this.now()) ? conversation : undefined;
  }

  authorise(conversation: Conversation, token: string | undefined): boolean {
    return token !== undefined && conversation.acceptsToken(token, this.now());
  }

  get size(): number {
    return this.conversations.size;
  }

  currentTime(): number {
    return this.now();
  }

  /** Threads the bot started in a channel; reading them does not count as use. */
  threadsIn(channelId: string): Conversation[] {
    return [...this.conversations.values()].filter(
      (c) => c.channelThreadOf === channelId && !this.isIdle(c),
    );
  }

  /** Drops idle conversations; called on create and by the channel's timer. */
  sweep(): void {
    for (const [id, conversation] of this.conversations) {
      if (this.isIdle(conversation)) this.forget(id, 'expired');
    }
  }

  /** Closes every stream and forgets everything (server shutdown). */
  clear(): void {
    for (const id of [...this.conversations.keys()]) this.forget(id, 'shutdown');
  }

  private touch(conversation: Conversation): void {
    conversation.lastUsed = this.now();
    // Re-inserting keeps the Map in least-recently-used order.
    this.conversations.delete(conversation.id);
    this.conversations.set(conversation.id, conversation);
  }

  private isIdle(conversation: Conversation): boolean {
    return this.now() - conversation.lastUsed > this.limits.idleTtlMs;
  }

  private forget(id: string, reason: string): void {
    const conversation = this.conversations.get(id);
    if (!conversation) return;
    for (const d of conversation.tokenDigests()) this.byTokenDigest.delete(d.toString('hex'));
    conversation.closeStreams(reason);
    this.conversations.delete(id);
  }
}
