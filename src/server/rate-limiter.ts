interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per key (conversation, tenant), bounded in the number of keys it remembers, so
 * a flood in one conversation gets 429s while every other conversation is served as usual.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    private readonly maxKeys = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The key's bucket refilled to now, re-inserted so the map stays least-recently-used first. */
  private refill(key: string): Bucket {
    const t = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: t };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((t - bucket.at) / 1000) * this.perSecond);
    bucket.at = t;
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.maxKeys) this.buckets.delete(this.buckets.keys().next().value!);
    return bucket;
  }

  /** Whole seconds until the key has a token again; 0 when it has one now. Takes nothing. */
  waitSeconds(key: string): number {
    const bucket = this.refill(key);
    return bucket.tokens >= 1 ? 0 : Math.max(1, Math.ceil((1 - bucket.tokens) / this.perSecond));
  }

  /** Spends a token; call only after `waitSeconds` said 0. */
  take(key: string): void {
    this.refill(key).tokens -= 1;
  }

  allow(key: string): boolean {
    if (this.waitSeconds(key) > 0) return false;
    this.take(key);
    return true;
  }
}

/**
 * Several limits that must all agree (conversation, tenant, everything): a request spends a
 * token from each only when each has one, so a refused request costs no limit anything.
 */
export class LimitSet {
  constructor(private readonly limits: { limiter: RateLimiter; key: string }[]) {}

  /** Seconds to wait (the longest of the limits that refuse), or 0 after spending a token each. */
  admit(): number {
    const wait = Math.max(0, ...this.limits.map((l) => l.limiter.waitSeconds(l.key)));
    if (wait === 0) for (const l of this.limits) l.limiter.take(l.key);
    return wait;
  }
}
