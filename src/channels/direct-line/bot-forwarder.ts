import type { Logger } from '../../logging';

/** A turn that takes longer than this is stuck; the user can simply send again. */
const TURN_TIMEOUT_MS = 60_000;
/** More queued activities than this for one conversation means a runaway client. */
export const MAX_QUEUED_PER_CONVERSATION = 20;

/**
 * Delivers activities to the bot's own `POST /api/messages` over real HTTP, exactly as Azure
 * Bot Service does, so the whole adapter path (parsing, auth settings, turn errors) is exercised.
 * Each conversation has its own queue: turns run one after another in the order the user sent
 * them, which keeps "press, then type" sequences from racing on the stored plan.
 */
export class BotForwarder {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly queued = new Map<string, number>();
  private closed = false;

  constructor(
    private readonly endpoint: () => string,
    private readonly logger: Logger,
  ) {}

  /** False when the conversation already has too much waiting for the bot. */
  hasRoom(conversationId: string): boolean {
    return !this.closed && (this.queued.get(conversationId) ?? 0) < MAX_QUEUED_PER_CONVERSATION;
  }

  /** Queues an activity; false when the conversation already has too much waiting. */
  enqueue(conversationId: string, activity: Record<string, unknown>): boolean {
    if (!this.hasRoom(conversationId)) return false;
    const count = this.queued.get(conversationId) ?? 0;
    this.queued.set(conversationId, count + 1);
    const previous = this.tails.get(conversationId) ?? Promise.resolve();
    const tail = previous.then(() => this.deliver(conversationId, activity));
    this.tails.set(conversationId, tail);
    void tail.finally(() => {
      const left = (this.queued.get(conversationId) ?? 1) - 1;
      if (left > 0) this.queued.set(conversationId, left);
      else this.queued.delete(conversationId);
      if (this.tails.get(conversationId) === tail) this.tails.delete(conversationId);
    });
    return true;
  }

  /** Resolves once every queued turn has finished (or failed). */
  async drain(): Promise<void> {
    while (this.tails.size) await Promise.allSettled([...this.tails.values()]);
  }

  /** Stops taking new work and waits for the turns in flight. */
  async close(): Promise<void> {
    this.closed = true;
    await this.drain();
  }

  private async deliver(conversationId: string, activity: Record<string, unknown>): Promise<void> {
    const started = Date.now();
    try {
      const res = await fetch(this.endpoint(), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(activity),
        signal: AbortSignal.timeout(TURN_TIMEOUT_MS),
      });
      // Drain the body so the keep-alive socket is released.
      await res.arrayBuffer();
      if (!res.ok) {
        this.logger.warn(
          { status: res.status, type: activity.type, conversation: conversationId.slice(0, 6) },
          'bot refused a local Direct Line activity',
        );
      }
    } catch (error) {
      this.logger.warn(
        {
          err: (error as Error).name,
          ms: Date.now() - started,
          conversation: conversationId.slice(0, 6),
        },
        'could not deliver a local Direct Line activity to the bot',
      );
    }
  }
}
