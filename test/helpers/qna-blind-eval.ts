/**
 * The blind evaluation (test/qna-eval/blind, blind-round-2, …: one folder per round): questions
 * written from the seed documents only, by a writer who never saw the knowledge base. A question passes when the bot answers (does
 * not decline) and the answer contains every `mustContain` group (any alternative, as a case-
 * and accent-insensitive substring) and none of the `mustNotClaim` strings. Out-of-scope
 * questions must be declined. The set is read, never edited: misses point at gaps in the KB.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { foldAccents } from '../../src/qna/text';
import type { QnaAnswer, QnaService } from '../../src/qna';

const AUDIENCES = ['municipal-employee', 'steering-member', 'ambassador'] as const;
export type Audience = (typeof AUDIENCES)[number];

const blindSetSchema = z.object({
  questions: z.array(
    z.object({
      id: z.string(),
      audience: z.enum(AUDIENCES),
      lang: z.enum(['nl', 'en']),
      question: z.string().min(1),
      mustContain: z.array(z.array(z.string().min(1)).min(1)),
      mustNotClaim: z.array(z.string().min(1)).default([]),
      basis: z.string().optional(),
    }),
  ),
  outOfScope: z.array(
    z.object({ id: z.string(), lang: z.enum(['nl', 'en']), question: z.string().min(1) }),
  ),
});

export type BlindSet = z.infer<typeof blindSetSchema>;
export type BlindQuestion = BlindSet['questions'][number];

export interface BlindMiss {
  id: string;
  audience: Audience;
  question: string;
  got: string;
  /** Groups none of whose alternatives occur, and forbidden claims that do occur. */
  missing: string[][];
  claimed: string[];
}

type Tally = { total: number; correct: number };

export interface BlindReport {
  total: number;
  correct: number;
  perAudience: Record<Audience, Tally>;
  perLanguage: Record<'nl' | 'en', Tally>;
  misses: BlindMiss[];
  outOfScope: { total: number; declined: number; answered: { id: string; got: string }[] };
}

/** Every blind round under the eval folder ("blind", "blind-round-2", …), oldest first. */
export function blindRoundDirs(evalDir: string): string[] {
  return fs
    .readdirSync(evalDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^blind(-round-\d+)?$/.test(d.name))
    .map((d) => d.name)
    .sort((a, b) => roundNumber(a) - roundNumber(b))
    .map((name) => path.join(evalDir, name));
}

const roundNumber = (name: string): number => Number(/\d+$/.exec(name)?.[0] ?? 1);

export function loadBlindSet(dir: string): BlindSet {
  return blindSetSchema.parse(
    JSON.parse(fs.readFileSync(path.join(dir, 'questions.json'), 'utf8')),
  );
}

const fold = (text: string): string => foldAccents(text).replace(/\s+/g, ' ');

/** Everything the answer shows the user: title, short answer and the "more" detail. */
export function shownText(answer: QnaAnswer): string {
  return fold(`${answer.title} ${answer.text} ${answer.more}`);
}

function check(q: BlindQuestion, service: Pick<QnaService, 'ask'>): BlindMiss | undefined {
  const result = service.ask(q.question, q.lang);
  const base = { id: q.id, audience: q.audience, question: q.question };
  if (result.kind !== 'answer') {
    return { ...base, got: '(declined)', missing: q.mustContain, claimed: [] };
  }
  const text = shownText(result);
  const missing = q.mustContain.filter((group) => !group.some((alt) => text.includes(fold(alt))));
  const claimed = q.mustNotClaim.filter((claim) => text.includes(fold(claim)));
  if (missing.length === 0 && claimed.length === 0) return undefined;
  return { ...base, got: result.entryId, missing, claimed };
}

/** Scores the blind set; each question is asked in its own language. */
export function evaluateBlind(service: Pick<QnaService, 'ask'>, set: BlindSet): BlindReport {
  const perAudience = Object.fromEntries(
    AUDIENCES.map((a) => [a, { total: 0, correct: 0 }]),
  ) as BlindReport['perAudience'];
  const perLanguage: BlindReport['perLanguage'] = {
    nl: { total: 0, correct: 0 },
    en: { total: 0, correct: 0 },
  };
  const misses: BlindMiss[] = [];
  for (const q of set.questions) {
    perAudience[q.audience].total += 1;
    perLanguage[q.lang].total += 1;
    const miss = check(q, service);
    if (miss) misses.push(miss);
    else {
      perAudience[q.audience].correct += 1;
      perLanguage[q.lang].correct += 1;
    }
  }
  const answered = set.outOfScope.flatMap((q) => {
    const result = service.ask(q.question, q.lang);
    return result.kind === 'answer' ? [{ id: q.id, got: result.entryId }] : [];
  });
  return {
    total: set.questions.length,
    correct: set.questions.length - misses.length,
    perAudience,
    perLanguage,
    misses,
    outOfScope: {
      total: set.outOfScope.length,
      declined: set.outOfScope.length - answered.length,
      answered,
    },
  };
}

const langs = (report: BlindReport): (readonly [string, Tally])[] =>
  (['nl', 'en'] as const).map((l) => [`asked in ${l}`, report.perLanguage[l]] as const);

/** Human-readable summary, with every miss and why it failed. */
export function formatBlindReport(report: BlindReport): string {
  const pct = (n: number, d: number): string => `${d === 0 ? 0 : ((n / d) * 100).toFixed(1)}%`;
  const lines = [
    `blind: ${report.correct}/${report.total} correct (${pct(report.correct, report.total)})`,
    ...[...AUDIENCES.map((a) => [a, report.perAudience[a]] as const), ...langs(report)].map(
      ([name, { correct, total }]) => `  ${name}: ${correct}/${total} (${pct(correct, total)})`,
    ),
    `blind out-of-scope: ${report.outOfScope.declined}/${report.outOfScope.total} declined`,
  ];
  for (const m of report.misses) {
    const why = [
      ...m.missing.map((g) => `missing one of [${g.join(' | ')}]`),
      ...m.claimed.map((c) => `claims "${c}"`),
    ].join('; ');
    lines.push(`  ${m.id} "${m.question}" → ${m.got}: ${why}`);
  }
  for (const a of report.outOfScope.answered)
    lines.push(`  out-of-scope ${a.id} answered → ${a.got}`);
  return lines.join('\n');
}
