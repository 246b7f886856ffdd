import { LOCALES } from '../../src/i18n';
import { answerText, citationEntity, citationEntitySchema, createQnaService } from '../../src/qna';

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
      const appearance = entity.citation[0]!.appearance;
      expect(appearance.name.length).toBeLessThanOrEqual(80);
      expect(appearance.abstract.length).toBeLessThanOrEqual(160);
      expect(appearance.url).toBe(answer.source.url);
    }
  });

  it('marks the answer text with [1] so Teams links the citation', () => {
    const answer = service.byId('successfulReferral', 'nl')!;
    expect(answerText(answer)).toBe(`${answer.text} [1]`);
  });

  it('shortens long document titles at a word boundary instead of failing the limit', () => {
    const answer = service.byId('strategyBottomUp', 'en')!;
    expect(answer.source.docTitle.length).toBeGreaterThan(80);
    const name = citationEntity(answer).citation[0]!.appearance.name;
    expect(name.endsWith('…')).toBe(true);
    expect(answer.source.docTitle.startsWith(name.slice(0, -1))).toBe(true);
  });
});
