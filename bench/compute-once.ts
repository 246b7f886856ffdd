import { answerValues, transition } from '../src/guide';
import { translator } from '../src/i18n';
import { viewContext } from '../src/presentation';
import {
  computeCounter,
  guideSubmissions,
  renderCards,
  submitCard,
  type CardSubmission,
  type ComputeCounts,
} from '../test/helpers/card-submissions';
import { ACTOR, T0, realGuide } from '../test/helpers/plans';
import { percentile } from './driver';

interface Spread {
  mean: number;
  min: number;
  max: number;
}

export interface ComputeOnceSide {
  /** Guide.activeAdvice calls per card submission. */
  advice: Spread;
  /** answerValues calls per card submission. */
  answerValues: Spread;
  /** CPU (user + system) of one card submission's pure path. */
  cpuP50Ms: number;
  cpuP95Ms: number;
}

export interface ComputeOnceFigures {
  submissionsPerWalk: number;
  /** Timed submissions per side. */
  samples: number;
  questionsPerCard: { min: number; max: number };
  brugbot: ComputeOnceSide;
  /** The previous computation pattern, reproduced in this file on the same submissions. */
  previousPattern: ComputeOnceSide;
}

const TARGET_SAMPLES = 3_000;
const WARM_UP_WALKS = 20;
/** Both sides together stay well inside the bench's budget, even on a busy shared machine. */
const TIME_BUDGET_MS = 30_000;

/** As measured on main before issue 24 (notes/card-path-before.md): 3 advice evaluations, Q + 6 answer values. */
const PREVIOUS_ADVICE = 3;
const PREVIOUS_ANSWER_VALUES_BEYOND_QUESTIONS = 6;

const ctx = { now: T0, actor: ACTOR };

/**
 * The previous pattern, reproduced in bench code only (src no longer has it): the same engine
 * transition, a view context that computes the answers again and cards that evaluate the advice
 * again (no `derived` handed on), and the engine's former repeats on the same plans — advice on
 * the answers before, answer values in decide(), once per question of the card (visibility
 * before), in submitStep, twice in activeAdviceIds and in navigate — until the submission has
 * made 3 advice evaluations and Q + 6 answer-value computations (4 advice where a new-advice card
 * already evaluated it again, as before).
 */
function previousPattern(submission: CardSubmission, counter: { read(): ComputeCounts }): void {
  const guide = realGuide();
  const r = transition(guide, submission.state, submission.event, ctx);
  const view = viewContext(guide, r.state, 'nl', translator('nl'), { viewer: ACTOR });
  renderCards(view, r.outputs);
  for (let i = counter.read().advice; i < PREVIOUS_ADVICE; i++)
    guide.activeAdvice(answerValues(i % 2 ? r.state : submission.state));
  const answerTarget = submission.questions + PREVIOUS_ANSWER_VALUES_BEYOND_QUESTIONS;
  for (let i = counter.read().answerValues; i < answerTarget; i++)
    answerValues(i % 2 ? r.state : submission.state);
}

class Side {
  readonly cpuMs: number[] = [];
  readonly advice: number[] = [];
  readonly answerValues: number[] = [];

  figures(): ComputeOnceSide {
    const spread = (v: number[]): Spread => ({
      mean: v.reduce((a, b) => a + b, 0) / v.length,
      min: Math.min(...v),
      max: Math.max(...v),
    });
    return {
      advice: spread(this.advice),
      answerValues: spread(this.answerValues),
      cpuP50Ms: percentile(this.cpuMs, 50),
      cpuP95Ms: percentile(this.cpuMs, 95),
    };
  }
}

/**
 * Issue 24 item 7, "per turn, compute once": the guide's card submissions walked through the pure
 * path (engine transition + view context + card rendering, no HTTP, no storage), counting advice
 * evaluations and answer-value computations through wraps of the real functions, and timing each
 * submission's CPU. The previous pattern runs on the same submissions, walk by walk in turn, so a
 * neighbour's load hits both alike.
 */
export function runComputeOnce(): ComputeOnceFigures {
  const counter = computeCounter();
  const submissions = guideSubmissions();
  const brugbot = new Side();
  const previous = new Side();
  const measure = (side: Side | undefined, run: (s: CardSubmission) => void) => {
    for (const submission of submissions) {
      counter.reset();
      const before = process.cpuUsage();
      run(submission);
      const cpu = process.cpuUsage(before);
      if (!side) continue;
      const counts = counter.read();
      side.cpuMs.push((cpu.user + cpu.system) / 1000);
      side.advice.push(counts.advice);
      side.answerValues.push(counts.answerValues);
    }
  };
  const previousRun = (s: CardSubmission) => previousPattern(s, counter);
  for (let i = 0; i < WARM_UP_WALKS; i++) {
    measure(undefined, submitCard);
    measure(undefined, previousRun);
  }
  const started = performance.now();
  while (brugbot.cpuMs.length < TARGET_SAMPLES && performance.now() - started < TIME_BUDGET_MS) {
    measure(brugbot, submitCard);
    measure(previous, previousRun);
  }
  const figures: ComputeOnceFigures = {
    submissionsPerWalk: submissions.length,
    samples: brugbot.cpuMs.length,
    questionsPerCard: {
      min: Math.min(...submissions.map((s) => s.questions)),
      max: Math.max(...submissions.map((s) => s.questions)),
    },
    brugbot: brugbot.figures(),
    previousPattern: previous.figures(),
  };
  // A wrap that observes nothing would report "0 evaluations": fail loudly instead.
  for (const side of [figures.brugbot, figures.previousPattern]) {
    if (side.advice.min === 0 || side.answerValues.min === 0)
      throw new Error('compute once: a counting wrap observed no call; the counts are not real');
  }
  return figures;
}
