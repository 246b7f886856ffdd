import { loadPassages } from '../../src/qna/passages';
import { isKnownSection, sectionPassage } from '../../src/sources';
import { SEED_DIR } from '../helpers/seeds';

// A quote is shown as the source's own words, so it must be exactly that: every sentence in
// content/qna/passages.json is compared, character for character (whitespace collapsed as in the
// passages), with the seed passage of the section it is filed under.
describe('the passages Brugbot quotes', () => {
  const sections = loadPassages();

  it('cover every document of the sources', () => {
    const ids = sections.map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining(['s6Success', 'lkBarriersChildren', 'krInternal']));
    expect(ids).toEqual(expect.arrayContaining(['pq179Findings', 'pq125Assignment']));
    expect(sections.flatMap((s) => s.paragraphs.flat()).length).toBeGreaterThan(300);
  });

  it('are sentences that stand word for word in the seed passage of their section', () => {
    const wrong = sections.flatMap((s) => {
      if (!isKnownSection(s.id)) return [`${s.id}: unknown section`];
      const passage = sectionPassage(s.id, SEED_DIR);
      return s.paragraphs
        .flat()
        .filter((sentence) => !passage.includes(sentence))
        .map((sentence) => `${s.id}: ${sentence}`);
    });
    expect(wrong).toEqual([]);
  });

  it('are neither links nor the questions a parliamentary question asks', () => {
    const sentences = sections.flatMap((s) => s.paragraphs.flat());
    expect(sentences.filter((s) => /https?:|www\./.test(s))).toEqual([]);
    expect(sentences.filter((s) => /\?["”’)*]*$/.test(s))).toEqual([]);
  });
});
