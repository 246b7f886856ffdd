import type { DocumentWriter } from './document-writer';
import { durationOf, peopleOf, workingTimeOf } from './plan-facts';

/** The plan's figures beside what the instrument advises, then the lines the plan leaves open. */
export function financialTable(w: DocumentWriter): void {
  const budget = w.value('operatingBudget');
  const budgetCite = w.cite('s3Budget');
  w.p(w.t('finance.intro'));
  w.table(
    [w.t('finance.item'), w.t('finance.plan'), w.t('finance.instrument')],
    [
      [
        [w.t('finance.time')],
        [workingTimeOf(w)],
        w.line('cited.s3Budget.timeShort', { cite: budgetCite }),
      ],
      [
        [w.t('finance.people')],
        [peopleOf(w, 'facts.peopleCount')],
        w.line('cited.s3Budget.twoPeople', { cite: budgetCite }),
      ],
      [
        [w.t('finance.duration')],
        durationOf(w),
        w.line('cited.s3Duration.short', { cite: w.cite('s3Duration') }),
      ],
      [
        [w.t('finance.operating')],
        [budget ? w.t('facts.euro', { n: budget }) : w.decide('operatingBudget')],
        w.line('cited.s3Budget.operating', { cite: budgetCite }),
      ],
    ],
  );
  const lines = w.labels('operatingCosts');
  if (lines.length) {
    w.p(w.t('finance.costLines'));
    w.bullets(lines.map((l) => [l]));
  } else w.p(...w.line('finance.costLinesOpen', { open: w.decide('operatingCosts') }));
  w.p(...w.line('finance.own', { salary: w.fill('salaryCost'), code: w.fill('budgetCode') }));
  w.p(...w.line('note.finance.credit', { credit: w.fill('credit'), visum: w.fill('visum') }));
}
