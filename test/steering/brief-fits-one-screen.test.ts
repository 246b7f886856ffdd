import { viewContext } from '../../src/presentation';
import { LOCALES, translator } from '../../src/i18n';
import { steeringNote } from '../../src/presentation/steering';
import { DECISION_KEYS } from '../../src/presentation/steering/brief-decisions';
import { validateCard } from '../helpers/card-validator';
import { filledPlan, realGuide } from '../helpers/plans';
import { cardWords } from './card-words';

describe.each(LOCALES)(
  'the brief of a complete plan with every answer at its longest, in %s',
  (l) => {
    const state = filledPlan();
    const complete = { ...state, status: 'completed' as const, completedAt: state.updatedAt };
    const ctx = viewContext(realGuide(), complete, l, translator(l));
    // An update, with a long "what changed" line and a progress line: the largest the note gets.
    const message = steeringNote(ctx, {
      now: new Date('2026-12-01T10:00:00Z'),
      changes: translator(l)('steering:note.more', {
        list: 'looptijd 3 jaar → 4 jaar, steungroep toegevoegd, doelgroep aangepast, wijk aangepast',
        count: 4,
      }),
      planUrl: 'https://teams.microsoft.com/l/entity/00000000-0000-0000-0000-000000000000/plan',
      progress: 'Opvolging: 3 van 4 momenten gehouden, laatst op 20 nov. 2026',
    });
    const card = message.attachments[0]!.content;

    it('validates with the Adaptive Cards SDK at 1.5', () => {
      expect(validateCard(card)).toEqual([]);
    });

    it('reads in a minute: 80 to 350 words, at most 12 KB of card', () => {
      const words = cardWords(card);
      expect(words).toBeGreaterThanOrEqual(80);
      expect(words).toBeLessThanOrEqual(350);
      expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThanOrEqual(12 * 1024);
    });

    it('states every decision the steungroep needs, and who wrote the plan', () => {
      const json = JSON.stringify(card);
      for (const key of DECISION_KEYS)
        expect(json).toContain(JSON.stringify(translator(l)(`steering:decision.${key}`)));
      expect(json).toContain(translator(l)('steering:note.attentionTitle'));
      expect(json).toContain('Anne');
    });
  },
);
