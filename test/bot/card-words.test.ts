import { translator } from '../../src/i18n';
import { initialPlanState, transition, type PlanState } from '../../src/guide';
import { stepCardData } from '../../src/presentation/chat';
import { summaryCard } from '../../src/presentation/chat';
import { formatDate, viewContext } from '../../src/presentation';
import { realGuide } from '../helpers/plans';
import { withProgress } from '../../src/followup';

const guide = realGuide();
const ANNE = { id: 'aad-anne', name: 'Anne Peeters' };
const BRAM = { id: 'aad-bram', name: 'Bram Claes' };
/** 23:30 UTC on 29 November is already 30 November in Brussels. */
const LATE = new Date('2026-11-29T23:30:00Z');

function answered(note = 'Vrije tijd verbindt.'): PlanState {
  const ctx = { now: LATE, actor: ANNE };
  const state = transition(guide, initialPlanState(LATE), { type: 'start' }, ctx).state;
  const values = {
    orgName: 'Gemeente Ronse',
    expectations: 'extraCapacity,reachMissedGroups',
    beliefsNote: note,
  };
  const event = { type: 'submitStep' as const, step: 1, part: 0, revision: state.revision };
  return transition(guide, state, { ...event, values, nav: 'stay' }, ctx).state;
}

describe('the words on the cards', () => {
  const t = translator('nl');
  const state = answered();

  it('dates an answer in Brussels time, also on the summary', () => {
    expect(formatDate(LATE.toISOString(), 'nl')).toMatch(/^30 nov/);
    const card = JSON.stringify(
      summaryCard(withProgress(viewContext(guide, state, 'nl', t))).content,
    );
    expect(card).toMatch(/Stand van 30 nov/);
    expect(card).not.toMatch(/versie/);
  });

  it('calls your own answers "jou" in a personal chat and names colleagues', () => {
    const own = stepCardData(viewContext(guide, state, 'nl', t, { viewer: ANNE }), {
      step: 1,
      part: 0,
    });
    const org = own.part.questions.find((q) => q.inputId === 'q_orgName')!;
    expect(org.answeredBy).toMatch(/^Ingevuld door jou · 30 nov/);
    const bram = stepCardData(viewContext(guide, state, 'nl', t, { viewer: BRAM }), {
      step: 1,
      part: 0,
    });
    expect(bram.part.questions.find((q) => q.inputId === 'q_orgName')!.answeredBy).toMatch(
      /^Ingevuld door Anne Peeters/,
    );
  });

  it('joins choices as people write them, and links shortened answers to the plan', () => {
    const ctx = viewContext(guide, state, 'nl', t, { planUrl: 'http://127.0.0.1:3978/tab?x=1' });
    const card = JSON.stringify(summaryCard(withProgress(ctx)).content);
    // Choice labels keep their capitals (some are names, such as "Huis van het Kind").
    expect(card).toContain(
      'Een extra collega maakt tijd vrij om het thema grondig aan te pakken en Groepen bereiken',
    );
    expect(card).not.toContain('?:');
    const long = answered('Vrije tijd verbindt kinderen met elkaar en met hun buurt. '.repeat(6));
    const shortened = JSON.stringify(
      summaryCard(
        withProgress({ ...ctx, ...viewContext(guide, long, 'nl', t), planUrl: ctx.planUrl }),
      ).content,
    );
    expect(shortened).toContain('[lees ze volledig in het plan](http://127.0.0.1:3978/tab?x=1)');
  });

  it('marks required questions and shows a number range under the input', () => {
    const ctx = viewContext(guide, state, 'nl', t);
    const budget = guide.step(3).parts.findIndex((p) => p.id === 'budget');
    const data = stepCardData(ctx, { step: 3, part: budget });
    const working = data.part.questions.find((q) => q.inputId === 'q_workingTime')!;
    expect(working.label).toMatch(/ \*$/);
    expect(working.hint).toBe('Een geheel getal van 10 tot 400.');
    const count = data.part.questions.find((q) => q.inputId === 'q_ambassadorCount')!;
    expect(count.label).not.toMatch(/\*$/);
    expect(data.progress).toBe('Stap 3 van 6 · 4 van 4');
  });
});
