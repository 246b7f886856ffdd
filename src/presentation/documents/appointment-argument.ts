import type { DocumentWriter } from './document-writer';
import { routeOf } from './plan-facts';

/** Own hire or tender, with the instrument's reasons for each (step 4). */
export function appointmentArgument(w: DocumentWriter): void {
  w.h2(w.t('note.argument.routeTitle'));
  const route = routeOf(w);
  const cite = w.cite('s4Hire');
  if (route === 'own') {
    w.p(...w.line('note.argument.own', { service: w.answer('hostService'), cite }));
    if (w.value('mandate')) {
      w.p(w.t('note.argument.mandate'));
      w.prose('mandate');
    }
  } else if (route === 'external') {
    const partner = w.value('tenderPartner');
    w.p(
      ...w.line(partner ? 'note.argument.externalWith' : 'note.argument.external', {
        partner: partner ?? '',
        cite,
      }),
    );
  } else {
    w.p(...w.line('note.argument.routeOpen', { open: w.decide('employer'), cite }));
  }
  const trust = w.raw('targetGroupTrust');
  if (typeof trust === 'string') w.p(...w.line(`note.argument.trust.${trust}`, { cite }));
  // Own hire although the instrument points to an external partner's independence: the
  // reasoning is the administration's own, so it is left to them.
  if (route === 'own' && (trust === 'low' || trust === 'mixed'))
    w.p(...w.line('note.argument.routeReason', { reason: w.fill('routeReason') }));
}
