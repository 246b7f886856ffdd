import { formatList } from '../view-context';
import type { DocumentInput, PlanDocument } from './document-model';
import { DocumentWriter } from './document-writer';
import { appointmentArgument } from './appointment-argument';
import { evaluationMoments } from './evaluation-moments';
import {
  adviceItems,
  durationOf,
  focusOf,
  orgOf,
  peopleOf,
  routeOf,
  strategyLabels,
  strategySides,
  profilesOf,
  talkPartners,
  trainingOf,
  workingTimeOf,
} from './plan-facts';
import { financialTable } from './financial-table';

/** Why the municipality wants an ambassador, and what it already knows. */
function context(w: DocumentWriter): void {
  w.h1(w.t('note.context.title'));
  w.p(...w.line('cited.intro.note', { org: orgOf(w), cite: w.cite('intro') }));
  w.p(...w.line('note.context.reason', { reason: w.fill('reason') }));
  const expectations = w.labels('expectations').filter((_, i, all) => all[i] !== undefined);
  const other = w.value('expectationsOther');
  if (expectations.length || other) {
    w.p(...w.line('note.context.expectations', { cite: w.cite('s1Beliefs') }));
    const raw = w.raw('expectations');
    const ids = Array.isArray(raw) ? raw : [];
    w.bullets(
      ids.map((id) =>
        id === 'other' && other ? [other] : [w.ctx.t(`guide:questions.expectations.choices.${id}`)],
      ),
    );
  }
  const analysis = w.raw('existingAnalysis');
  if (Array.isArray(analysis) && analysis.includes('none')) {
    const partner = w.value('analysisPartner');
    w.p(
      ...w.line(partner ? 'note.context.analysisBy' : 'note.context.noAnalysis', {
        partner: partner ?? '',
      }),
    );
  } else if (Array.isArray(analysis)) {
    const kinds = w.labels('existingAnalysis').map((l) => l.replace(/^[^,]+,\s*/, ''));
    w.p(
      ...w.line('note.context.analysis', {
        kinds: formatList(kinds, w.ctx.locale),
        cite: w.cite('s2Context'),
      }),
    );
  }
  if (w.value('localNeeds')) {
    w.p(w.t('note.context.needs'));
    w.prose('localNeeds');
  }
  const partners = talkPartners(w);
  if (partners.length)
    w.p(...w.line('note.context.talks', { partners: formatList(partners, w.ctx.locale) }));
  w.prose('talkFindings');
  if (w.value('currentOffer')) {
    w.p(w.t('note.context.offer'));
    w.prose('currentOffer');
  }
}

