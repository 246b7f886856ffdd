import { TIME_BINS_HOURS, type Counts } from './counters';
import type { UsageStore } from './usage-store';

const STEPS = [1, 2, 3, 4, 5, 6];

/** Hours as a range: the bin a quartile falls in (the last bin has no upper bound). */
export interface HoursRange {
  fromHours: number;
  toHours: number | null;
}

export interface InsightReport {
  from: string;
  to: string;
  plans: { started: number; completed: number };
  funnel: { step: number; plans: number; cards: { card: string; plans: number }[] }[];
  timeToComplete: {
    plans: number;
    median: HoursRange | null;
    q1: HoursRange | null;
    q3: HoursRange | null;
    bins: { fromHours: number; toHours: number | null; plans: number }[];
  };
  questions: {
    asked: number;
    answered: number;
    answeredFromEntry: number;
    answeredFromPassage: number;
    declined: number;
  };
  checkins: { sent: number; answered: number };
  declinedTop: { text: string; conversations: number }[];
  feedback: {
    helpful: number;
    notHelpful: number;
    entries: { entryId: string; title: string; helpful: number; notHelpful: number }[];
  };
}

function binRange(index: number): HoursRange {
  return { fromHours: TIME_BINS_HOURS[index - 1] ?? 0, toHours: TIME_BINS_HOURS[index] ?? null };
}

function timeToComplete(c: (name: string) => number): InsightReport['timeToComplete'] {
  const perBin = [...TIME_BINS_HOURS, null].map((_, i) => c(`time.${i}`));
  const plans = perBin.reduce((a, b) => a + b, 0);
  const quantile = (q: number): HoursRange | null => {
    if (plans === 0) return null;
    let seen = 0;
    const index = perBin.findIndex((n) => (seen += n) >= q * plans);
    return binRange(index);
  };
  return {
    plans,
    median: quantile(0.5),
    q1: quantile(0.25),
    q3: quantile(0.75),
    bins: perBin.map((n, i) => ({ ...binRange(i), plans: n })).filter((b) => b.plans > 0),
  };
}

function feedbackOf(counts: Counts, titleOf: (entryId: string) => string) {
  const byEntry = new Map<string, { helpful: number; notHelpful: number }>();
  for (const [name, n] of Object.entries(counts)) {
    const match = /^feedback\.(.+)\.(helpful|notHelpful)$/.exec(name);
    if (!match) continue;
    const entry = byEntry.get(match[1]!) ?? { helpful: 0, notHelpful: 0 };
    entry[match[2] as 'helpful' | 'notHelpful'] += n;
    byEntry.set(match[1]!, entry);
  }
  const entries = [...byEntry]
    .map(([entryId, votes]) => ({ entryId, title: titleOf(entryId), ...votes }))
    .sort(
      (a, b) =>
        b.helpful + b.notHelpful - (a.helpful + a.notHelpful) || a.title.localeCompare(b.title),
    );
  const sum = (k: 'helpful' | 'notHelpful') => entries.reduce((s, e) => s + e[k], 0);
  return { helpful: sum('helpful'), notHelpful: sum('notHelpful'), entries };
}

/** The figures `/api/insight` and the `/insight` page show for a range of UTC days. */
export async function insightReport(
  store: UsageStore,
  range: { from: string; to: string },
  titleOf: (entryId: string) => string,
): Promise<InsightReport> {
  const counts = await store.counts(range.from, range.to);
  const c = (name: string) => counts[name] ?? 0;
  const cards = Object.keys(counts)
    .filter((name) => name.startsWith('card.'))
    .map((name) => name.slice('card.'.length))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return {
    ...range,
    plans: { started: c('plans.started'), completed: c('plans.completed') },
    funnel: STEPS.map((step) => ({
      step,
      plans: c(`step.${step}`),
      cards: cards
        .filter((card) => card.startsWith(`${step}.`))
        .map((card) => ({ card, plans: c(`card.${card}`) })),
    })),
    timeToComplete: timeToComplete(c),
    questions: {
      asked: c('questions.asked'),
      answered: c('questions.answeredEntry') + c('questions.answeredPassage'),
      answeredFromEntry: c('questions.answeredEntry'),
      answeredFromPassage: c('questions.answeredPassage'),
      declined: c('questions.declined'),
    },
    checkins: { sent: c('checkins.sent'), answered: c('checkins.answered') },
    declinedTop: await store.declinedTop(range.from, range.to),
    feedback: feedbackOf(counts, titleOf),
  };
}
