import fs from 'node:fs';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { LOCALES, type Locale } from '../../src/i18n';
import { loadKnowledgeBase, type KbEntry } from '../../src/qna';
import { createAnalyzer, typoBudget } from '../../src/qna/analyzer';
import { DEFAULT_POLICY, relevantShare } from '../../src/qna/answerer';
import { TermIndex, type IndexedDoc } from '../../src/qna/term-index';
import { words } from '../../src/qna/text';
import { repoRoot } from '../../src/paths';

// The ranking the confidence policy and the eval were tuned on: MiniSearch with these options.
const FIELDS = ['title', 'variants', 'keywords', 'answer'] as const;
const BOOST = { title: 2, variants: 1, keywords: 1.5, answer: 0.8 };
const prefix = (term: string): boolean => term.length >= 4 && !/^\d+$/.test(term);
const WEIGHTS = { fuzzy: 0.3, prefix: 0.2 };

const EVAL_DIR = path.join(repoRoot, 'test', 'qna-eval');
const read = <T>(file: string): T =>
  JSON.parse(fs.readFileSync(path.join(EVAL_DIR, file), 'utf8')) as T;
const blind = read<{ questions: { question: string }[]; outOfScope: { question: string }[] }>(
  'blind/questions.json',
);
const questions = [
  ...read<{ q: string }[]>('in-scope.json').map((e) => e.q),
  ...read<{ q: string }[]>('out-of-scope.json').map((e) => e.q),
  ...blind.questions.map((e) => e.question),
  ...blind.outOfScope.map((e) => e.question),
];

describe('the pruned term index', () => {
  const analyzer = createAnalyzer();
  const kb = loadKnowledgeBase();
  const fieldTexts = (e: KbEntry, lng: Locale): string[][] => [
    [e.texts[lng].title],
    e.texts[lng].variants,
    e.keywords,
    [e.texts[lng].answer],
  ];
  // The KB's entries, plus 150 that splice two entries together: with ~240 documents common terms
  // match hundreds of them, so pruning has postings to skip.
  const sources: [string, KbEntry[]][] = [
    ...kb.entries.map((e): [string, KbEntry[]] => [e.id, [e]]),
    ...Array.from({ length: 150 }, (_, i): [string, KbEntry[]] => {
      const pair = [
        kb.entries[i % kb.entries.length]!,
        kb.entries[(i * 7 + 3) % kb.entries.length]!,
      ];
      return [`mix${i}`, pair];
    }),
  ];
  const docs: IndexedDoc[] = sources.map(([id, parts]) => ({
    id,
    fields: FIELDS.map((_, f) => {
      const out: number[] = [];
      for (const lng of LOCALES) {
        for (const e of parts) {
          for (const text of fieldTexts(e, lng)[f]!) analyzer.termNumbers(words(text), lng, out);
        }
      }
      return out;
    }),
  }));
  const index = new TermIndex(docs, (n) => analyzer.termText(n), {
    boosts: FIELDS.map((f) => BOOST[f]),
    prefix,
    typos: typoBudget,
    weights: WEIGHTS,
  });
  const reference = new MiniSearch<{ id: string } & Record<(typeof FIELDS)[number], string>>({
    fields: [...FIELDS],
    tokenize: (text) => text.split(' ').filter((t) => t.length > 0),
    processTerm: (term) => term,
    searchOptions: { boost: BOOST, combineWith: 'OR', prefix, fuzzy: typoBudget, weights: WEIGHTS },
  });
  reference.addAll(
    docs.map((d) => {
      const [title, variants, keywords, answer] = d.fields.map((terms) =>
        terms.map((n) => analyzer.termText(n)).join(' '),
      );
      return { id: d.id, title: title!, variants: variants!, keywords: keywords!, answer: answer! };
    }),
  );
  // Distinct analysed questions: most read the same whichever the user's locale.
  const queries = [
    ...new Set(
      LOCALES.flatMap((lng) =>
        questions.map((q) => [...new Set(analyzer.terms(q, lng, (t) => index.has(t)))].join(' ')),
      ),
    ),
  ]
    .filter((q) => q.length > 0)
    .map((q) => q.split(' '));
  // Every hit, best first; computed once, since MiniSearch walks every posting of every term.
  const references = queries.map((terms) =>
    reference.search(terms.join(' ')).map((r) => ({
      id: String(r.id),
      score: r.score,
      matched: [...new Set(r.queryTerms)],
      exact: [...new Set(r.queryTerms)].filter((t) => Object.hasOwn(r.match, t)),
    })),
  );

  /** Queries whose hits differ; JSON keeps every bit of a score, and compares fast. */
  const differing = (share: number): string[] =>
    queries.flatMap((terms, i) => {
      const all = references[i]!;
      const best = all[0]?.score ?? 0;
      const want = all.filter((h) => h.score >= best * share);
      const same = JSON.stringify(index.search(terms, share)) === JSON.stringify(want);
      return same ? [] : [terms.join(' ')];
    });

  it('returns MiniSearch hits down to the policy share: same order, same scores to the bit', () => {
    expect(queries.length).toBeGreaterThan(500);
    expect(differing(relevantShare(DEFAULT_POLICY))).toEqual([]);
  });

  it('returns every MiniSearch hit when no share is asked for', () => {
    expect(differing(0)).toEqual([]);
  });
});
