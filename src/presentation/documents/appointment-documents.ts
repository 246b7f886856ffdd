import { formatList } from '../view-context';
import type { DocumentInput, Inline, PlanDocument } from './document-model';
import { DocumentWriter } from './document-writer';
import { evaluationMoments } from './evaluation-moments';
import {
  durationOf,
  focusOf,
  orgOf,
  peopleOf,
  profilesOf,
  strategyLabels,
  trainingOf,
  workingTimeOf,
} from './plan-facts';

/** Tasks that follow from the strategies, and the ones the instrument gives every ambassador. */
function tasks(w: DocumentWriter): Inline[][] {
  return [
    ...strategyLabels(w).map((s): Inline[] => [s]),
    w.line('job.taskTalks', { cite: w.cite('s2Talks') }),
    w.line('job.taskRegister', { cite: w.cite('s6Registration') }),
    w.line('job.taskReport', { reporting: w.answer('reportingTo') }),
  ];
}

/** Working time, people and duration in one sentence. */
function scope(w: DocumentWriter): Inline[] {
  return w.line('job.scope', {
    time: workingTimeOf(w),
    people: peopleOf(w),
    duration: durationOf(w),
  });
}

/** Step 4, own hire: the vacancy. */
export function vacancy(input: DocumentInput): PlanDocument {
  const w = new DocumentWriter(input);
  const { ctx } = w;
  w.p(...w.line('vacancy.intro', { org: orgOf(w), focus: focusOf(w) }));
  w.h1(w.t('vacancy.jobTitle'));
  w.p(...w.line('vacancy.service', { service: w.answer('hostService'), cite: w.cite('s4Hire') }));
  if (!w.prose('mandate')) w.p(w.decide('mandate'));
  w.h1(w.t('vacancy.tasksTitle'));
  w.bullets(tasks(w));
  w.h1(w.t('vacancy.profileTitle'));
  w.p(...w.line('vacancy.profile', { profiles: profilesOf(w), cite: w.cite('s3Profile') }));
  w.prose('vacancyProfile');
  w.h1(w.t('vacancy.offerTitle'));
  w.p(...scope(w));
  const training = trainingOf(w);
  if (training.length)
    w.p(
      ...w.line('vacancy.support', {
        training: formatList(training, ctx.locale),
        cite: w.cite('s5Support'),
      }),
    );
  w.p(...w.line('vacancy.pay', { pay: w.fill('salaryScale') }));
  w.h1(w.t('vacancy.selectionTitle'));
  w.p(...w.line('vacancy.grade', { grade: w.fill('grade') }));
  w.p(...w.line('vacancy.diploma', { diploma: w.fill('diploma') }));
  w.p(...w.line('vacancy.procedure', { procedure: w.fill('selectionProcedure') }));
  if (w.value('selectionCommittee')) {
    w.p(w.t('vacancy.committee'));
    w.prose('selectionCommittee');
  } else w.p(w.decide('selectionCommittee'));
  w.p(...w.line('vacancy.apply', { how: w.fill('application') }));
  return w.finish('vacancy', w.t('vacancy.title'));
}

/** Step 4, tender: the description of the assignment for an external partner. */
export function tender(input: DocumentInput): PlanDocument {
  const w = new DocumentWriter(input);
  w.h1(w.t('tender.subjectTitle'));
  w.p(...w.line('tender.subject', { org: orgOf(w), focus: focusOf(w) }));
  w.prose('focusReason');
  w.h1(w.t('tender.tasksTitle'));
  w.bullets(tasks(w));
  w.h1(w.t('tender.framingTitle'));
  w.p(...w.line('tender.framing', { cite: w.cite('s4Hire') }));
  const asked = w.labels('tenderRequirements');
  w.bullets(asked.length ? asked.map((a) => [a]) : [[w.decide('tenderRequirements')]]);
  if (w.value('tenderAgreements')) {
    w.p(w.t('tender.agreements'));
    w.prose('tenderAgreements');
  }
  w.h1(w.t('tender.scopeTitle'));
  w.p(...scope(w));
  w.h1(w.t('tender.reportingTitle'));
  w.p(
    ...w.line('tender.reporting', {
      reporting: w.answer('reportingTo'),
      evaluator: w.answer('evaluator'),
    }),
  );
  evaluationMoments(w);
  w.p(...w.line('tender.registration', { cite: w.cite('s6Registration') }));
  w.h1(w.t('tender.awardTitle'));
  w.p(
    ...w.line('tender.terms', {
      duration: w.fill('tenderDuration'),
      price: w.fill('priceForm'),
      processor: w.fill('processorAgreement'),
      selection: w.fill('selectionCriteria'),
    }),
  );
  w.p(
    ...w.line('tender.award', { procedure: w.fill('procurement'), value: w.fill('tenderValue') }),
  );
  return w.finish('tender', w.t('tender.title'));
}
