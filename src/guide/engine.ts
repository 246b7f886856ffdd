import { adviceDue, shownAdviceOf } from './advice-once';
import { isAnswered, type Answers } from './answers';
import { answerValues, type ActiveAdvice, type Guide, type Position } from './guide';
import type { EngineContext, GuideEvent, GuideOutput } from './events';
import { HISTORY_LIMIT, type Change, type PlanState } from './plan-state';
import { applyChanges, mergeSubmit } from './submit';

/**
 * What a transition means beyond what it shows, for the parts that act on it: `save` (storage
 * writes the plan), `answersChanged` (the steering note follows), `planCompleted` (the first
 * completion shares the note and proposes the follow-up), `planStarted` and `cardReached` (the
 * plan left "not started", or showed a card for the first time: the usage counters).
 */
export type GuideEffect =
  'save' | 'answersChanged' | 'planCompleted' | 'planStarted' | 'cardReached';

export interface Transition {
  state: PlanState;
  outputs: GuideOutput[];
  effects: GuideEffect[];
  /**
   * What the engine already derived from the new plan, so showing it computes nothing twice:
   * the answer values, and after a card submission the advice that holds.
   */
  derived?: Derived;
}

export interface Derived {
  answers: Answers;
  advice?: ActiveAdvice[];
}

type Decision = Omit<Transition, 'effects'>;

type Submit = Extract<GuideEvent, { type: 'submitStep' }>;

/** Navigation changes the revision too, so a card from before a colleague moved on reads as stale. */
/**
 * Brugbot's own choice, not the instrument's: four hours without a change to the plan counts as
 * having been away (a half-day's other work), so "welcome back" is said then and not after a
 * quick question in between.
 */
const WELCOME_BACK_AFTER_MS = 4 * 60 * 60 * 1000;

function moveTo(state: PlanState, to: Position, now: Date): PlanState {
  const status = state.status === 'notStarted' ? 'inProgress' : state.status;
  return {
    ...state,
    currentStep: to.step,
    currentPart: to.part,
    status,
    revision: state.revision + 1,
    updatedAt: now.toISOString(),
  };
}

const stepCard = (p: Position): GuideOutput => ({ kind: 'step', step: p.step, part: p.part });

/** Shows where the plan is: the current card, or the summary once completed. */
function viewOf(state: PlanState): GuideOutput {
  return state.status === 'completed'
    ? { kind: 'summary' }
    : stepCard({ step: state.currentStep, part: state.currentPart });
}

/**
/**
 * A follow-up question stands on its card before its answer applies; what was typed there while
 * the answer that opens it was not given (e.g. years with "Onbepaalde duur") is not kept.
 */
function applicableChanges(guide: Guide, answersBefore: Answers, changes: Change[]): Change[] {
  const after: Record<string, Answers[string]> = { ...answersBefore };
  for (const c of changes) after[c.q] = c.to ?? undefined;
  return changes.filter((c) => {
    const q = guide.question(c.q);
    return c.to === null || !q || !guide.isFollowUp(q) || guide.isVisible(q, after);
  });
}

/** What a submit sent, as text, so a refused card can show it again exactly. */
function sentValues(values: Submit['values']): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([id, v]) => [id, String(v)]));
}

