import type { DocumentInput, Inline, PlanDocument } from './document-model';
import { DocumentWriter } from './document-writer';
import { evaluationMoments } from './evaluation-moments';
import { orgOf, workingTimeOf } from './plan-facts';

/** A list of choice labels, or a placeholder when nothing was chosen. */
function chosen(w: DocumentWriter, id: string): Inline[][] {
  const labels = w.labels(id);
  return labels.length ? labels.map((l) => [l]) : [[w.decide(id)]];
}

/** Goals and indicators beside the instrument's indication, and the factors that weigh. */
function indicators(w: DocumentWriter): void {
  w.h1(w.t('evaluation.indicatorsTitle'));
  w.p(...w.line('cited.s6Goals.caution', { cite: w.cite('s6Goals') }));
  w.p(
    ...(w.raw('indicatorCaution') === 'yes'
      ? [w.t('evaluation.togetherYes')]
      : w.line('evaluation.togetherOpen', { open: w.decide('indicatorCaution') })),
  );
  const benchmark = w.cite('s6Benchmark');
  w.table(
    [
      w.t('evaluation.table.item'),
      w.t('evaluation.table.plan'),
      w.t('evaluation.table.instrument'),
    ],
    [
      [
        [w.t('evaluation.table.time')],
        [workingTimeOf(w)],
        w.line('cited.s6Benchmark.time', { cite: benchmark }),
      ],
      [
        [w.t('evaluation.table.trajectories')],
        [w.answer('expectedTrajectories')],
        w.line('cited.s6Benchmark.trajectories', { cite: benchmark }),
      ],
      [
        [w.t('evaluation.table.referrals')],
        [w.answer('expectedReferrals')],
        w.line('cited.s6Benchmark.referrals', { cite: benchmark }),
      ],
    ],
  );
  w.p(...w.line('cited.s6Benchmark.caveat', { cite: benchmark }));
  if (w.labels('supplySideFactors').length) {
    w.p(...w.line('evaluation.supply', { cite: w.cite('s6SupplySide') }));
    w.bullets(chosen(w, 'supplySideFactors'));
  }
  if (w.labels('demandSideFactors').length) {
    w.p(...w.line('evaluation.demand', { cite: w.cite('s6DemandSide') }));
    w.bullets(chosen(w, 'demandSideFactors'));
  }
}

/** Step 6: goals, indicators, what counts as success, registration, reporting and evaluation. */
export function evaluationFrame(input: DocumentInput): PlanDocument {
  const w = new DocumentWriter(input);
  w.p(...w.line('evaluation.intro', { org: orgOf(w) }));
  w.h1(w.t('evaluation.goalsTitle'));
  if (!w.prose('goals')) w.p(w.decide('goals'));
  indicators(w);
  w.h1(w.t('evaluation.successTitle'));
  w.p(...w.line('evaluation.success', { cite: w.cite('s6Success') }));
  w.bullets(chosen(w, 'successDefinition'));
  w.h1(w.t('evaluation.criteriaTitle'));
  const criteria = w.cite('s6Criteria');
  w.h2(w.t('evaluation.processTitle'));
  w.p(...w.line('evaluation.process', { cite: criteria }));
  w.bullets(chosen(w, 'processCriteria'));
  w.h2(w.t('evaluation.resultsTitle'));
  w.bullets(chosen(w, 'results'));
  w.h1(w.t('evaluation.registrationTitle'));
  const tools = w.inSentence(w.labels('registrationTool'));
  w.p(
    ...w.line('evaluation.registration', {
      tools: w.list(tools, 'registrationTool'),
      cite: w.cite('s6Registration'),
    }),
  );
  w.p(
    ...(w.raw('gdprAgreed') === 'yes'
      ? [w.t('evaluation.gdprYes')]
      : w.line('evaluation.gdprOpen', { open: w.decide('gdprAgreed') })),
  );
  w.h1(w.t('evaluation.reportingTitle'));
  w.p(
    ...w.line('evaluation.reporting', {
      reporting: w.answer('reportingTo'),
      evaluator: w.answer('evaluator'),
      cite: w.cite('s6FollowUp'),
    }),
  );
  evaluationMoments(w);
  if (w.value('policyLink')) {
    w.p(w.t('evaluation.policy'));
    w.prose('policyLink');
  }
  return w.finish('evaluation', w.t('evaluation.title'));
}
