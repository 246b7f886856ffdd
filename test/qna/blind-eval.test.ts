import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../src/paths';
import { createQnaService } from '../../src/qna';
import {
  blindRoundDirs,
  evaluateBlind,
  formatBlindReport,
  loadBlindSet,
} from '../helpers/qna-blind-eval';
import { kbPhrasings } from '../helpers/kb-phrasings';
import { normaliseQuestion } from '../../src/qna/text';

// Each round was written from the seeds only, by someone who never saw the KB (see its README).
const ROUNDS = blindRoundDirs(path.join(repoRoot, 'test', 'qna-eval'));
const MIN_BLIND_ACCURACY = 0.95;
// A round is never edited once scored: its questions stay exactly as first scored.
const SCORED = {
  blind: '2b54b9efffb045d9349f7c5d8a05e9bdab2204f8e28f7d442b3458c4332c5a85',
  'blind-round-2': 'a86c77b6d444522abd326cdf3b7f05657b1a0f834027e326cf3aac9edd41ef75',
};
const service = createQnaService();

it('finds every blind round, the first and the later ones', () => {
  expect(ROUNDS.map((d) => path.basename(d))).toEqual(['blind', 'blind-round-2']);
});

it('leaves every scored round exactly as it was scored', () => {
  const hashes = ROUNDS.map((dir) => [
    path.basename(dir),
    crypto
      .createHash('sha256')
      .update(fs.readFileSync(path.join(dir, 'questions.json')))
      .digest('hex'),
  ]);
  expect(Object.fromEntries(hashes)).toEqual(SCORED);
});

describe.each(ROUNDS.map((dir) => [path.basename(dir), dir]))('the blind round %s', (_, dir) => {
  const set = loadBlindSet(dir);

  it('answers at least 95% correctly and declines every out-of-scope question', () => {
    const report = evaluateBlind(service, set);
    console.log(`[blind qna eval, ${path.basename(dir)}]\n${formatBlindReport(report)}`);
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
