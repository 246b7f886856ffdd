import { isAnswered, type Answers } from './answers';
import { conditionRefs, holds } from './conditions';
import type {
  AdviceRule,
  GuideDefinition,
  PartDefinition,
  QuestionDefinition,
  StepDefinition,
} from './definition-schema';
import type { PlanState } from './plan-state';

export type StepStatus = 'notStarted' | 'inProgress' | 'done';

/** Where a card sits: a step and one of its parts (a card shows one part, to stay small). */
export interface Position {
  step: number;
  part: number;
}

export interface ActiveAdvice {
  rule: AdviceRule;
  /** Ids of the rule's reason fragments that hold for these answers (empty: the rule's own reason). */
  reasons: string[];
}

/** Read-only queries over a validated guide definition; built once at start-up. */
export class Guide {
  readonly stepCount: number;
  private readonly questionsById = new Map<
    string,
    { question: QuestionDefinition; step: number; part: PartDefinition; partIndex: number }
  >();

  constructor(readonly definition: GuideDefinition) {
    this.stepCount = definition.steps.length;
    for (const step of definition.steps) {
      step.parts.forEach((part, partIndex) => {
        for (const question of part.questions) {
          this.questionsById.set(question.id, { question, step: step.number, part, partIndex });
        }
      });
    }
  }

  step(number: number): StepDefinition {
    const step = this.definition.steps[number - 1];
    if (!step) throw new RangeError(`no step ${number}`);
    return step;
  }

  question(id: string): QuestionDefinition | undefined {
    return this.questionsById.get(id)?.question;
  }

  stepOfQuestion(id: string): number | undefined {
    return this.questionsById.get(id)?.step;
  }

  /** The card that asks a question. */
  positionOfQuestion(id: string): Position | undefined {
    const entry = this.questionsById.get(id);
    return entry ? { step: entry.step, part: entry.partIndex } : undefined;
  }

  /**
   * A follow-up question: it opens on an answer given on its own card. Adaptive Cards 1.5 cannot
   * show an input when another changes (Action.ToggleVisibility reacts to clicks, not to input;
   * `valueChangedAction` is not in 1.5), so the card always shows it, marked with its condition.
   */
  isFollowUp(question: QuestionDefinition): boolean {
    if (!question.showIf) return false;
    const own = this.questionsById.get(question.id)?.part;
    return conditionRefs(question.showIf).every((ref) => this.questionsById.get(ref)?.part === own);
  }

  /** Whether the card shows a question: relevant now, or a follow-up waiting for its answer. */
  isOnCard(question: QuestionDefinition, answers: Answers): boolean {
    return this.isFollowUp(question) || this.isVisible(question, answers);
  }

  questionsOf(step: number): QuestionDefinition[] {
    return this.step(step).parts.flatMap((p) => p.questions);
  }

  questionsOfPart(position: Position): QuestionDefinition[] {
    return this.step(position.step).parts[position.part]?.questions ?? [];
  }

  /** Parts worth a card: some question is visible, or the part carries a reading list. */
  visibleParts(step: number, answers: Answers): number[] {
    return this.step(step)
      .parts.map((part, index) => ({ part, index }))
      .filter(
        ({ part }) =>
          part.resources.length > 0 || part.questions.some((q) => this.isVisible(q, answers)),
      )
      .map(({ index }) => index);
  }

  /** The core cards of a step, in order: the route "Bewaar en ga verder" follows. */
  routeParts(step: number, answers: Answers): number[] {
    const parts = this.step(step).parts;
    return this.visibleParts(step, answers).filter((i) => parts[i]!.depth === 'core');
  }

  /** The optional "verdiepen" cards of a step, opened on request. */
  deepenParts(step: number, answers: Answers): number[] {
    const parts = this.step(step).parts;
    return this.visibleParts(step, answers).filter((i) => parts[i]!.depth === 'deepen');
  }

  isDeepen(position: Position): boolean {
    return this.step(position.step).parts[position.part]?.depth === 'deepen';
  }

