import path from 'node:path';
import { repoRoot } from '../../src/paths';
import { createQnaService } from '../../src/qna';
import { evaluateBlind, formatBlindReport, loadBlindSet } from '../../src/qna/blind-eval';
import { kbPhrasings } from '../helpers/kb-phrasings';
import { normaliseQuestion } from '../../src/qna/text';

// Written from the seeds only, by someone who never saw the KB (see blind/README.md).
const BLIND_DIR = path.join(repoRoot, 'test', 'qna-eval', 'blind');
const MIN_BLIND_ACCURACY = 0.95;

describe('the blind quick-question set', () => {
  const service = createQnaService();
  const set = loadBlindSet(BLIND_DIR);

  it('answers at least 95% correctly and declines every out-of-scope question', () => {
    const report = evaluateBlind(service, set);
    console.log(`[blind qna eval]\n${formatBlindReport(report)}`);
    expect(report.correct / report.total).toBeGreaterThanOrEqual(MIN_BLIND_ACCURACY);
    expect(report.outOfScope.answered).toEqual([]);
  });

  it('is not part of the knowledge base: no blind question equals a KB variant or title', () => {
    const phrasings = new Map(kbPhrasings().map((p) => [normaliseQuestion(p.text), p.where]));
    const clashes = [...set.questions, ...set.outOfScope]
      .map((q) => ({ q: q.question, kb: phrasings.get(normaliseQuestion(q.question)) }))
      .filter((c) => c.kb !== undefined);
    expect(clashes).toEqual([]);
  });
});
