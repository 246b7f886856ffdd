#!/usr/bin/env node
// Prints the quick-question eval figures (accuracy, declined rate, misses) for both user locales.
// It runs the TypeScript sources (transpiled on require, no build): `node scripts/eval-qna.js`.
// The scorers live with the tests (test/helpers/qna-eval.ts, qna-blind-eval.ts), not in src/.
// With --check it exits non-zero below the thresholds that test/qna/eval.test.ts enforces.
'use strict';

require('../test/helpers/register-ts');
const path = require('node:path');
const { createQnaService } = require('../src/qna');
const { evaluate, formatReport, loadEvalSet } = require('../test/helpers/qna-eval.ts');
const {
  blindRoundDirs,
  evaluateBlind,
  formatBlindReport,
  loadBlindSet,
} = require('../test/helpers/qna-blind-eval.ts');

const MIN_IN_SCOPE_ACCURACY = 0.95;
const MAX_OUT_OF_SCOPE_ANSWERED = 1;

const set = loadEvalSet(path.join(__dirname, '..', 'test', 'qna-eval'));
const service = createQnaService();
let passed = true;
for (const locale of ['nl', 'en']) {
  const report = evaluate(service, set, locale);
  console.log(`\n== user locale ${locale} ==`);
  console.log(formatReport(report));
  passed &&=
    report.inScope.accuracy >= MIN_IN_SCOPE_ACCURACY &&
    report.outOfScope.answered.length <= MAX_OUT_OF_SCOPE_ANSWERED;
}
// The blind rounds (written from the seeds only) are reported apart: they are the honest estimate.
for (const dir of blindRoundDirs(path.join(__dirname, '..', 'test', 'qna-eval'))) {
  const blind = evaluateBlind(service, loadBlindSet(dir));
  console.log(`\n== ${path.basename(dir)} (each question in its own language) ==`);
  console.log(formatBlindReport(blind));
  passed &&=
    blind.correct / blind.total >= MIN_IN_SCOPE_ACCURACY &&
    blind.outOfScope.declined === blind.outOfScope.total;
}
if (process.argv.includes('--check') && !passed) {
  console.error('\nqna eval below thresholds');
  process.exitCode = 1;
}
