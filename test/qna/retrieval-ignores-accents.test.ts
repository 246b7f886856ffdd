import { createQnaService, type QnaAnswer, type QnaDecline } from '../../src/qna';

const entryOf = (r: QnaAnswer | QnaDecline): string =>
  r.kind === 'answer' ? r.entryId : 'declined';

describe('retrieval ignores accents and capitals', () => {
  const service = createQnaService();

  it.each([
    ['Hoeveel strategieën zijn er?', 'hoeveel strategieen zijn er', 'strategiesOverview'],
    [
      'Wat is een BOA-decreet omgevingsanalyse?',
      'wat is een boa decreet omgevingsanalyse',
      'boaDecree',
    ],
    [
      'Wat doet een coördinator bij continuïteit van de looptijd?',
      'wat doet een coordinator bij continuiteit van de looptijd',
      'duration',
    ],
    [
      'Welke cultuureducatieve werking of bibliotheek betrek ik?',
      'welke cultuureducatieve werking of bibliotheek betrek ik',
      'talkPartners',
    ],
    ['Wat houdt stap één in?', 'wat houdt stap 1 in', 'step1'],
  ])('treats "%s" like "%s"', (accented, plain, expected) => {
    expect(entryOf(service.ask(accented, 'nl'))).toBe(expected);
    expect(entryOf(service.ask(plain, 'nl'))).toBe(expected);
  });
});
