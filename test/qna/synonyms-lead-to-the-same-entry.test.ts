import { createQnaService, type QnaAnswer, type QnaDecline } from '../../src/qna';

const entryOf = (r: QnaAnswer | QnaDecline): string =>
  r.kind === 'answer' ? r.entryId : 'declined';

describe('synonyms lead to the same entry', () => {
  const service = createQnaService();

  it.each([
    [
      'supportGroup',
      ['wat doet de stuurgroep', 'wat doet de steungroep', 'what does the support group do'],
    ],
    [
      'whatIsAmbassador',
      [
        'wat doet een verbindingsambassadeur',
        'wat doet een ambassadeur',
        'what does a connection ambassador do',
      ],
    ],
    // A bridge figure is a different role (seed 002), not a synonym of the ambassador.
    [
      'bridgeFigures',
      [
        'is een brugfiguur hetzelfde als een verbindingsambassadeur',
        'verschil bruggenbouwer en verbindingsambassadeur',
        'is a bridge figure the same as a connection ambassador',
      ],
    ],
    [
      'benchmark',
      [
        'hoeveel toeleidingen per jaar',
        'hoeveel doorverwijzingen per jaar',
        'how many referrals per year',
      ],
    ],
    [
      'workingTime',
      [
        'halftijds, kan dat?',
        'deeltijds werken, kan dat?',
        '50% werken, kan dat?',
        'part-time, is that ok?',
      ],
    ],
  ])('%s', (expected, questions) => {
    for (const question of questions)
      expect({ question, got: entryOf(service.ask(question, 'nl')) }).toEqual({
        question,
        got: expected,
      });
  });
});
