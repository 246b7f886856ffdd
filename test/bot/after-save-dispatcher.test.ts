import { AfterSave, planEffects, type Committed } from '../../src/after-save';
import { initialPlanState } from '../../src/guide';
import { createLogger } from '../../src/logging';
import { T0 } from '../helpers/plans';

describe('the after-save dispatcher', () => {
  const state = initialPlanState(T0);

  it('hands each committed change to every reaction once, in order, and nothing when nothing was committed', async () => {
    const seen: string[] = [];
    const afterSave = new AfterSave(createLogger('silent'));
    const reaction = (name: string) => ({
      reactionName: name,
      afterSave: async (c: Committed) =>
        void seen.push(`${name}:${c.effects.map((e) => e.kind).join('+')}`),
    });
    afterSave.reactWith(reaction('note'), reaction('followup'), reaction('counters'));
    await afterSave.dispatch({
      planKey: 'p',
      effects: planEffects(state, ['save', 'planCompleted']),
    });
    await afterSave.dispatch({ planKey: 'p', effects: planEffects(state, []) });
    expect(seen).toEqual([
      'note:planSaved+planCompleted',
      'followup:planSaved+planCompleted',
      'counters:planSaved+planCompleted',
    ]);
  });

  it('a failing reaction is logged and the others still react', async () => {
    const seen: string[] = [];
    const logged: string[] = [];
    const logger = createLogger('silent');
    logger.error = (obj: { reaction: string }) => void logged.push(obj.reaction);
    const afterSave = new AfterSave(logger);
    afterSave.reactWith(
      {
        reactionName: 'note',
        afterSave: async () => {
          throw new Error('connection refused');
        },
      },
      { reactionName: 'counters', afterSave: async (c) => void seen.push(c.planKey) },
    );
    await afterSave.dispatch({ planKey: 'p', effects: [{ kind: 'checkinSent' }] });
    expect(seen).toEqual(['p']);
    expect(logged).toEqual(['note']);
  });

  it('a guide transition that saved nothing has no effects', () => {
    expect(planEffects(state, [])).toEqual([]);
    expect(planEffects(state, ['save', 'answersChanged']).map((e) => e.kind)).toEqual([
      'planSaved',
      'answersChanged',
    ]);
  });
});
