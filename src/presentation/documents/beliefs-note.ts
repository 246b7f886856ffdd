import type { DocumentInput, PlanDocument } from './document-model';
import { DocumentWriter } from './document-writer';
import { orgOf } from './plan-facts';

/** Step 1: the short note on beliefs and expectations the instrument asks for. */
export function beliefsNote(input: DocumentInput): PlanDocument {
  const w = new DocumentWriter(input);
  const { ctx } = w;
  w.p(...w.line('beliefs.intro', { org: orgOf(w), cite: w.cite('s1Beliefs') }));
  w.h1(w.t('beliefs.beliefsTitle'));
  if (!w.prose('beliefsNote')) w.p(w.decide('beliefsNote'));
  w.h1(w.t('beliefs.expectationsTitle'));
  const raw = w.raw('expectations');
  const ids = Array.isArray(raw) ? raw : [];
  const other = w.value('expectationsOther');
  const items = ids.flatMap((id) =>
    id === 'other'
      ? other
        ? [[other]]
        : []
      : [[ctx.t(`guide:questions.expectations.choices.${id}`)]],
  );
  if (items.length) {
    w.p(w.t('beliefs.expectations'));
    w.bullets(items);
  } else w.p(w.decide('expectations'));
  w.h1(w.t('beliefs.knownTitle'));
  const know = w.raw('knowTargetGroup');
  if (typeof know === 'string')
    w.p(...w.line(`beliefs.know.${know}`, { cite: w.cite('s2Lifeworld') }));
  const wrote = [w.prose('localNeeds'), w.prose('lifeworldNotes')].some(Boolean);
  if (!wrote && typeof know !== 'string') w.p(w.decide('localNeeds'));
  w.h1(w.t('beliefs.nextTitle'));
  w.p(w.fill('beliefsCheck'));
  return w.finish('beliefsNote', w.t('beliefs.title'));
}
