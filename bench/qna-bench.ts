/**
 * Quick questions, in process: goals p99 < 2 ms on the real knowledge base and < 20 ms at 1 000
 * entries (synthetic, made from the real ones). The baseline, timed in the same run over the same
 * texts and questions, is MiniSearch with its default options (its own tokenizer, no stemming,
 * synonyms, prefix or typo matching): the cost of a bare library search, without Brugbot's
 * analysis, answer policy and passage fallback.
 */
import fs from 'node:fs';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { LOCALES } from '../src/i18n';
import { createQnaService, loadKnowledgeBase, type KbEntry, type KnowledgeBase } from '../src/qna';
import { percentile } from './driver';

interface Timing {
  /** Time to build the index (Brugbot: load/validate the real KB, build service and index). */
  buildMs: number;
  questions: number;
  p50Ms: number;
  p99Ms: number;
}

export interface QnaFigures extends Timing {
  entries: number;
  /** MiniSearch with default options over the same entries and questions, same run. */
  baseline: Timing;
}

const EVAL_DIR = path.join(__dirname, '..', '..', 'test', 'qna-eval');

/** Every eval question, in scope or not: declines walk the index as far as answers do. */
export function evalQuestions(): string[] {
  return fs
    .readdirSync(EVAL_DIR)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) =>
      (JSON.parse(fs.readFileSync(path.join(EVAL_DIR, f), 'utf8')) as { q: string }[]).map(
        (e) => e.q,
      ),
    );
}

/** A tiny deterministic PRNG (mulberry32), so every run indexes the same synthetic KB. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A KB of `size` entries shaped like the real one: each is a real entry (cycled) whose texts gain
 * words drawn from the real KB's vocabulary plus rare made-up terms. Common words then match ever
 * more entries as the KB grows, which is what makes retrieval slower, and the vocabulary grows too.
 */
export function syntheticKb(real: KnowledgeBase, size: number): KnowledgeBase {
  const rnd = random(size);
  const vocabulary = [
    ...new Set(
      real.entries.flatMap((e) =>
        Object.values(e.texts).flatMap((t) =>
          `${t.title} ${t.answer} ${t.variants.join(' ')}`.toLowerCase().split(/[^\p{L}\p{N}]+/u),
        ),
      ),
    ),
  ].filter((w) => w.length > 2);
  const words = (n: number) =>
    Array.from({ length: n }, () =>
      rnd() < 0.8
        ? vocabulary[Math.floor(rnd() * vocabulary.length)]
        : `term${Math.floor(rnd() * 50_000)}`,
    ).join(' ');
  const entries: KbEntry[] = Array.from({ length: size }, (_, i) => {
    const base = real.entries[i % real.entries.length]!;
    const texts = Object.fromEntries(
      Object.entries(base.texts).map(([lng, t]) => [
        lng,
        {
          ...t,
          title: `${t.title} ${words(2)}`,
          answer: `${t.answer} ${words(12)}`,
          variants: t.variants.map((v) => `${v} ${words(3)}`),
        },
      ]),
    ) as KbEntry['texts'];
    return { ...base, id: `${base.id}N${i}`, texts };
  });
  return { entries, byId: new Map(entries.map((e) => [e.id, e])) };
}

/** `passes` rounds over every question (after one warm-up round: JIT and lazy caches). */
function timeAsks(
  questions: string[],
  passes: number,
  ask: (question: string, pass: number) => unknown,
): Omit<Timing, 'buildMs'> {
  for (const q of questions) ask(q, 0);
  const samples: number[] = [];
  for (let pass = 0; pass < passes; pass++) {
    for (const q of questions) {
      const t0 = performance.now();
      ask(q, pass);
      samples.push(performance.now() - t0);
    }
  }
  return {
    questions: samples.length,
    p50Ms: percentile(samples, 50),
    p99Ms: percentile(samples, 99),
  };
}

/** Brugbot: `ask` on an in-memory service, no bot, no HTTP. */
function timeBrugbot(kb: KnowledgeBase | undefined, questions: string[], passes: number) {
  const started = performance.now();
  const service = createQnaService(kb ? { knowledgeBase: kb } : {});
  // The index is built with the first question; that question's own retrieval is noise here.
  service.ask(questions[0] ?? 'start', 'nl');
  const buildMs = performance.now() - started;
  const asks = timeAsks(questions, passes, (q, pass) => service.ask(q, pass % 2 ? 'en' : 'nl'));
  return { entries: service.entryIds().length, buildMs, ...asks };
}

/** The baseline: MiniSearch's defaults over both locales' texts of each entry; the best hit. */
function timeBaseline(kb: KnowledgeBase, questions: string[], passes: number): Timing {
  const started = performance.now();
  const index = new MiniSearch<KbEntry>({
    fields: ['title', 'variants', 'keywords', 'answer'],
    extractField: (entry, field) => {
      if (field === 'id') return entry.id;
      if (field === 'keywords') return entry.keywords.join(' ');
      return LOCALES.map((lng) => {
        const t = entry.texts[lng];
        return field === 'title' ? t.title : field === 'answer' ? t.answer : t.variants.join(' ');
      }).join(' ');
    },
  });
  index.addAll(kb.entries);
  const buildMs = performance.now() - started;
  return { buildMs, ...timeAsks(questions, passes, (q) => index.search(q)[0]) };
}

function timeQna(kb: KnowledgeBase | undefined, questions: string[], passes: number): QnaFigures {
  const brugbot = timeBrugbot(kb, questions, passes);
  const baseline = timeBaseline(kb ?? loadKnowledgeBase(), questions, passes);
  return { ...brugbot, baseline };
}

export function runQnaBench(): { real: QnaFigures; synthetic: QnaFigures[] } {
  const questions = evalQuestions();
  const real = timeQna(undefined, questions, 20);
  const kb = loadKnowledgeBase();
  const synthetic = [timeQna(syntheticKb(kb, 1_000), questions, 8)];
  return { real, synthetic };
}
