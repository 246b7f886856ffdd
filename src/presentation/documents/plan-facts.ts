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

/** "door één medewerker" / "verdeeld over 2 medewerkers" (in a sentence), or a placeholder. */
export function peopleOf(w: DocumentWriter, key = 'facts.people'): Inline {
  const raw = w.raw('ambassadorCount');
  return typeof raw === 'number' ? w.t(key, { count: raw }) : w.decide('ambassadorCount');
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
 * The points of attention from the sources that apply to this plan, in the third-person wording
 * the steering brief uses, with their sources as numbered references. Brugbot's own suggestions
 * (tips for the drafting team) stay out: the documents go to the college and to partners.
 */
export function adviceItems(w: DocumentWriter, steps?: number[]): Inline[][] {
  const active = w.ctx.guide.activeAdvice(w.ctx.answers);
  const wanted = new Set(
    active
      .filter((a) => a.rule.kind === 'source' && (!steps || steps.includes(a.rule.step)))
      .map((a) => a.rule.id),
  );
  const views = presentAdvice(w.ctx, (rule) => wanted.has(rule.id));
  return views.map((view) => {
    const rule = active.find((a) => a.rule.id === view.id)!.rule;
    // Where the steering brief's wording addresses the team, the documents have their own.
    const forCollege = w.t(`attention.${view.id}`, { defaultValue: '' });
    return [
      forCollege || w.ctx.t(`steering:attention.${view.id}`),
      ...rule.sources.flatMap((s) => [' ', w.cite(s)]),
    ];
  });
}

/**
 * The organisation inside running text: "Gemeente Zele" reads "de gemeente Zele" ("Stad",
 * "OCMW" likewise); a paragraph that opens with it gets its capital back in DocumentWriter.p.
 */
export function orgOf(w: DocumentWriter): Inline {
  const name = w.answer('orgName');
  if (typeof name !== 'string') return name;
  return name.replace(
    /^(Gemeente|Stad|Municipality|City|Town)\s/,
    (m) => `${w.ctx.locale === 'nl' ? 'de' : 'the'} ${m.toLocaleLowerCase(w.ctx.locale)}`,
  );
}

/** The chosen profiles as one phrase: "toeleider die …; netwerkmakelaar", or a placeholder. */
export function profilesOf(w: DocumentWriter): Inline {
  const profiles = w.inSentence(w.labels('profile'));
  return profiles.length ? profiles.join('; ') : w.decide('profile');
}

/** Training labels in a sentence; intervision and regional intervision read as one item. */
export function trainingOf(w: DocumentWriter): string[] {
  const raw = w.raw('training');
  const ids = Array.isArray(raw) ? raw : [];
  const both = ids.includes('intervision') && ids.includes('regionalIntervision');
  return w.inSentence(
    ids
      .filter((id) => !(both && id === 'intervision'))
      .map((id) =>
        both && id === 'regionalIntervision'
          ? w.t('facts.intervisionBoth')
          : w.ctx.t(`guide:questions.training.choices.${id}`),
      ),
  );
}
