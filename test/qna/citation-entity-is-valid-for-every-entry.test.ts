import { LOCALES } from '../../src/i18n';
import {
  answerText,
  citationEntity,
  citationEntitySchema,
  createQnaService,
  type QnaAnswer,
} from '../../src/qna';

describe('every answer carries a valid Teams citation', () => {
  const service = createQnaService();

  it.each(LOCALES)('builds a schema-valid entity for every entry in %s', (locale) => {
    for (const id of service.entryIds()) {
      const answer = service.byId(id, locale)!;
      const entity = citationEntity(answer);
      const parsed = citationEntitySchema.safeParse(entity);
      expect({ id, ok: parsed.success, issues: parsed.success ? [] : parsed.error.issues }).toEqual(
        {
          id,
          ok: true,
          issues: [],
        },
      );
      expect(entity.citation.map((c) => c.position)).toEqual(answer.sources.map((_, i) => i + 1));
      entity.citation.forEach((claim, i) => {
        expect(claim.appearance.name.length).toBeLessThanOrEqual(80);
        expect(claim.appearance.abstract.length).toBeLessThanOrEqual(160);
        expect(claim.appearance.url).toBe(answer.sources[i]!.url);
      });
    }
  });

  it('marks the answer text with [1] so Teams links the citation', () => {
    const answer = service.byId('kortrijkFuture', 'nl')!;
    expect(answer.sources).toHaveLength(1);
    expect(answerText(answer)).toBe(`${answer.text} [1]`);
  });

  it('numbers every source of an answer that draws on several sections', () => {
    const answer = service.byId('programmeGoal', 'nl')!;
    expect(answer.sources.length).toBeGreaterThan(1);
    expect(answerText(answer)).toBe(
      `${answer.text} ${answer.sources.map((_, i) => `[${i + 1}]`).join(' ')}`,
    );
  });

  it('shortens long document titles at a word boundary instead of failing the limit', () => {
    const answer = service.byId('strategyBottomUp', 'en')!;
    expect(answer.sources[0]!.docTitle.length).toBeGreaterThan(80);
    const name = citationEntity(answer).citation[0]!.appearance.name;
    expect(name.endsWith('…')).toBe(true);
    expect(answer.sources[0]!.docTitle.startsWith(name.slice(0, -1))).toBe(true);
  });
});

describe('an answer beyond every citation limit (as Copilot and Teams document them)', () => {
  const long = (n: number) => 'woord '.repeat(n).trim();
  const answer: QnaAnswer = {
    kind: 'answer',
    entryId: 'synthetic',
    title: 'Een antwoord met heel veel bronnen',
    text: long(60),
    more: '',
    claim: 'source',
    sources: Array.from({ length: 25 }, (_, i) => ({
      docTitle: `${long(30)} ${i}`,
      sectionTitle: `Sectie ${i + 1}`,
      url: `https://example.org/bron/${i + 1}`,
    })),
    relatedSteps: [],
    score: 1,
  };

  it('keeps 20 citations, names of at most 80 and abstracts of at most 160 characters', () => {
    const entity = citationEntitySchema.parse(citationEntity(answer));
    expect(entity.citation).toHaveLength(20);
    for (const claim of entity.citation) {
      expect(claim.appearance.name.length).toBeLessThanOrEqual(80);
      expect(claim.appearance.abstract.length).toBeLessThanOrEqual(160);
    }
  });

  it('puts no marker in the text for a source that has no citation', () => {
    expect(answerText(answer)).toContain('[20]');
    expect(answerText(answer)).not.toContain('[21]');
  });
});