  firstPosition(step: number, answers: Answers): Position {
    const first = this.routeParts(step, answers)[0] ?? this.visibleParts(step, answers)[0];
    return { step, part: first ?? 0 };
  }

  /**
   * The next card after `from` on the core route, or undefined after the last core card of the
   * last step. Leaving a deepen card continues the route after the step's core cards.
   */
  nextPosition(from: Position, answers: Answers): Position | undefined {
    const later = this.routeParts(from.step, answers).find((p) => p > from.part);
    if (later !== undefined) return { step: from.step, part: later };
    return from.step < this.stepCount ? this.firstPosition(from.step + 1, answers) : undefined;
  }

  /** The core card before `from`; from a deepen card, the step's last core card. */
  previousPosition(from: Position, answers: Answers): Position | undefined {
    const route = this.routeParts(from.step, answers);
    if (this.isDeepen(from) && route.length > 0) {
      return { step: from.step, part: route[route.length - 1]! };
    }
    const earlier = route.filter((p) => p < from.part).pop();
    if (earlier !== undefined) return { step: from.step, part: earlier };
    if (from.step === 1) return undefined;
    const parts = this.routeParts(from.step - 1, answers);
    return { step: from.step - 1, part: parts[parts.length - 1] ?? 0 };
  }

  isVisible(question: QuestionDefinition, answers: Answers): boolean {
    return !question.showIf || holds(question.showIf, answers);
  }

  visibleQuestionsOf(step: number, answers: Answers): QuestionDefinition[] {
    return this.questionsOf(step).filter((q) => this.isVisible(q, answers));
  }

  /** Questions on the core route of a step (the ones a plan needs). */
  coreQuestionsOf(step: number): QuestionDefinition[] {
    return this.step(step)
      .parts.filter((p) => p.depth === 'core')
      .flatMap((p) => p.questions);
  }

  /** Required, visible, unanswered and on the core route: the plan's open points. */
  openPoints(answers: Answers, step?: number): QuestionDefinition[] {
    const steps = step ? [step] : this.definition.steps.map((s) => s.number);
    return steps.flatMap((n) =>
      this.coreQuestionsOf(n).filter(
        (q) => q.required && this.isVisible(q, answers) && !isAnswered(answers[q.id]),
      ),
    );
  }

  /** Open points of one card, for the "Nog open: … — Toch verder / Invullen" prompt. */
  openPointsOfPart(position: Position, answers: Answers): QuestionDefinition[] {
    if (this.isDeepen(position)) return [];
    return this.questionsOfPart(position).filter(
      (q) => q.required && this.isVisible(q, answers) && !isAnswered(answers[q.id]),
    );
  }

  /** A plan is complete when every core question it needs is answered; deepen parts never block. */
  isComplete(answers: Answers): boolean {
    return this.openPoints(answers).length === 0;
  }

  stepStatus(step: number, answers: Answers): StepStatus {
    const visible = this.visibleQuestionsOf(step, answers);
    const answered = visible.filter((q) => isAnswered(answers[q.id]));
    if (answered.length === 0) return 'notStarted';
    return this.openPoints(answers, step).length === 0 ? 'done' : 'inProgress';
  }

  /** Of `rules` (advice that holds now), those that did not hold for the answers `before`. */
  newlyHolding(rules: AdviceRule[], before: Answers): AdviceRule[] {
    return rules.filter((rule) => !holds(rule.when, before));
  }

  activeAdvice(answers: Answers): ActiveAdvice[] {
    return this.definition.advice
      .filter((rule) => holds(rule.when, answers))
      .map((rule) => ({
        rule,
        reasons: rule.reasons.filter((r) => holds(r.when, answers)).map((r) => r.id),
      }));
  }
}

/** The plain answer values of a plan, as conditions and advice read them. */
export function answerValues(state: PlanState): Answers {
  const values: Record<string, PlanState['answers'][string]['value']> = {};
  for (const [id, record] of Object.entries(state.answers)) values[id] = record.value;
  return values;
}
