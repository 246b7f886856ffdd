/**
 * Offline evaluation of quick-question answering against test/qna-eval/.
 *
 * The eval questions were written before and apart from the KB variants (a test checks that
 * none equals a variant), so accuracy here estimates how real users' phrasing fares. The
 * confidence policy in src/qna/answerer.ts was tuned on these figures; see the lead's report.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Locale } from '../../src/i18n';
import type { QnaService } from '../../src/qna';

// `expected` may list several entries when the KB holds more than one correct answer (e.g. the
// funding entry and the project call both state how many projects were funded).
const inScopeSchema = z.array(
  z
    .object({
      q: z.string().min(1),
      expected: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
    })
    .strict(),
);
const outOfScopeSchema = z.array(z.object({ q: z.string().min(1) }).strict());

export type InScopeCase = z.infer<typeof inScopeSchema>[number];
export type OutOfScopeCase = z.infer<typeof outOfScopeSchema>[number];

export interface EvalSet {
  inScope: InScopeCase[];
  outOfScope: OutOfScopeCase[];
}

export interface EvalReport {
  inScope: {
    total: number;
    correct: number;
    declined: number;
    accuracy: number;
    misses: { q: string; expected: string; got: string }[];
  };
  outOfScope: {
    total: number;
    declined: number;
    declinedRate: number;
    answered: { q: string; got: string }[];
  };
}

/** Reads `in-scope.json` and `out-of-scope.json` from an eval directory. */
export function loadEvalSet(dir: string): EvalSet {
  const read = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  return {
    inScope: inScopeSchema.parse(read('in-scope.json')),
    outOfScope: outOfScopeSchema.parse(read('out-of-scope.json')),
  };
}

/** Asks every eval question in `locale` and scores the outcome; pure apart from the service. */
export function evaluate(
  service: Pick<QnaService, 'ask'>,
  set: EvalSet,
  locale: Locale = 'nl',
): EvalReport {
  const misses: EvalReport['inScope']['misses'] = [];
  let correct = 0;
  let declined = 0;
  for (const { q, expected } of set.inScope) {
    const accepted = typeof expected === 'string' ? [expected] : expected;
    const result = service.ask(q, locale);
    if (result.kind === 'answer' && accepted.includes(result.entryId)) correct += 1;
    else {
      if (result.kind === 'decline') declined += 1;
      misses.push({
        q,
        expected: accepted.join(' | '),
        got: result.kind === 'answer' ? result.entryId : '(declined)',
      });
    }
  }
  const answered: EvalReport['outOfScope']['answered'] = [];
  for (const { q } of set.outOfScope) {
    const result = service.ask(q, locale);
    if (result.kind === 'answer') answered.push({ q, got: result.entryId });
  }
  const outDeclined = set.outOfScope.length - answered.length;
  return {
    inScope: {
      total: set.inScope.length,
      correct,
      declined,
      accuracy: set.inScope.length === 0 ? 0 : correct / set.inScope.length,
      misses,
    },
    outOfScope: {
      total: set.outOfScope.length,
      declined: outDeclined,
      declinedRate: set.outOfScope.length === 0 ? 1 : outDeclined / set.outOfScope.length,
      answered,
    },
  };
}

/** Human-readable summary for the console script and for failing test output. */
export function formatReport(report: EvalReport): string {
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  const lines = [
    `in-scope: ${report.inScope.correct}/${report.inScope.total} correct (${pct(report.inScope.accuracy)}), ${report.inScope.declined} declined`,
    `out-of-scope: ${report.outOfScope.declined}/${report.outOfScope.total} declined (${pct(report.outOfScope.declinedRate)})`,
  ];
  if (report.inScope.misses.length > 0) {
    lines.push('in-scope misses:');
    for (const m of report.inScope.misses)
      lines.push(`  "${m.q}" expected ${m.expected}, got ${m.got}`);
  }
  if (report.outOfScope.answered.length > 0) {
    lines.push('out-of-scope answered:');
    for (const a of report.outOfScope.answered) lines.push(`  "${a.q}" → ${a.got}`);
  }
  return lines.join('\n');
}
