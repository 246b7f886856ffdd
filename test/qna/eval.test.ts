import path from 'node:path';
import { LOCALES } from '../../src/i18n';
import { createQnaService } from '../../src/qna';
import { evaluate, formatReport, loadEvalSet } from '../helpers/qna-eval';
import { repoRoot } from '../../src/paths';

const MIN_IN_SCOPE_ACCURACY = 0.95;
const MAX_OUT_OF_SCOPE_ANSWERED = 1;

describe('the quick-question eval set', () => {
  const service = createQnaService();
  const set = loadEvalSet(path.join(repoRoot, 'test', 'qna-eval'));

  it.each(LOCALES)(
    `answers at least 95%% of in-scope questions correctly and at most one out-of-scope question, for a user in %s`,
    (locale) => {
      const report = evaluate(service, set, locale);
      // Printed on every run so the misses stay visible while the thresholds still pass.
      console.log(`[qna eval, locale ${locale}]\n${formatReport(report)}`);
      expect(report.inScope.accuracy).toBeGreaterThanOrEqual(MIN_IN_SCOPE_ACCURACY);
      expect(report.outOfScope.answered.length).toBeLessThanOrEqual(MAX_OUT_OF_SCOPE_ANSWERED);
    },
  );

  it('only expects entries that exist', () => {
    const ids = new Set(service.entryIds());
    const wanted = set.inScope.flatMap((c) =>
      typeof c.expected === 'string' ? [c.expected] : c.expected,
    );
    expect(wanted.filter((id) => !ids.has(id))).toEqual([]);
  });
});