function submitStep(
  guide: Guide,
  state: PlanState,
  answersBefore: Answers,
  event: Submit,
  ctx: EngineContext,
): Decision {
  if (event.revision > state.revision) {
    return { state, outputs: [{ kind: 'notice', code: 'futureCard' }, viewOf(state)] };
  }
  const here = { step: event.step, part: event.part };
  const merge = mergeSubmit(guide, state, here, event.revision, event.values);
  const shownBefore = new Set(
    guide
      .questionsOfPart(here)
      .filter((q) => guide.isOnCard(q, answersBefore))
      .map((q) => q.id),
  );
  const changes = applicableChanges(guide, answersBefore, merge.changes);
  let next = changes.length
    ? applyChanges(state, changes, 'answer', ctx.actor, ctx.now, HISTORY_LIMIT)
    : state;
  const answers = next === state ? answersBefore : answerValues(next);
  if (next.status === 'notStarted') next = { ...next, status: 'inProgress' };
  // Replacing your own earlier answer is not news; replacing a colleague's is.
  const outputs: GuideOutput[] = merge.overwritten
    .filter((o) => o.previousAuthor.id !== ctx.actor.id)
    .map((o) => ({
      kind: 'notice',
      code: 'overwrote',
      params: { name: o.previousAuthor.name ?? '' },
      questions: [o.q],
    }));
  // The advice that holds, evaluated once on the new answers; which tip is new to the person is
  // decided once per transition by adviceDue (advice-once.ts).
  const derived: Derived = { answers, advice: guide.activeAdvice(answers) };

  if (event.revision < state.revision) {
    const code = changes.length ? 'staleCardMerged' : 'staleCard';
    outputs.unshift({ kind: 'notice', code, questions: changes.map((c) => c.q) });
    if (merge.tooOld) outputs.push({ kind: 'notice', code: 'staleCard' });
    return { state: next, outputs: [...outputs, viewOf(next)], derived };
  }
  if (Object.keys(merge.errors).length > 0) {
    outputs.push({ kind: 'notice', code: 'invalidAnswers', questions: Object.keys(merge.errors) });
    return {
      state: moveTo(next, here, ctx.now),
      outputs: [
        ...outputs,
        { ...stepCard(here), errors: merge.errors, sent: sentValues(event.values) } as GuideOutput,
      ],
      derived,
    };
  }
  const open = guide.openPointsOfPart(here, answers).map((q) => q.id);
  const appeared = guide
    .questionsOfPart(here)
    .filter((q) => guide.isVisible(q, answers) && !shownBefore.has(q.id));
  if (appeared.length > 0 && event.nav === 'next') {
    outputs.push({ kind: 'notice', code: 'newQuestions', questions: appeared.map((q) => q.id) });
    return { state: moveTo(next, here, ctx.now), outputs: [...outputs, stepCard(here)], derived };
  }
  if (event.nav === 'next' && open.length > 0) {
    const prompt: GuideOutput = { kind: 'openPrompt', ...here, questions: open };
    return { state: moveTo(next, here, ctx.now), outputs: [...outputs, prompt], derived };
  }
  if (event.nav === 'fill') {
    const card: GuideOutput = { ...stepCard(here), ...(open.length ? { open } : {}) };
    return { state: moveTo(next, here, ctx.now), outputs: [...outputs, card], derived };
  }
  return { ...navigate(guide, next, answers, event, ctx, outputs), derived };
}

function navigate(
  guide: Guide,
  state: PlanState,
  answers: Answers,
  event: Submit,
  ctx: EngineContext,
  shown: GuideOutput[],
): Decision {
  let outputs = shown;
  const here = { step: event.step, part: event.part };
  // The card this submit came from is done (saved); "stay" shows it again instead.
  if (event.nav !== 'stay') outputs = [...outputs, { kind: 'receipt', ...here }];
  if (event.nav === 'overview')
    return { state: moveTo(state, here, ctx.now), outputs: [...outputs, { kind: 'overview' }] };
  if (event.nav === 'stay')
    return { state: moveTo(state, here, ctx.now), outputs: [...outputs, stepCard(here)] };
  if (event.nav === 'deepen') {
    const to = { step: here.step, part: event.target ?? here.part };
    const known = guide.visibleParts(here.step, answers).includes(to.part);
    const target = known ? to : here;
    return { state: moveTo(state, target, ctx.now), outputs: [...outputs, stepCard(target)] };
  }
  if (event.nav === 'back') {
    const to = guide.previousPosition(here, answers) ?? here;
    return { state: moveTo(state, to, ctx.now), outputs: [...outputs, stepCard(to)] };
  }
  const skipped = skippedAfterDeepen(guide, state, here);
  if (skipped.length)
    outputs = [...outputs, { kind: 'notice', code: 'skippedQuestions', questions: skipped }];
  const to = guide.nextPosition(here, answers);
  if (to) return { state: moveTo(state, to, ctx.now), outputs: [...outputs, stepCard(to)] };
  const firstCompletion = state.status !== 'completed';
  const done: PlanState = {
    ...moveTo(state, here, ctx.now),
    status: 'completed',
    completedAt: state.completedAt ?? ctx.now.toISOString(),
  };
  // The first completion ends calmly (issue 27): one card with what to do next, then the plan.
  // That card comes first, so it is what lands in view; the long summary reads on below it.
  const next: GuideOutput[] = firstCompletion ? [{ kind: 'nextSteps' }] : [];
  return { state: done, outputs: [...outputs, ...next, { kind: 'summary' }] };
}

