import { createQnaService } from '../../src/qna';
import { Analyzer } from '../../src/qna/analyzer';

describe('the search index', () => {
  it('is built with the first question, not at start-up, and never again', () => {
    // Indexing analyses KB text through termNumbers; a question is analysed through terms only.
    const indexing = jest.spyOn(Analyzer.prototype, 'termNumbers');
    const service = createQnaService();
    service.byId('budget', 'nl');
    expect(indexing).not.toHaveBeenCalled();
    service.ask('wat is een verbindingsambassadeur?', 'nl');
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
