import {
  initialPlanState,
  migratePlanState,
  PlanStateError,
  PLAN_SCHEMA_VERSION,
} from '../../src/guide';
import { T0 } from '../helpers/plans';

describe('stored plan documents', () => {
  it('are read back as they were written, without the store eTag', () => {
    const state = initialPlanState(T0);
    expect(migratePlanState({ ...JSON.parse(JSON.stringify(state)), eTag: '"abc"' })).toEqual(
      state,
    );
  });

  it('get the current schema version and defaults when an older document lacks them', () => {
    const { schemaVersion: _v, currentPart: _p, ...old } = initialPlanState(T0);
    expect(migratePlanState(old)).toMatchObject({
      schemaVersion: PLAN_SCHEMA_VERSION,
      currentPart: 0,
    });
  });

  it('are refused with a clear error when corrupt or from a newer bot', () => {
    expect(() => migratePlanState({ revision: 'x' })).toThrow(PlanStateError);
    expect(() => migratePlanState('garbage')).toThrow(/invalid/);
    expect(() => migratePlanState({ ...initialPlanState(T0), schemaVersion: 99 })).toThrow(/newer/);
  });
});
