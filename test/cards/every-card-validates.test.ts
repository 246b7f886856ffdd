import { cardBytes, renderCard, type CardAttachment } from '../../src/cards';
import { translator, LOCALES } from '../../src/i18n';
import { initialPlanState } from '../../src/guide';
import { stepCardData } from '../../src/presentation/chat';
import {
  receiptCardData,
  checkinCardData,
  confirmRestartCardData,
  helpCardData,
  nextStepsCardData,
  openPromptData,
  overviewCardData,
  scheduleCardData,
  summaryCard,
  welcomeCardData,
} from '../../src/presentation/chat';
import { viewContext } from '../../src/presentation';
import { sharePreviewData, steeringNote, withdrawnNote } from '../../src/presentation/steering';
import { validateCard } from '../helpers/card-validator';
import { followupTransition } from '../../src/followup/followup-engine';
import { checkinView, scheduleView } from '../../src/followup/view-models';
import { MOMENT_IDS } from '../../src/followup/schedule';
import { filledPlan, realGuide, T0 } from '../helpers/plans';
import { withProgress } from '../../src/followup';

const MAX_CARD_BYTES = 25 * 1024;

function expectClean(card: CardAttachment, label: string): void {
  expect({ label, problems: validateCard(card.content) }).toEqual({ label, problems: [] });
  expect({ label, bytes: cardBytes(card) < MAX_CARD_BYTES }).toEqual({ label, bytes: true });
  // Unbound template expressions; `${x}` is user text in the worst-case plan and must stay literal
  // (a shortened answer may end in `${…`).
  expect(JSON.stringify(card.content)).not.toMatch(/\$\{(?!x\}|…)[^}]*\}/);
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
          // The worst case also says every tip of its step for the first time.
          const advice = guide.definition.advice.filter((a) => a.step === step).map((a) => a.id);
          const data = stepCardData(
            ctx,
            { step, part },
            {
              errors,
              notices,
              qnaLinks: links,
              open,
              ...(which === 'worstCase' ? { advice } : {}),
            },
          );
          expectClean(renderCard('step', data), `step ${step} part ${part}`);
        });
      },
    );

    it('renders the welcome, help, overview, summary, restart and receipt cards', () => {
      expectClean(renderCard('welcome', welcomeCardData(ctx, which !== 'empty')), 'welcome');
      expectClean(renderCard('help', helpCardData(ctx)), 'help');
      expectClean(renderCard('overview', overviewCardData(ctx)), 'overview');
      expectClean(summaryCard(withProgress(ctx)), 'summary');
      expectClean(renderCard('confirm-restart', confirmRestartCardData(ctx)), 'confirm-restart');
      const open = guide.questionsOfPart({ step: 1, part: 0 }).map((q) => q.id);
      const prompt = openPromptData(ctx, { kind: 'openPrompt', step: 1, part: 0, questions: open });
      expectClean(renderCard('confirm-open', prompt), 'confirm-open');
      const receipt = receiptCardData(ctx, { kind: 'receipt', step: 2, part: 1 });
      expectClean(renderCard('receipt', receipt), 'receipt');
      expectClean(renderCard('next-steps', nextStepsCardData(ctx)), 'next-steps');
    });

    it('renders the preview that asks before sharing with the steungroep', () => {
      const preview = sharePreviewData(ctx, {
        channelLabel: 'Jeugd <at>x</at> · Steungroep',
        channelId: '19:steungroep@thread.tacv2',
        hash: '0'.repeat(32),
        choice: 'team-1',
        notice: t('steering:confirm.changed'),
      });
      expectClean(renderCard('steering-share-confirm', preview), 'steering-share-confirm');
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

describe.each(LOCALES)('every follow-up card, in %s', (locale) => {
  const guide = realGuide();
  const t = translator(locale);
  const now = new Date('2028-01-04T10:00:00Z');
  const actor = { id: 'aad-anne', name: 'Anne' };
  // Six moments, each answered with every figure and the longest note allowed.
  let plan = followupTransition(
    filledPlan(),
    {
      type: 'confirm',
      shown: {},
      inputs: Object.fromEntries([
        ['start', '2027-01-04'],
        ...MOMENT_IDS.map((id, i) => [id, `2027-0${i + 2}-10`]),
      ]),
    },
    // Confirmed before the moments (a new date must lie ahead), answered after them.
    { now: new Date('2026-12-01T10:00:00Z'), actor },
  ).state!;
  for (const moment of MOMENT_IDS) {
    const inputs = {
      trajectories: '99999',
      enrolsAfterTrial: '99999',
      stillActiveAfterMonths: '99999',
      reEnrolsNextYear: '99999',
      associations: '99999',
      note: 'Ä <at>x</at> **y** ${x} 🎉 '.repeat(30).slice(0, 500),
    };
    plan = followupTransition(plan, { type: 'checkin', moment, inputs }, { now, actor }).state!;
  }
  const empty = viewContext(guide, filledPlan(), locale, t);
  const full = viewContext(guide, plan, locale, t);

  it('renders the schedule card, proposed and confirmed with errors, valid and under 25 KB', () => {
    expectClean(
      renderCard(
        'followup-schedule',
        scheduleCardData(empty, scheduleView(empty.answers, undefined, now)),
      ),
      'proposal',
    );
    const errors = { start: 'badDate', m1: 'beforeStart', m2: 'notFuture', m4: 'tooFar' } as const;
    const refused = { start: '31-02-2027', m1: '2026-12-24', m2: '2026-01-05', m4: '2207-01-01' };
    const inputs = { start: '31-02-2027', m1: '2026-12-24', m4: '2207-01-01' };
    const doc = {
      planKey: 'p',
      ref: { serviceUrl: 'http://x', conversationId: 'c', channelId: 'msteams', locale },
      sent: { m1: { date: '2027-02-10', at: '2027-02-10T09:00:00Z', missed: true } },
      attempts: 0,
      sends: 1,
    } as const;
    expectClean(
      renderCard(
        'followup-schedule',
        scheduleCardData(full, scheduleView(full.answers, doc, now, { errors, refused, inputs })),
      ),
      'edit',
    );
  });

  it('renders the check-in card, fresh and refused with every error, valid and under 25 KB', () => {
    expectClean(
      renderCard(
        'followup-checkin',
        checkinCardData(empty, checkinView(empty.answers, locale, now, { moment: 'm1' })),
      ),
      'fresh',
    );
    const errors = { trajectories: 'notACount', note: 'tooLong' } as const;
    const view = checkinView(full.answers, locale, now, {
      moment: 'm6',
      missed: ['2027-02-10', '2027-03-10', '2027-04-10', '2027-05-10', '2027-06-10'],
      errors,
      values: { trajectories: '-1', note: 'x'.repeat(600) },
    });
    const data = checkinCardData(full, view);
    expectClean(renderCard('followup-checkin', data), 'refused');
  });

  it('keeps the summary card with six check-ins valid and under 25 KB', () => {
    const card = summaryCard(withProgress(full));
    expectClean(card, 'summary with follow-up');
    expect(JSON.stringify(card.content)).toContain(t('followup:progress.caution'));
  });
});
