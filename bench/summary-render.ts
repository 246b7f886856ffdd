import { translator } from '../src/i18n';
import { withProgress } from '../src/followup';
import { summaryCard } from '../src/presentation/chat';
import { viewContext } from '../src/presentation';
import { cardBytes } from '../src/cards';
import { filledPlan, plausibleValue, realGuide } from '../test/helpers/plans';
import { percentile } from './driver';

export interface SummaryRenderFigures {
  p50Ms: number;
  p99Ms: number;
  worstCaseP50Ms: number;
  worstCaseP99Ms: number;
}

function timeRender(plan: ReturnType<typeof filledPlan>, runs: number): number[] {
  const ctx = viewContext(realGuide(), plan, 'nl', translator('nl'));
  for (let i = 0; i < 10; i++) summaryCard(withProgress(ctx)); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    // The figures are read with the card, as the guide handler does, and a sender serialises it once.
    cardBytes(summaryCard(withProgress(ctx)));
    samples.push(performance.now() - started);
  }
  return samples;
}

/**
 * Brugbot's own share of a summary or steering note: rendering the summary card, in-process, for
 * an ordinary full plan and for the worst case (answers at their maximum length, where the card is
 * rendered again with shorter answers until it fits the budget).
 */
export function runSummaryRender(): SummaryRenderFigures {
  const ordinary = timeRender(filledPlan(plausibleValue), 200);
  const worst = timeRender(filledPlan(), 100);
  return {
    p50Ms: percentile(ordinary, 50),
    p99Ms: percentile(ordinary, 99),
    worstCaseP50Ms: percentile(worst, 50),
    worstCaseP99Ms: percentile(worst, 99),
  };
}
