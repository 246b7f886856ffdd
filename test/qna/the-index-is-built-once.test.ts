import { createQnaService } from '../../src/qna';
import { Analyzer } from '../../src/qna/analyzer';

describe('the search index', () => {
  it('is built when the service is created and never again per question', () => {
    // Indexing analyses KB text through termNumbers; a question is analysed through terms only.
    const indexing = jest.spyOn(Analyzer.prototype, 'termNumbers');
    const service = createQnaService();
    const calls = indexing.mock.calls.length;
    expect(calls).toBeGreaterThan(0);
    for (const q of [
      'wat telt als een geslaagde toeleiding?',
      'What does the steering group do?',
      'weer?',
    ]) {
      service.ask(q, 'nl');
    }
    service.byId('budget', 'en');
    expect(indexing).toHaveBeenCalledTimes(calls);
    indexing.mockRestore();
  });
});
