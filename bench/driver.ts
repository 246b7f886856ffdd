import http from 'node:http';
import { randomUUID } from 'node:crypto';

/**
 * Posts activities the way a channel does and times each one until its HTTP 200: CloudAdapter
 * answers only after the turn, and the turn only after the Connector acknowledged the reply.
 * One keep-alive agent per bot, so connection set-up is not part of a turn's latency.
 */
export class Driver {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  failures = 0;

  constructor(private readonly botUrl: string) {}

  /** Resolves with the latency in milliseconds; a status of 300 or more counts as a failure. */
  post(activity: object): Promise<number> {
    const body = JSON.stringify(activity);
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const req = http.request(
        `${this.botUrl}/api/messages`,
        {
          method: 'POST',
          agent: this.agent,
          headers: {
            'Content-Type': 'application/json',
            'Content-Length': Buffer.byteLength(body),
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            if ((res.statusCode ?? 500) >= 300) this.failures++;
            resolve(performance.now() - started);
          });
        },
      );
      req.setTimeout(30_000, () => req.destroy(new Error('bench request timed out after 30 s')));
      req.on('error', reject);
      req.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

export interface Who {
  id: string;
  name: string;
  aadObjectId: string;
}

export function user(n: number): Who {
  return { id: `29:user-${n}`, name: `Gebruiker ${n}`, aadObjectId: `aad-user-${n}` };
}

/** Activities as Teams posts them (see test/helpers/activities.ts), built without its jest ties. */
export function activity(
  serviceUrl: string,
  conversationId: string,
  from: Who,
  extra: Record<string, unknown>,
  group = false,
): Record<string, unknown> {
  return {
    type: 'message',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    locale: 'nl-BE',
    from,
    recipient: { id: '28:brugbot', name: 'Brugbot' },
    conversation: {
      id: conversationId,
      isGroup: group,
      conversationType: group ? 'groupChat' : 'personal',
      tenantId: 'tenant-1',
    },
    ...extra,
  };
}

/** Nearest-rank percentile of unsorted samples. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  ]!;
}

export interface LatencyStats {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  /** Completed requests per second of wall time. */
  throughput: number;
}

export function stats(samples: number[], wallMs: number): LatencyStats {
  return {
    n: samples.length,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    throughput: samples.length / (wallMs / 1000),
  };
}
