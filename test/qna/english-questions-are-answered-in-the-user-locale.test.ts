import { translator } from '../../src/i18n';
import { createQnaService } from '../../src/qna';

describe('a question in the other language is answered in the user locale', () => {
  const service = createQnaService();

  it('finds an English question for a Dutch user and answers in Dutch', () => {
    const result = service.ask('What does the steering group do?', 'nl');
    expect(result.kind).toBe('answer');
    if (result.kind !== 'answer') return;
    expect(result.entryId).toBe('supportGroup');
    expect(result.text).toBe(translator('nl')('qna:entries.supportGroup.answer'));
    expect(result.sources[0]!.sectionTitle).toMatch(/^Stap 5/);
  });

  it('finds a Dutch question for an English user and answers in English', () => {
    const result = service.ask('hoeveel toeleidingen per jaar is realistisch?', 'en');
    expect(result.kind).toBe('answer');
    if (result.kind !== 'answer') return;
    expect(result.entryId).toBe('benchmark');
    expect(result.title).toBe(translator('en')('qna:entries.benchmark.title'));
    expect(result.text).toMatch(/80/);
  });
});
