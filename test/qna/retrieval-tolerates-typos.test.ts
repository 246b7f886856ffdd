import { createQnaService, type QnaAnswer, type QnaDecline } from '../../src/qna';

const entryOf = (r: QnaAnswer | QnaDecline): string =>
  r.kind === 'answer' ? r.entryId : 'declined';

describe('retrieval tolerates typos', () => {
  const service = createQnaService();

  it.each([
    ['wat telt als een geslaagde toeleidign', 'successfulReferral'],
    ['wat is een geslaagde toelieding', 'successfulReferral'],
    ['hoeveel toeleidingen per jaar is realistich', 'benchmark'],
    ['wie zit er in de stuurgorep', 'supportGroup'],
    ['welk profeil moet de verbindingsambasadeur hebben', 'profile'],
    ['omgevingsanaluse BOA decreet', 'boaDecree'],
  ])('answers "%s" with %s', (question, expected) => {
    expect(entryOf(service.ask(question, 'nl'))).toBe(expected);
  });
});
