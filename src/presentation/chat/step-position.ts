import type { Answers, Position, QuestionDefinition } from '../../guide';
import { isAnswered } from '../../guide';
import type { ViewContext } from '..';

type Condition = NonNullable<QuestionDefinition['showIf']>;

/** The questions a condition reads (operands included). */
function questionsRead(condition: Condition, into = new Set<string>()): Set<string> {
  if ('all' in condition) condition.all.forEach((c) => questionsRead(c, into));
  else if ('any' in condition) condition.any.forEach((c) => questionsRead(c, into));
  else if ('not' in condition) questionsRead(condition.not, into);
  else {
    into.add(condition.q);
    const operand: unknown = 'value' in condition ? condition.value : undefined;
    if (operand && typeof operand === 'object' && 'ref' in operand) into.add(String(operand.ref));
  }
  return into;
}

/**
 * Hidden core cards that an answer not given yet decides, counted once per deciding question:
 * step 4's "Vacature" and "Opdracht" cards both wait on "Wie neemt de ambassadeur in dienst?"
 * and only one of them follows it, so the first card of step 4 says "1 van 2" before it is
 * answered. A card whose deciding questions are all answered is decided: shown or not.
 */
function undecidedCards(ctx: ViewContext, step: number, answers: Answers): number {
  const { guide } = ctx;
  const shown = new Set(guide.visibleParts(step, answers));
  const deciders = new Set<string>();
  guide.step(step).parts.forEach((part, index) => {
    if (part.depth !== 'core' || shown.has(index) || part.questions.length === 0) return;
    const read = new Set<string>();
    for (const q of part.questions) if (q.showIf) questionsRead(q.showIf, read);
    const open = [...read].filter((id) => !isAnswered(answers[id])).sort();
    if (open.length > 0) deciders.add(open.join(' '));
  });
  return deciders.size;
}

/**
 * Where a core card stands in its step ("2 van 4"): the cards shown now plus those an open
 * answer still decides, so every card of a multi-card step shows its place, the first one too.
 */
export function stepPosition(
  ctx: ViewContext,
  position: Position,
): { part: number; parts: number } {
  const route = ctx.guide.routeParts(position.step, ctx.answers);
  return {
    part: Math.max(1, route.indexOf(position.part) + 1),
    parts: route.length + undecidedCards(ctx, position.step, ctx.answers),
  };
}
