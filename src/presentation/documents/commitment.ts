import { formatList } from '../view-context';
import type { DocumentInput, PlanDocument } from './document-model';
import { DocumentWriter } from './document-writer';
import { focusOf, orgOf, strategyLabels, talkPartners } from './plan-facts';

/** Step 3: the statement partners sign, with the instrument's points for the talks. */
export function commitment(input: DocumentInput): PlanDocument {
  const w = new DocumentWriter(input);
  const { ctx } = w;
  const org = orgOf(w);
  w.p(...w.line('commitment.intro', { org, focus: focusOf(w), cite: w.cite('s3Strategies') }));
  w.h1(w.t('commitment.askTitle'));
  const talks = w.cite('s2Talks');
  w.p(...w.line('commitment.concrete', { what: w.fill('partnerCommitment') }));
  w.p(...w.line('commitment.period', { period: w.fill('period') }));
  w.p(...w.line('commitment.contacts', { contacts: w.fill('contacts') }));
  w.p(...w.line('commitment.inReturn', { what: w.fill('orgCommitment') }));
  w.p(...w.line('commitment.ask', { cite: talks }));
  w.bullets(['worries', 'agenda', 'places'].map((k) => [w.t(`commitment.points.${k}`)]));
  if (w.value('strategyPartners')) {
    w.p(w.t('commitment.roles'));
    w.prose('strategyPartners');
  }
  w.h1(w.t('commitment.offerTitle'));
  const strategies = strategyLabels(w);
  if (strategies.length) {
    w.p(w.t('commitment.offer'));
    w.bullets(strategies.map((s) => [s]));
  } else w.p(w.decide('strategies'));
  w.p(...w.line('commitment.support', { cite: w.cite('s5Support') }));
  w.h1(w.t('commitment.partnersTitle'));
  const partners = talkPartners(w);
  w.p(
    ...(partners.length
      ? w.line('commitment.partners', { partners: formatList(partners, ctx.locale) })
      : w.line('commitment.partnersOpen', { open: w.decide('talkPartnersLeisure') })),
  );
  w.p(...w.line('commitment.partner', { name: w.fill('partnerName') }));
  w.h1(w.t('commitment.signTitle'));
  w.p(w.t('commitment.sign'));
  const blank = [''];
  w.table(
    [
      '',
      w.t('commitment.forOrg', { org: w.value('orgName') ?? w.t('commitment.orgFallback') }),
      w.t('commitment.forPartner'),
    ],
    ['name', 'role', 'date', 'signature'].map((row) => [
      [w.t(`commitment.row.${row}`)],
      blank,
      blank,
    ]),
  );
  return w.finish('commitment', w.t('commitment.title'));
}
