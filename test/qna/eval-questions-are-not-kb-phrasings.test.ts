import path from 'node:path';
import { repoRoot } from '../../src/paths';
import { kbPhrasings } from '../helpers/kb-phrasings';
import { loadEvalSet } from '../helpers/qna-eval';
import { normaliseQuestion } from '../../src/qna/text';

// The eval measures how real users' wording fares, so no eval question may simply be a phrasing
// the KB already indexes as a question (variant) or topic label (title), compared after
// normalisation. Keywords are left out on purpose: they include bare names such as
// "Plan Samenleven" that a user may well type on their own.
const EVAL_DIR = path.join(repoRoot, 'test', 'qna-eval');

describe('the eval set is kept apart from the knowledge base', () => {
  const set = loadEvalSet(EVAL_DIR);
  const phrasings = new Map<string, string>();
  for (const p of kbPhrasings()) phrasings.set(normaliseQuestion(p.text), p.where);

  it('has at least 120 in-scope and 20 out-of-scope questions', () => {
    expect(set.inScope.length).toBeGreaterThanOrEqual(120);
    expect(set.outOfScope.length).toBeGreaterThanOrEqual(20);
  });

  it('contains no question that equals a KB variant or title once normalised', () => {
    const clashes = [...set.inScope, ...set.outOfScope]
      .map(({ q }) => ({ q, kb: phrasings.get(normaliseQuestion(q)) }))
      .filter((c) => c.kb !== undefined);
    expect(clashes).toEqual([]);
  });

  it('contains no duplicate questions', () => {
    const all = [...set.inScope, ...set.outOfScope].map(({ q }) => normaliseQuestion(q));
    expect(new Set(all).size).toBe(all.length);
  });
});