/**
 * Leaving a "verdiepen" card goes on after the step's core cards; questions on core cards of the
 * step that the plan never showed are then skipped, and named so that nobody misses them.
 */
function skippedAfterDeepen(guide: Guide, state: PlanState, from: Position): string[] {
  if (!guide.isDeepen(from) || !state.reached) return [];
  const answers = answerValues(state);
  const reached = new Set(state.reached);
  return guide
    .routeParts(from.step, answers)
    .filter((part) => !reached.has(`${from.step}.${part}`))
    .flatMap((part) => guide.questionsOfPart({ step: from.step, part }))
    .filter((q) => guide.isVisible(q, answers) && !isAnswered(answers[q.id]))
    .map((q) => q.id);
}

function undo(state: PlanState, ctx: EngineContext): Decision {
  const undone = new Set(state.history.filter((h) => h.kind === 'undo').map((h) => h.undoes));
  const target = [...state.history].reverse().find((h) => h.kind !== 'undo' && !undone.has(h.rev));
  if (!target) return { state, outputs: [{ kind: 'notice', code: 'nothingToUndo' }] };
  const reverted = target.changes.map((c) => ({
    q: c.q,
    from: state.answers[c.q]?.value ?? null,
    to: c.from,
  }));
  const next = applyChanges(state, reverted, 'undo', ctx.actor, ctx.now, HISTORY_LIMIT, target.rev);
  const notice: GuideOutput = {
    kind: 'notice',
    code: 'undone',
    params: { name: target.by.name ?? '', kind: target.kind },
    questions: target.changes.map((c) => c.q),
  };
  return { state: next, outputs: [notice, viewOf(next)] };
}

function restart(guide: Guide, state: PlanState, event: GuideEvent, ctx: EngineContext): Decision {
  if (event.type === 'restartRequest') {
    const pending = { revision: state.revision + 1, by: ctx.actor };
    return {
      state: { ...state, revision: pending.revision, pendingRestart: pending },
      outputs: [{ kind: 'confirmRestart' }],
    };
  }
  const { pendingRestart, ...rest } = state;
  if (!pendingRestart)
    return { state, outputs: [{ kind: 'notice', code: 'restartExpired' }, viewOf(state)] };
  if (event.type === 'restartCancel')
    return { state: rest, outputs: [{ kind: 'notice', code: 'restartCancelled' }, viewOf(state)] };
  if (event.type === 'restartConfirm' && event.revision !== state.revision) {
    return { state: rest, outputs: [{ kind: 'notice', code: 'restartExpired' }, viewOf(state)] };
  }
  const cleared = Object.entries(state.answers).map(([q, r]) => ({ q, from: r.value, to: null }));
  const wiped = applyChanges(rest, cleared, 'restart', ctx.actor, ctx.now, HISTORY_LIMIT);
  const { completedAt: _completed, ...open } = wiped;
  const first = guide.firstPosition(1, {});
  const next: PlanState = {
    ...open,
    status: 'inProgress',
    currentStep: first.step,
    currentPart: first.part,
    shownAdvice: [],
  };
  return { state: next, outputs: [{ kind: 'notice', code: 'restarted' }, stepCard(first)] };
}

/**
 * The guide as a pure function: no I/O, no clock, no channel. The same event on the same state
 * always gives the same result, which is what lets storage re-run it after an eTag conflict.
 */
export function transition(
  guide: Guide,
  state: PlanState,
  event: GuideEvent,
  ctx: EngineContext,
): Transition {
  const decided = withAdvice(guide, state, decide(guide, state, event, ctx));
  const next = withReached(state, decided.state);
  return { ...decided, state: next, effects: effectsOf(state, next) };
}

/**
 * Says each tip once: new tips go inside the step card this turn shows (none: a summary lists
 * them all; otherwise they wait for the next card) and are noted in the plan as shown.
 */
