import { presentAdvice } from '../advice-view';
import { formatList } from '../view-context';
import type { Inline } from './document-model';
import type { DocumentWriter } from './document-writer';

/** Several documents state the same decisions; they read them here, worded the same way. */

/** "80 %" or a placeholder. */
export function workingTimeOf(w: DocumentWriter): Inline {
  const n = w.value('workingTime');
  return n ? w.t('facts.percent', { n }) : w.decide('workingTime');
}

/** "onbepaalde duur", "3 jaar", or a placeholder for the choice or the number of years. */
export function durationOf(w: DocumentWriter): Inline[] {
  const type = w.raw('durationType');
  if (type === 'indefinite') return [w.t('facts.indefinite')];
  if (type === 'fixed') return w.line('facts.years', { years: w.answer('durationYears') });
  return [w.decide('durationType')];
}

/** "2 personen" or a placeholder. */
export function peopleOf(w: DocumentWriter): Inline {
  const raw = w.raw('ambassadorCount');
  return typeof raw === 'number'
    ? w.t('facts.people', { count: raw })
    : w.decide('ambassadorCount');
}

/** Own hire, tender, or not decided yet (both documents then). */
export function routeOf(w: DocumentWriter): 'own' | 'external' | undefined {
  const raw = w.raw('employer');
  return raw === 'own' || raw === 'external' ? raw : undefined;
}

/** The chosen strategies as sentences, without the card's "Vraag — " side marker. */
export function strategyLabels(w: DocumentWriter): string[] {
  return w.labels('strategies').map((label) => label.replace(/^[^—]+—\s*/, ''));
}

/** Which sides the chosen strategies cover. */
export function strategySides(w: DocumentWriter): Set<string> {
  const raw = w.raw('strategies');
  const chosen = Array.isArray(raw) ? raw : [];
  const choices = w.ctx.guide.question('strategies')?.choices ?? [];
  return new Set(choices.filter((c) => chosen.includes(c.id)).map((c) => c.side ?? ''));
}

/** Partners named in the exploratory talks (step 2), without "other". */
export function talkPartners(w: DocumentWriter): string[] {
  const ids = ['talkPartnersIntermediary', 'talkPartnersLeisure'];
  return w.inSentence(
    ids.flatMap((id) => {
      const raw = w.raw(id);
      const chosen = Array.isArray(raw) ? raw.filter((c) => c !== 'other') : [];
      return chosen.map((c) => w.ctx.t(`guide:questions.${id}.choices.${c}`));
    }),
  );
}

/** "de doelgroep, in de wijk, met focus op ..." as one phrase. */
export function focusOf(w: DocumentWriter): Inline[] {
  const area = w.value('focusArea');
  const forms = w.inSentence(w.labels('focusYouthWorkForm'));
  return w.line(area ? 'facts.focusInArea' : 'facts.focus', {
    group: w.answer('focusTargetGroup'),
    ...(area ? { area } : {}),
    forms: forms.length ? formatList(forms, w.ctx.locale) : w.decide('focusYouthWorkForm'),
  });
}

/**
 * The advice that applies to this plan, in the third-person wording the steering brief uses
 * (it names the reason too), with its sources as numbered references; Brugbot's own
 * suggestions carry their label and cite nothing.
 */
export function adviceItems(w: DocumentWriter, steps?: number[]): Inline[][] {
  const active = w.ctx.guide.activeAdvice(w.ctx.answers);
  const wanted = new Set(
    active.filter((a) => !steps || steps.includes(a.rule.step)).map((a) => a.rule.id),
  );
  const views = presentAdvice(w.ctx, (rule) => wanted.has(rule.id));
  return views.map((view) => {
    const rule = active.find((a) => a.rule.id === view.id)!.rule;
    const label = view.label.replace(/^\S+\s/, '');
    return [
      `${label}: ${w.ctx.t(`steering:attention.${view.id}`)}`,
      ...rule.sources.flatMap((s) => [' ', w.cite(s)]),
    ];
  });
}
