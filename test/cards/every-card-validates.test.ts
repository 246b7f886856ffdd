import { cardBytes, renderCard, type CardAttachment } from '../../src/cards';
import { translator, LOCALES } from '../../src/i18n';
import { initialPlanState } from '../../src/guide';
import { stepCardData } from '../../src/bot/views/step-view';
import {
  adviceCardData,
  confirmRestartCardData,
  helpCardData,
  openPromptData,
  overviewCardData,
  summaryCard,
  welcomeCardData,
} from '../../src/bot/views/other-views';
import { viewContext } from '../../src/bot/views/view-context';
import { steeringNote, withdrawnNote } from '../../src/steering';
import { validateCard } from '../helpers/card-validator';
import { filledPlan, realGuide, T0 } from '../helpers/plans';

const MAX_CARD_BYTES = 25 * 1024;

function expectClean(card: CardAttachment, label: string): void {
  expect({ label, problems: validateCard(card.content) }).toEqual({ label, problems: [] });
  expect({ label, bytes: cardBytes(card) < MAX_CARD_BYTES }).toEqual({ label, bytes: true });
  // Unbound template expressions; `${x}` is user text in the worst-case plan and must stay literal.
  expect(JSON.stringify(card.content)).not.toMatch(/\$\{(?!x\})[^}]*\}/);
}

describe.each(LOCALES)('every card the guide can send, in %s', (locale) => {
  const guide = realGuide();
  const t = translator(locale);
  const states = { empty: initialPlanState(T0), worstCase: filledPlan() };

  describe.each(Object.keys(states) as (keyof typeof states)[])('for a %s plan', (which) => {
    const ctx = viewContext(guide, states[which], locale, t);

    it.each([1, 2, 3, 4, 5, 6])(
      'renders every part of step %i as a valid 1.5 card under 25 KB',
      (step) => {
        guide.step(step).parts.forEach((_part, part) => {
          const questions = guide.questionsOfPart({ step, part });
          const errors =
            which === 'worstCase' && questions[0] ? { [questions[0].id]: 'tooLong' as const } : {};
          const notices = [
            { text: 'Het plan was intussen veranderd <at>x</at>', style: 'attention' as const },
          ];
          const links = [{ entryId: 'successfulReferral', title: 'Wat telt als geslaagd?' }];
          const open = questions.map((q) => q.id);
          const data = stepCardData(
            ctx,
            { step, part },
            { errors, notices, qnaLinks: links, open },
          );
          expectClean(renderCard('step', data), `step ${step} part ${part}`);
        });
      },
    );

    it('renders the welcome, help, overview, summary, restart and advice cards', () => {
      expectClean(renderCard('welcome', welcomeCardData(ctx, which !== 'empty')), 'welcome');
      expectClean(renderCard('help', helpCardData(ctx)), 'help');
      expectClean(renderCard('overview', overviewCardData(ctx)), 'overview');
      expectClean(summaryCard(ctx), 'summary');
      expectClean(renderCard('confirm-restart', confirmRestartCardData(ctx)), 'confirm-restart');
      const open = guide.questionsOfPart({ step: 1, part: 0 }).map((q) => q.id);
      const prompt = openPromptData(ctx, { kind: 'openPrompt', step: 1, part: 0, questions: open });
      expectClean(renderCard('confirm-open', prompt), 'confirm-open');
      const ruleIds = guide.definition.advice.map((a) => a.id);
      expectClean(renderCard('advice', adviceCardData(ctx, ruleIds)), 'advice');
    });

    it("renders the steungroep's note, updated and with its link, and the withdrawal notice", () => {
      const note = steeringNote(ctx, {
        now: T0,
        changes: 'looptijd 3 jaar → 4 jaar',
        updated: true,
        planUrl: 'https://teams.microsoft.com/l/entity/app/plan',
        progress: 'Opvolging <at>x</at>',
      });
      expectClean(note.attachments[0] as CardAttachment, 'steering-note');
      const withdrawn = withdrawnNote(ctx, T0, 'Anne <at>x</at>');
      expectClean(withdrawn.attachments[0] as CardAttachment, 'steering-note-withdrawn');
    });
  });
});
