import { digest, matchesDigest, newSecret } from './secrets';

/** An activity as the client sees it: always with the id this channel gave it. */
export type ChannelActivity = Record<string, unknown> & { id: string; type: string };

/** What Direct Line sends on the stream and answers to polling. */
export interface ActivitySet {
  activities: ChannelActivity[];
  watermark: string;
}

/** Someone listening on the WebSocket stream. */
export interface StreamListener {
  deliver(set: ActivitySet): void;
  close(reason: string): void;
}

export interface ConversationLimits {
  maxActivities: number;
  maxBytes: number;
  tokenTtlMs: number;
  /** A stream URL must be used within this time, as with Azure's (60 s there). */
  streamTicketTtlMs: number;
}

interface Expiring {
  digest: Buffer;
  expiresAt: number;
}

interface Entry {
  seq: number;
  bytes: number;
  activity: ChannelActivity;
}

const MAX_TOKENS = 4;
const MAX_TICKETS = 8;

/**
 * One Direct Line conversation: its tokens, its transcript (bounded, oldest dropped first) and
 * its stream listeners. Every change gets a new sequence number, which is the watermark: an
 * updated activity moves to the end, so polling and reconnecting clients see the new version.
 */
export class Conversation {
  readonly userId = `dl_${newSecret(16)}`;
  userName: string | undefined;
  locale: string | undefined;
  started = false;
  lastUsed: number;
  /** For a thread the bot started in a channel (`channelData.channel.id`): that channel's id. */
  channelThreadOf: string | undefined;
  /** In-place updates by the bot, which the local steering feed shows. */
  updates = 0;
  lastUpdatedAt: string | undefined;
  private tokens: Expiring[] = [];
  private tickets: (Expiring & { watermark: number })[] = [];
  private entries: Entry[] = [];
  private bytes = 0;
  private seq = 0;
  private activityCount = 0;
  private readonly listeners = new Set<StreamListener>();

  constructor(
    readonly id: string,
    private readonly limits: ConversationLimits,
    now: number,
  ) {
    this.lastUsed = now;
  }

  /** A fresh token; older ones stay valid until they expire, as a refresh must not cut off other tabs. */
  issueToken(now: number): { token: string; digest: Buffer; expiresIn: number } {
    const token = newSecret();
    const entry = { digest: digest(token), expiresAt: now + this.limits.tokenTtlMs };
    this.tokens = [...this.tokens.filter((t) => t.expiresAt > now), entry].slice(-MAX_TOKENS);
    return { token, digest: entry.digest, expiresIn: Math.floor(this.limits.tokenTtlMs / 1000) };
  }

  /** Compares against every live token without stopping early, so timing says nothing about which. */
  acceptsToken(token: string, now: number): boolean {
    let ok = false;
    for (const t of this.tokens)
      ok = matchesDigest(token, t.digest) && t.expiresAt > now ? true : ok;
    return ok;
  }

  tokenDigests(): Buffer[] {
    return this.tokens.map((t) => t.digest);
  }

  /** A single-use ticket for the stream URL, so the long-lived token never appears in a URL. */
  issueStreamTicket(watermark: number, now: number): string {
    const ticket = newSecret();
    const entry = {
      digest: digest(ticket),
      expiresAt: now + this.limits.streamTicketTtlMs,
      watermark,
    };
    this.tickets = [...this.tickets.filter((t) => t.expiresAt > now), entry].slice(-MAX_TICKETS);
    return ticket;
  }

  /** Redeems a stream ticket once; returns the watermark it was issued for. */
  redeemStreamTicket(ticket: string, now: number): number | undefined {
    let index = -1;
    this.tickets.forEach(
      (t, i) => (index = matchesDigest(ticket, t.digest) && t.expiresAt > now ? i : index),
    );
    if (index < 0) return undefined;
    const [used] = this.tickets.splice(index, 1);
    return used?.watermark;
  }

  get watermark(): number {
    return this.seq;
  }

  has(activityId: string): boolean {
    return this.entries.some((e) => e.activity.id === activityId);
  }

  /** The newest stored activity that matches. */
  findLast(matches: (activity: ChannelActivity) => boolean): ChannelActivity | undefined {
    for (let i = this.entries.length - 1; i >= 0; i--) {
      if (matches(this.entries[i]!.activity)) return this.entries[i]!.activity;
    }
    return undefined;
  }

  find(activityId: string): ChannelActivity | undefined {
    return this.entries.find((e) => e.activity.id === activityId)?.activity;
  }

  /** Stores a new activity under a fresh id and pushes it to every listener. */
  append(activity: Record<string, unknown> & { type: string }): ChannelActivity {
    const id = `${this.id}|${String(++this.activityCount).padStart(7, '0')}`;
    const stored: ChannelActivity = { ...activity, id };
    this.store(stored);
    return stored;
  }

  /** Replaces an activity, keeping its id: Web Chat swaps an activity with the same id in place. */
  replace(
    activityId: string,
    activity: Record<string, unknown> & { type: string },
  ): ChannelActivity | undefined {
    const old = this.entries.find((e) => e.activity.id === activityId);
    if (!old) return undefined;
    this.drop(old);
    const stored: ChannelActivity = { ...activity, id: activityId };
    this.store(stored);
    return stored;
  }

  remove(activityId: string): boolean {
    const entry = this.entries.find((e) => e.activity.id === activityId);
    if (entry) this.drop(entry);
    return entry !== undefined;
  }

  /** Typing indicators go to the stream only and are never stored (as in Azure's Direct Line). */
  pushEphemeral(activity: ChannelActivity): void {
    this.broadcast({ activities: [activity], watermark: String(this.seq) });
  }

  since(watermark: number): ActivitySet {
    return {
      activities: this.entries.filter((e) => e.seq > watermark).map((e) => e.activity),
      watermark: String(this.seq),
    };
  }

  /** Adds a stream listener; beyond `max` the oldest is closed ("collision", as Azure calls it). */
  subscribe(listener: StreamListener, max: number): () => void {
    this.listeners.add(listener);
    for (const oldest of this.listeners) {
      if (this.listeners.size <= max) break;
      this.listeners.delete(oldest);
      oldest.close('collision');
    }
    return () => void this.listeners.delete(listener);
  }

  /** Ends every stream, e.g. when the conversation is evicted or the server stops. */
  closeStreams(reason: string): void {
    for (const l of [...this.listeners]) l.close(reason);
    this.listeners.clear();
  }

  private store(activity: ChannelActivity): void {
    const entry = { seq: ++this.seq, bytes: JSON.stringify(activity).length, activity };
    this.entries.push(entry);
    this.bytes += entry.bytes;
    while (
      this.entries.length > this.limits.maxActivities ||
      (this.bytes > this.limits.maxBytes && this.entries.length > 1)
    ) {
      const oldest = this.entries.shift();
      if (oldest) this.bytes -= oldest.bytes;
    }
    this.broadcast({ activities: [activity], watermark: String(entry.seq) });
  }

  private drop(entry: Entry): void {
    this.entries = this.entries.filter((e) => e !== entry);
    this.bytes -= entry.bytes;
  }

  private broadcast(set: ActivitySet): void {
    for (const l of this.listeners) l.deliver(set);
  }
}
