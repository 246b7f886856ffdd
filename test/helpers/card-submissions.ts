import * as guideModule from '../../src/guide/guide';
import {
  initialPlanState,
  transition,
  type Answers,
  type GuideEvent,
  type GuideOutput,
  type PlanState,
} from '../../src/guide';
import { withProgress } from '../../src/followup';
import { translator } from '../../src/i18n';
import { viewContext, type ViewContext } from '../../src/presentation';
import { renderOutputs } from '../../src/presentation/chat';
import { ACTOR, T0, plausibleValue, realGuide } from './plans';

export interface ComputeCounts {
  /** Guide.activeAdvice calls: every advice rule evaluated once per call. */
  advice: number;
  /** answerValues calls. */
  answerValues: number;
}

export interface ComputeCounter {
  reset(): void;
  read(): ComputeCounts;
}

let counter: ComputeCounter | undefined;

/**
 * Counts advice evaluations and answer-value computations by wrapping the real functions, once
 * per process. The compiled CommonJS reads `answerValues` from guide.ts's `exports` at every call
 * (`(0, guide_1.answerValues)(…)`, and the guide index re-exports it through a getter), so
 * replacing that export is seen by the engine and the presentation alike; `activeAdvice` is a
 * method on Guide's prototype. A wrap that observes nothing shows as zero counts: callers assert
 * that they are not.
 */
export function computeCounter(): ComputeCounter {
  if (counter) return counter;
  const counts: ComputeCounts = { advice: 0, answerValues: 0 };
  const proto = guideModule.Guide.prototype;
  const activeAdvice = proto.activeAdvice;
  proto.activeAdvice = function (this: guideModule.Guide, answers: Answers) {
    counts.advice++;
    return activeAdvice.call(this, answers);
  };
  const answerValues = guideModule.answerValues;
  const wrapped: typeof answerValues = (state) => {
    counts.answerValues++;
    return answerValues(state);
  };
  if (!Reflect.set(guideModule, 'answerValues', wrapped) || guideModule.answerValues !== wrapped)
    throw new Error('answerValues cannot be wrapped: its export is not writable');
  counter = {
    reset: () => {
      counts.advice = 0;
      counts.answerValues = 0;
    },
    read: () => ({ ...counts }),
  };
  return counter;
}

export interface CardSubmission {
  /** The plan before the submission and the submission itself. */
  state: PlanState;
  event: Extract<GuideEvent, { type: 'submitStep' }>;
  /** Questions on the submitted card. */
  questions: number;
}

/** A walk never needs this many submissions; stop it anyway. */
const MAX_SUBMISSIONS = 80;
const ctx = { now: T0, actor: ACTOR };

/**
 * The card submissions of one walk through the real guide, as a person makes them: every visible
 * question of the current card filled with a plausible value, then "next", until the plan is
 * completed (a card that shows new questions is submitted again).
 */
export function guideSubmissions(): CardSubmission[] {
  const guide = realGuide();
  let state = transition(guide, initialPlanState(T0), { type: 'start' }, ctx).state;
  const submissions: CardSubmission[] = [];
  while (state.status !== 'completed') {
    if (submissions.length >= MAX_SUBMISSIONS)
      throw new Error(`the walk did not complete in ${MAX_SUBMISSIONS} submissions`);
    const here = { step: state.currentStep, part: state.currentPart };
    const questions = guide.questionsOfPart(here);
    const answers = guideModule.answerValues(state);
    const values: Record<string, string> = {};
    for (const q of questions) if (guide.isVisible(q, answers)) values[q.id] = plausibleValue(q);
    const event = {
      type: 'submitStep' as const,
      ...here,
      revision: state.revision,
      values,
      nav: 'next' as const,
    };
    submissions.push({ state, event, questions: questions.length });
    state = transition(guide, state, event, ctx).state;
  }
  return submissions;
}

/** The pure path of one card submission: the engine's transition, the view context, the cards. */
export function submitCard(submission: CardSubmission): void {
  const guide = realGuide();
  const r = transition(guide, submission.state, submission.event, ctx);
  const view = viewContext(guide, r.state, 'nl', translator('nl'), {
    viewer: ACTOR,
    ...(r.derived ? { derived: r.derived } : {}),
  });
  renderCards(view, r.outputs);
}

/** Draws a turn's outputs as the guide handler does: the follow-up figures only for a summary. */
export function renderCards(view: ViewContext, outputs: GuideOutput[]): void {
  renderOutputs(outputs.some((o) => o.kind === 'summary') ? withProgress(view) : view, outputs);
}