function withAdvice(guide: Guide, before: PlanState, decision: Decision): Decision {
  if (decision.state.revision === before.revision) return decision;
  const shown = decision.state.shownAdvice ?? shownAdviceOf(guide, before);
  const answers = decision.derived?.answers ?? answerValues(decision.state);
  const due = adviceDue(guide, decision.state, answers, shown);
  const at = decision.outputs.map((o) => o.kind).lastIndexOf('step');
  const listed = at >= 0 || decision.outputs.some((o) => o.kind === 'summary');
  if (due.length === 0 || !listed)
    return { ...decision, state: { ...decision.state, shownAdvice: shown } };
  const outputs = decision.outputs.map((o, i) => (i === at ? { ...o, advice: due } : o));
  return { ...decision, outputs, state: { ...decision.state, shownAdvice: [...shown, ...due] } };
}

/** Notes the card a changed plan now stands on, once: the newest card is always the last. */
function withReached(before: PlanState, after: PlanState): PlanState {
  if (after.revision === before.revision || after.status === 'notStarted') return after;
  const card = `${after.currentStep}.${after.currentPart}`;
  const reached = after.reached ?? [];
  return reached.includes(card) ? after : { ...after, reached: [...reached, card] };
}

/** Every change to a plan moves its revision (stale cards depend on it), so that is the test. */
export function effectsOf(before: PlanState, after: PlanState): GuideEffect[] {
  if (after.revision === before.revision) return [];
  const effects: GuideEffect[] = ['save'];
  if (after.answers !== before.answers) effects.push('answersChanged');
  if (after.status === 'completed' && before.status !== 'completed') effects.push('planCompleted');
  if (before.status === 'notStarted' && after.status !== 'notStarted') effects.push('planStarted');
  if ((after.reached?.length ?? 0) > (before.reached?.length ?? 0)) effects.push('cardReached');
  return effects;
}

function decide(guide: Guide, state: PlanState, event: GuideEvent, ctx: EngineContext): Decision {
  const answers = answerValues(state);
  switch (event.type) {
    case 'welcome':
      return { state, outputs: [{ kind: 'welcome', resumable: state.status !== 'notStarted' }] };
    case 'help':
      return { state, outputs: [{ kind: 'help' }] };
    case 'start': {
      if (state.status === 'notStarted') {
        const first = guide.firstPosition(1, answers);
        return { state: moveTo(state, first, ctx.now), outputs: [stepCard(first)] };
      }
      if (state.status === 'completed')
        return { state, outputs: [{ kind: 'notice', code: 'alreadyCompleted' }, viewOf(state)] };
      // "Welkom terug" only after a real absence; right after a quick question it is just the card.
      const away = ctx.now.getTime() - Date.parse(state.updatedAt);
      if (!(away >= WELCOME_BACK_AFTER_MS)) return { state, outputs: [viewOf(state)] };
      return { state, outputs: [{ kind: 'notice', code: 'resumed' }, viewOf(state)] };
    }
    case 'back': {
      const to = guide.previousPosition(
        { step: state.currentStep, part: state.currentPart },
        answers,
      );
      if (!to) return { state, outputs: [{ kind: 'notice', code: 'atFirstStep' }, viewOf(state)] };
      return { state: moveTo(state, to, ctx.now), outputs: [stepCard(to)] };
    }
    case 'goto': {
      const step = Math.min(Math.max(1, event.step), guide.stepCount);
      const part = event.part;
      const to =
        part !== undefined && guide.visibleParts(step, answers).includes(part)
          ? { step, part }
          : guide.firstPosition(step, answers);
      return { state: moveTo(state, to, ctx.now), outputs: [stepCard(to)] };
    }
    case 'overview':
      return { state, outputs: [{ kind: 'overview' }] };
    case 'summary':
      return { state, outputs: [{ kind: 'summary' }] };
    case 'submitStep':
      return submitStep(guide, state, answers, event, ctx);
    case 'undo':
      return undo(state, ctx);
    case 'restartRequest':
    case 'restartConfirm':
    case 'restartCancel':
      return restart(guide, state, event, ctx);
  }
}
