import type { Next, Request, Response } from 'restify';

/**
 * Deeper than any Bot Framework activity, Direct Line message or tab request (a Teams activity
 * is about 6 levels deep, a card submit 3). Recursive code further on (validation, cloning,
 * JSON.stringify) overflows the stack at a few thousand levels.
 */
export const MAX_JSON_DEPTH = 64;

/** A UTF-16 surrogate without its partner: valid in a JSON escape, not storable as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export type BodyProblem = 'tooDeep' | 'loneSurrogate';

/** Why a parsed JSON body cannot be processed, or undefined. Iterative, so depth cannot hurt it. */
export function jsonBodyProblem(body: unknown, maxDepth = MAX_JSON_DEPTH): BodyProblem | undefined {
  const stack: { value: unknown; depth: number }[] = [{ value: body, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (typeof value === 'string') {
      if (LONE_SURROGATE.test(value)) return 'loneSurrogate';
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= maxDepth) return 'tooDeep';
    for (const [key, child] of Object.entries(value)) {
      if (LONE_SURROGATE.test(key)) return 'loneSurrogate';
      stack.push({ value: child, depth: depth + 1 });
    }
  }
  return undefined;
}

const MESSAGES: Record<BodyProblem, string> = {
  tooDeep: `The JSON body is nested more than ${MAX_JSON_DEPTH} levels deep.`,
  loneSurrogate: 'The JSON body contains text that is not valid Unicode (an unpaired surrogate).',
};

/**
 * Every route's body, checked once after parsing: a clear 400 instead of a stack overflow or a
 * storage error deep inside a handler. Runs for the bot, Direct Line and the tab API alike.
 */
export function rejectUnprocessableBodies(req: Request, res: Response, next: Next): void {
  const problem = jsonBodyProblem(req.body);
  if (!problem) return next();
  res.send(400, { error: 'BadRequest', message: MESSAGES[problem] });
  next(false);
}
