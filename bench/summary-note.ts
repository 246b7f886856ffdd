import fs from 'node:fs';
import path from 'node:path';
import { translator } from '../src/i18n';
import { summaryCard } from '../src/bot/views/other-views';
import { viewContext } from '../src/bot/views/view-context';
import { cardBytes } from '../src/cards';
import { filledPlan, plausibleValue, realGuide } from '../test/helpers/plans';
import { percentile } from './driver';

const ROOT = path.join(__dirname, '..', '..');

export interface SummaryNoteFigures {
  /** What was measured: the steering PUT latency, or (until steering exists) the summary render. */
  measured: 'steering-put' | 'summary-render';
  note: string;
  p50Ms: number;
  p99Ms: number;
  worstCaseP50Ms: number;
  worstCaseP99Ms: number;
}

/** Steering lives behind STEERING_* settings; until the config knows them there is nothing to drive. */
export function steeringPresent(): boolean {
  const config = fs.readFileSync(path.join(ROOT, 'src', 'config', 'index.ts'), 'utf8');
  return config.includes('STEERING_DEBOUNCE_MS');
}

function timeRender(plan: ReturnType<typeof filledPlan>, runs: number): number[] {
  const ctx = viewContext(realGuide(), plan, 'nl', translator('nl'));
  for (let i = 0; i < 10; i++) summaryCard(ctx); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    cardBytes(summaryCard(ctx)); // a sender would serialise it once, so that is part of the cost
    samples.push(performance.now() - started);
  }
  return samples;
}

/**
 * The steering note's own latency needs the steering feature; until it lands this measures the
 * part of it that is Brugbot's work, rendering the summary card, for an ordinary full plan and
 * for the worst case (where the card is re-rendered with shorter answers until it fits).
 */
export function runSummaryNote(): SummaryNoteFigures {
  const ordinary = timeRender(filledPlan(plausibleValue), 200);
  const worst = timeRender(filledPlan(), 100);
  const present = steeringPresent();
  return {
    measured: 'summary-render',
    note: present
      ? 'STEERING_* exists in src/config but the bench does not drive it yet: summary render cost shown instead'
      : 'steering feature not in src yet: summary card render cost shown instead of last answer → steering PUT',
    p50Ms: percentile(ordinary, 50),
    p99Ms: percentile(ordinary, 99),
    worstCaseP50Ms: percentile(worst, 50),
    worstCaseP99Ms: percentile(worst, 99),
  };
}
