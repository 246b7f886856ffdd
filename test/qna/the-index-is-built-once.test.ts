import MiniSearch from 'minisearch';
import { createQnaService } from '../../src/qna';

describe('the search index', () => {
  it('is built with the first question, not at start-up, and never again', () => {
    const indexing = jest.spyOn(MiniSearch.prototype, 'addAll');
    const service = createQnaService();
    service.byId('budget', 'nl');
    expect(indexing).not.toHaveBeenCalled();
    service.ask('wat is een verbindingsambassadeur?', 'nl');
    expect(indexing).toHaveBeenCalledTimes(1);
    for (const q of [
      'wat telt als een geslaagde toeleiding?',
      'What does the steering group do?',
      'weer?',
    ]) {
      service.ask(q, 'nl');
    }
    service.byId('budget', 'en');
    expect(indexing).toHaveBeenCalledTimes(1);
    indexing.mockRestore();
  });
});
