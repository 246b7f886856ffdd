/** Usage insight without personal data: counters, declined questions, feedback, the page. */
import type { Server } from 'restify';
import type { Locale } from '../i18n';
import type { Logger } from '../logging';
import type { BrugStorage } from '../storage';
import type { TabUser } from '../tab';
import { AnswerFeedback } from './answer-feedback';
import { mountInsight } from './insight-routes';
import { createUsageMetrics } from './otel-metrics';
import { UsageCounter } from './usage-counter';
import { UsageStore } from './usage-store';

export { AnswerFeedback, answerFeedbackSchema, FEEDBACK_INVOKE } from './answer-feedback';
export { UsageCounter } from './usage-counter';
export { normaliseQuestion } from './normalise';

export interface Insight {
  counter: UsageCounter;
  feedback: AnswerFeedback;
  mount(
    server: Server,
    access: { verify?: (authorization: string | undefined) => Promise<TabUser>; admins: string[] },
    titleOf: (entryId: string, locale: Locale) => string,
  ): void;
  /** Drops buckets older than the retention; the retention timer calls it. */
  purge(now: Date): Promise<number>;
  close(): Promise<void>;
}

export async function createInsight(deps: {
  storage: BrugStorage;
  logger: Logger;
  now: () => Date;
  retentionDays: number;
  /** The plans' retention (RETENTION_DAYS): a conversation's marks live no longer. */
  conversationDays: number;
  otlpMetricsUrl?: string;
}): Promise<Insight> {
  const store = new UsageStore(deps.storage);
  const metrics = await createUsageMetrics(deps.otlpMetricsUrl);
  const counter = new UsageCounter({ store, metrics, logger: deps.logger, now: deps.now });
  const feedback = new AnswerFeedback({ store, counter, logger: deps.logger, now: deps.now });
  return {
    counter,
    feedback,
    mount: (server, access, titleOf) =>
      mountInsight(server, { store, logger: deps.logger, now: deps.now, titleOf, ...access }),
    purge: (now) => store.purge(now, deps.retentionDays, deps.conversationDays),
    close: () => metrics.close(),
  };
}
