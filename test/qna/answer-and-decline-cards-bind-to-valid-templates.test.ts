import { cardBytes, renderCard } from '../../src/cards';
import { LOCALES, translator } from '../../src/i18n';
import { createQnaService } from '../../src/qna';
import { answerCardData, declineCardData, QNA_CARD_TEMPLATES } from '../../src/presentation/chat';
import { validateCard } from '../helpers/card-validator';

type Action = { type: string; title?: string; data?: Record<string, unknown>; url?: string };

/** Collects every action in a bound card, wherever it sits. */
function actionsOf(node: unknown, out: Action[] = []): Action[] {
  if (Array.isArray(node)) node.forEach((n) => actionsOf(n, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (typeof o.type === 'string' && o.type.startsWith('Action.'))
      out.push(o as unknown as Action);
    Object.values(o).forEach((v) => actionsOf(v, out));
  }
  return out;
}

describe.each(LOCALES)('Q&A cards in %s', (locale) => {
  const service = createQnaService();
  const t = translator(locale);

  it('binds every answer into a valid 1.5 card under 25 KB with source link, "more" toggle and step buttons', () => {
    for (const id of service.entryIds()) {
      const answer = service.byId(id, locale)!;
      const card = renderCard(QNA_CARD_TEMPLATES.answer, answerCardData(answer, t));
      expect({ id, problems: validateCard(card.content) }).toEqual({ id, problems: [] });
      expect(cardBytes(card)).toBeLessThan(25 * 1024);
      expect(JSON.stringify(card.content)).not.toMatch(/\$\{/);
      const actions = actionsOf(card.content);
      expect(actions.find((a) => a.type === 'Action.OpenUrl')?.url).toBe(answer.sources[0]!.url);
      expect(actions.find((a) => a.type === 'Action.ToggleVisibility')?.title).toBe(
        t('qna:ui.more'),
      );
      const steps = actions.filter((a) => a.type === 'Action.Submit').map((a) => a.data);
      expect(steps).toEqual(answer.relatedSteps.map((step) => ({ verb: 'guide.goto', step })));
      // The answer itself travels in the message text (with its [1] citation), not twice.
      expect(JSON.stringify(card.content)).toContain(JSON.stringify(answer.more).slice(1, -1));
      expect(JSON.stringify(card.content.body)).not.toContain(
        JSON.stringify(answer.text).slice(1, -1),
      );
    }
  });

  it('binds a decline with suggestion buttons that ask for the entry by id', () => {
    const decline = {
      kind: 'decline' as const,
      suggestions: ['budget', 'workingTime'].map((entryId) => ({
        entryId,
        title: service.byId(entryId, locale)!.title,
      })),
    };
    const card = renderCard(QNA_CARD_TEMPLATES.decline, declineCardData(decline, t));
    expect(validateCard(card.content)).toEqual([]);
    const submits = actionsOf(card.content).filter((a) => a.type === 'Action.Submit');
    expect(submits.map((a) => a.data)).toEqual([
      { verb: 'qna.ask', entryId: 'budget' },
      { verb: 'qna.ask', entryId: 'workingTime' },
    ]);
    expect(JSON.stringify(card.content)).toContain(t('qna:ui.didYouMean'));
  });

  it('binds a decline without suggestions to the honest text alone', () => {
    const card = renderCard(
      QNA_CARD_TEMPLATES.decline,
      declineCardData({ kind: 'decline', suggestions: [] }, t),
    );
    expect(validateCard(card.content)).toEqual([]);
    expect(actionsOf(card.content)).toEqual([]);
    expect(JSON.stringify(card.content)).toContain(t('qna:ui.decline'));
  });
});