/** The choices of steps 3 to 6, each with the instrument's reason. */
function argument(w: DocumentWriter): void {
  w.h1(w.t('note.argument.title'));
  w.h2(w.t('note.argument.focusTitle'));
  w.p(...w.line('note.argument.focus', { focus: focusOf(w), cite: w.cite('s3Focus') }));
  w.prose('focusReason');

  w.h2(w.t('note.argument.strategiesTitle'));
  const strategies = strategyLabels(w);
  if (strategies.length) {
    w.p(w.t('note.argument.strategies', { count: strategies.length }));
    w.bullets(
      strategies.map((s) => [s]),
      true,
    );
  } else w.p(w.decide('strategies'));
  const sides = strategySides(w);
  if (strategies.length)
    w.p(
      ...w.line(sides.size > 1 ? 'note.argument.bothSides' : 'note.argument.oneSide', {
        cite: w.cite('s3Strategies'),
      }),
    );
  if (w.value('strategyPartners')) {
    w.p(w.t('note.argument.partners'));
    w.prose('strategyPartners');
  }
  const commitment = w.raw('commitmentStatement');
  w.p(
    ...(commitment === 'yes'
      ? w.line('note.argument.commitmentYes', { cite: w.cite('s3Strategies') })
      : w.line('note.argument.commitmentOpen', { open: w.decide('commitmentStatement') })),
  );

  w.h2(w.t('note.argument.profileTitle'));
  const side = w.raw('profileSide');
  w.p(
    ...w.line(side ? 'note.argument.profileSide' : 'note.argument.profile', {
      profiles: profilesOf(w),
      side: side ? w.t(`facts.side.${String(side)}`) : '',
      cite: w.cite('s3Profile'),
    }),
  );

  w.h2(w.t('note.argument.timeTitle'));
  w.p(
    ...w.line('note.argument.time', {
      time: workingTimeOf(w),
      people: peopleOf(w),
      duration: durationOf(w),
    }),
  );
  w.p(...w.line('cited.s3Budget.time', { cite: w.cite('s3Budget') }));
  w.p(...w.line('cited.s3Duration.advice', { cite: w.cite('s3Duration') }));

  appointmentArgument(w);

  w.h2(w.t('note.argument.supportTitle'));
  const form = w.raw('supportGroupForm');
  w.p(
    ...w.line('note.argument.support', {
      form: form ? w.t(`facts.supportForm.${String(form)}`) : w.decide('supportGroupForm'),
      cite: w.cite('s5Support'),
    }),
  );
  if (w.value('supportGroupMembers')) {
    w.p(w.t('note.argument.members'));
    w.prose('supportGroupMembers');
  }
  const frequency = w.value('supportGroupFrequency');
  if (frequency) w.p(w.t('note.argument.frequency', { frequency: frequency.toLocaleLowerCase() }));
  const training = trainingOf(w);
  w.p(...w.line('note.argument.training', { training: w.list(training, 'training') }));

  w.h2(w.t('note.argument.evaluationTitle'));
  const success = w.labels('successDefinition');
  w.p(...w.line('note.argument.success', { cite: w.cite('s6Success') }));
  w.bullets(success.length ? success.map((s) => [s]) : [[w.decide('successDefinition')]]);
  w.p(
    ...w.line('note.argument.evaluation', {
      evaluator: w.answer('evaluator'),
      reporting: w.answer('reportingTo'),
      cite: w.cite('s6FollowUp'),
    }),
  );
  evaluationMoments(w);
}

/** The numbered articles the college decides on. */
function decision(w: DocumentWriter): void {
  w.h1(w.t('note.decision.title'));
  w.p(w.t('note.decision.intro'));
  const route = routeOf(w);
  const articles = [
    w.line('note.decision.approve', { org: orgOf(w), focus: focusOf(w) }),
    route === 'own'
      ? w.line('note.decision.own', { service: w.answer('hostService') })
      : route === 'external'
        ? w.line('note.decision.external', { procedure: w.fill('procurement') })
        : w.line('note.decision.route', { open: w.decide('employer') }),
    w.line('note.decision.budget', {
      time: workingTimeOf(w),
      duration: durationOf(w),
      budget: w.value('operatingBudget')
        ? w.t('facts.euro', { n: w.value('operatingBudget') })
        : w.decide('operatingBudget'),
      code: w.fill('budgetCode'),
    }),
    w.line('note.decision.support', {
      form: w.raw('supportGroupForm')
        ? w.t(`facts.supportForm.${String(w.raw('supportGroupForm'))}`)
        : w.decide('supportGroupForm'),
    }),
    w.line('note.decision.evaluation', { evaluator: w.answer('evaluator') }),
    ...(w.raw('commitmentStatement') === 'yes' ? [[w.t('note.decision.commitment')]] : []),
    [w.t('note.decision.evaluationFrame')],
  ];
  articles.forEach((parts, i) => w.article(w.t('note.decision.article', { n: i + 1 }), parts));
}

/** "Nota aan het college": the structure Flemish local decisions use, filled from the plan. */
export function collegeNote(input: DocumentInput): PlanDocument {
  const w = new DocumentWriter(input);
  context(w);
  w.h1(w.t('note.legal.title'));
  w.p(w.fill('legalBasis'));
  w.p(...w.line('note.legal.competence', { competence: w.fill('competence') }));
  w.h1(w.t('note.advices.title'));
  w.p(w.fill('advices'));
  argument(w);
  w.h1(w.t('note.finance.title'));
  financialTable(w);
  w.h1(w.t('note.attention.title'));
  const advice = adviceItems(w);
  if (advice.length) w.bullets(advice);
  else w.p(w.t('note.attention.none'));
  decision(w);
  return w.finish('collegeNote', w.t('note.title'), w.t('note.subject'));
}
