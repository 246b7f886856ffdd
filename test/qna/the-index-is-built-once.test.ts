import MiniSearch from 'minisearch';
import { createQnaService } from '../../src/qna';

describe('the search index', () => {
  it('is built when the service is created and never again per question', () => {
    const addAll = jest.spyOn(MiniSearch.prototype, 'addAll');
    const service = createQnaService();
    expect(addAll).toHaveBeenCalledTimes(1);
    for (const q of [
      'wat telt als een geslaagde toeleiding?',
      'What does the steering group do?',
      'weer?',
    ]) {
      service.ask(q, 'nl');
    }
    service.byId('budget', 'en');
    expect(addAll).toHaveBeenCalledTimes(1);
    addAll.mockRestore();
  });
});
