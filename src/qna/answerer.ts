import type { Locale } from '../i18n';
import type { PassageIndex } from './passages';
import type { RetrievalHit, RetrievalResult, Retriever } from './retriever';

/**
 * What an answerer decides for one question. An answer always points at a KB entry, so the
 * source and citation stay verifiable; a future LLM answerer may add its own wording in `text`,
 * grounded in that entry, while the retrieval answerer leaves it out and the KB answer is used.
 */
export type AnswerDraft =
  | { kind: 'answer'; entryId: string; confidence: number; text?: string }
  | { kind: 'quote'; sectionId: string; sentences: string[]; confidence: number }
  | { kind: 'decline'; suggestionIds: string[] };

/** The seam for other answering strategies (e.g. retrieval-augmented generation behind a setting). */
export interface Answerer {
  readonly name: string;
  answer(question: string, locale: Locale): AnswerDraft;
}

/**
 * When retrieval is trusted. Tuned on test/qna-eval: a sweep over a score floor, a runner-up
 * margin, an unknown-word cap and this coverage threshold showed that only coverage separates
 * answerable from out-of-scope questions; 0.6 sits between the out-of-scope questions (≤ 0.5:
 * one domain word plus unknown ones, e.g. "inwoners Mechelen") and the in-scope ones (≥ 0.6).
 */
export interface ConfidencePolicy {
  /** Share of the question's topic terms the best entry must contain. */
  minCoverage: number;
  /** Weight of a term the best entry matched only by a typo or a prefix. */
  approximateWeight: number;
  /** Suggestions on a decline must reach this share of the best score. */
  suggestionShare: number;
  maxSuggestions: number;
  /**
   * An entry that answers the question's type (who, why, how many, ...) wins over a better-scoring
   * entry on the same topic, if its score reaches this share of the best and it covers the question.
   */
  typeShare: number;
  /**
   * Hits scoring at least this share of the best compete on coverage: the one that contains more
   * of the question's words wins ("what do I ask the clubs in a talk" → the questions entry, not
   * the general entry on talks that merely scores a little higher).
   */
  closeShare: number;
}

export const DEFAULT_POLICY: ConfidencePolicy = {
  minCoverage: 0.6,
  approximateWeight: 0.5,
  suggestionShare: 0.3,
  maxSuggestions: 3,
  typeShare: 0.45,
  closeShare: 0.7,
};

/**
 * Coverage of the question by an entry (by default the best), in 0..1. Question words are left
 * out: "wanneer" or "how many" rank entries but say nothing about whether the topic is in the KB.
 */
export function coverage(
  result: RetrievalResult,
  policy: ConfidencePolicy = DEFAULT_POLICY,
  hit: RetrievalHit | undefined = result.hits[0],
): number {
  const topical = result.terms.filter((t) => !result.weak.includes(t));
  if (!hit || topical.length === 0) return 0;
  const exact = topical.filter((t) => hit.exact.includes(t)).length;
  const approximate = topical.filter(
    (t) => hit.matched.includes(t) && !hit.exact.includes(t),
  ).length;
  return (exact + policy.approximateWeight * approximate) / topical.length;
}

/** Among the hits close to the best score, the one covering most of the question. */
function closest(result: RetrievalResult, policy: ConfidencePolicy): RetrievalHit | undefined {
  const top = result.hits[0];
  if (!top) return undefined;
  let best = top;
  let bestCoverage = coverage(result, policy, top);
  for (const hit of result.hits.slice(1)) {
    if (hit.score < top.score * policy.closeShare) break;
    const c = coverage(result, policy, hit);
    if (c > bestCoverage) [best, bestCoverage] = [hit, c];
  }
  return best;
}

/** The closest hit, or a runner-up that answers the kind of question asked. */
function pick(result: RetrievalResult, policy: ConfidencePolicy): RetrievalHit | undefined {
  const best = closest(result, policy);
  const type = result.type;
  if (!best || !type || best.answers.includes(type)) return best;
  const floor = (result.hits[0]?.score ?? 0) * policy.typeShare;
  const typed = result.hits.find(
    (h) =>
      h.score >= floor &&
      h.answers.includes(type) &&
      coverage(result, policy, h) >= policy.minCoverage,
  );
  return typed ?? best;
}

/** Pure decision rule, exported so the eval and tests can reason about it without an index. */
export function decide(
  result: RetrievalResult,
  policy: ConfidencePolicy = DEFAULT_POLICY,
): AnswerDraft {
  const best = pick(result, policy);
  const covered = coverage(result, policy, best);
  if (best && !result.offTopic && covered >= policy.minCoverage) {
    return { kind: 'answer', entryId: best.entryId, confidence: Math.min(1, covered) };
  }
  const floor = (result.hits[0]?.score ?? 0) * policy.suggestionShare;
  const suggestionIds = result.hits
    .filter((h) => h.score >= floor && h.exact.some((t) => !result.weak.includes(t)))
    .slice(0, policy.maxSuggestions)
    .map((h) => h.entryId);
  return { kind: 'decline', suggestionIds };
}

/**
 * The default answerer: lexical retrieval plus the confidence policy, no external service.
 * Curated entries first; when none fits, a quote of the seed passage that holds the question;
 * the decline with suggestions last.
 */
export class RetrievalAnswerer implements Answerer {
  readonly name = 'retrieval';

  constructor(
    private readonly retriever: Retriever,
    private readonly policy: ConfidencePolicy = DEFAULT_POLICY,
    private readonly passages?: PassageIndex,
  ) {}

  answer(question: string, locale: Locale): AnswerDraft {
    const result = this.retriever.search(question, locale);
    const draft = decide(result, this.policy);
    if (draft.kind !== 'decline' || !this.passages) return draft;
    const quote = this.passages.best(result.terms, result.weak);
    if (!quote) return draft;
    // An off-topic word ("computer") declines, unless the sources use it for this very thing
    // ("om negen uur aan je computer" to enrol a child): then the quote holds it as well.
    if (!result.offTopicTerms.every((t) => quote.matched.includes(t))) return draft;
    const { sectionId, sentences, coverage } = quote;
    return { kind: 'quote', sectionId, sentences, confidence: Math.min(1, coverage) };
  }
}
