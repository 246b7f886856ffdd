import {
  computeCounter,
  guideSubmissions,
  submitCard,
  type CardSubmission,
} from '../helpers/card-submissions';

/**
 * Issue 24, "per turn, compute once": one card submission, through the engine, the view context
 * and the cards, evaluates the advice rules once and computes the answer values at most twice
 * (before, and after when the answers changed). Counted through wraps of the real functions.
 */
describe('one card submission computes once', () => {
  const counter = computeCounter();
  const submissions = guideSubmissions();
  const countsOf = (submission: CardSubmission) => {
    counter.reset();
    submitCard(submission);
    return counter.read();
  };

  it('walks the whole guide', () => {
    expect(submissions.length).toBeGreaterThan(5);
  });

  it.each(submissions.map((s) => [`${s.event.step}.${s.event.part}`, s] as const))(
    'card %s: advice once, answer values at most twice',
    (_, submission) => {
      const counts = countsOf(submission);
      expect(counts.advice).toBe(1);
      expect(counts.answerValues).toBeGreaterThanOrEqual(1);
      expect(counts.answerValues).toBeLessThanOrEqual(2);
    },
  );

  it('a submission that changes nothing computes the answer values once', () => {
    const first = submissions[0]!;
    const counts = countsOf({ ...first, event: { ...first.event, values: {}, nav: 'skip' } });
    expect(counts).toEqual({ advice: 1, answerValues: 1 });
  });
});
