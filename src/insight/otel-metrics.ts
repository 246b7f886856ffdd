import type { Attributes, Counter, Histogram, Meter } from '@opentelemetry/api';
import type { Counts } from './counters';

/** Feeds the same counters to OpenTelemetry; `flush` pushes what is pending, `close` stops. */
export interface UsageMetrics {
  add(counts: Counts): void;
  completed(hours: number): void;
  flush(): Promise<void>;
  close(): Promise<void>;
}

const NO_METRICS: UsageMetrics = {
  add: () => undefined,
  completed: () => undefined,
  flush: async () => undefined,
  close: async () => undefined,
};

/** One counter name (counters.ts) as an OTel instrument and its attributes. */
function instrumentOf(name: string): { metric: string; attributes: Attributes } {
  const [group, a, b] = name.split('.');
  switch (group) {
    case 'step':
      return { metric: 'brugbot.funnel.step', attributes: { step: Number(a) } };
    case 'card':
      return { metric: 'brugbot.funnel.card', attributes: { card: `${a}.${b}` } };
    case 'time':
      return { metric: 'brugbot.plans.completed_by_time', attributes: { bin: Number(a) } };
    case 'feedback':
      return { metric: 'brugbot.feedback', attributes: { entry: a!, reaction: b! } };
    case 'questions':
    case 'checkins':
      return { metric: `brugbot.${group}`, attributes: { outcome: a! } };
    default:
      return { metric: `brugbot.${name}`, attributes: {} };
  }
}

class OtelUsageMetrics implements UsageMetrics {
  private readonly counters = new Map<string, Counter>();
  private readonly duration: Histogram;

  constructor(
    private readonly meter: Meter,
    private readonly provider: { forceFlush(): Promise<void>; shutdown(): Promise<void> },
  ) {
    this.duration = meter.createHistogram('brugbot.plans.time_to_complete', { unit: 'h' });
  }

  add(counts: Counts): void {
    for (const [name, n] of Object.entries(counts)) {
      const { metric, attributes } = instrumentOf(name);
      let counter = this.counters.get(metric);
      if (!counter) {
        counter = this.meter.createCounter(metric);
        this.counters.set(metric, counter);
      }
      counter.add(n, attributes);
    }
  }

  completed(hours: number): void {
    this.duration.record(hours);
  }

  flush = () => this.provider.forceFlush();
  close = () => this.provider.shutdown();
}

/**
 * With an OTLP endpoint: a meter provider of its own that pushes to it every `intervalMs`
 * (Application Insights and any OTel backend take OTLP). Without one: nothing at all, and
 * the OTel SDK is never loaded. The provider is not registered globally, so a host SDK's own
 * telemetry (Agents SDK) keeps whatever it was given.
 */
export async function createUsageMetrics(
  otlpMetricsUrl: string | undefined,
  intervalMs = 60_000,
): Promise<UsageMetrics> {
  if (!otlpMetricsUrl) return NO_METRICS;
  const { MeterProvider, PeriodicExportingMetricReader } =
    await import('@opentelemetry/sdk-metrics');
  const { OTLPMetricExporter } = await import('@opentelemetry/exporter-metrics-otlp-http');
  const provider = new MeterProvider({
    readers: [
      new PeriodicExportingMetricReader({
        exporter: new OTLPMetricExporter({ url: otlpMetricsUrl }),
        exportIntervalMillis: intervalMs,
      }),
    ],
  });
  return new OtelUsageMetrics(provider.getMeter('brugbot'), provider);
}
