import { translator } from '../../src/i18n';
import { createQnaService } from '../../src/qna';

describe('questions outside the knowledge base are declined honestly', () => {
  const service = createQnaService();

  it('declines an unrelated question without suggestions', () => {
    expect(service.ask('wat is het weer in Gent', 'nl')).toEqual({
      kind: 'decline',
      suggestions: [],
    });
    expect(service.ask('how do I bake bread', 'en')).toEqual({ kind: 'decline', suggestions: [] });
  });

  it('declines a greeting or empty text without suggestions', () => {
    expect(service.ask('hallo?', 'nl')).toEqual({ kind: 'decline', suggestions: [] });
    expect(service.ask('   ', 'en')).toEqual({ kind: 'decline', suggestions: [] });
  });

  it('declines a near-domain question but offers up to three close topics in the user locale', () => {
    const result = service.ask('wat zijn de openingsuren van het zwembad in Kortrijk', 'en');
    expect(result.kind).toBe('decline');
    if (result.kind !== 'decline') return;
    expect(result.suggestions.length).toBeGreaterThan(0);
    expect(result.suggestions.length).toBeLessThanOrEqual(3);
    const t = translator('en');
    for (const s of result.suggestions) {
      expect(s.entryId).toMatch(/^kortrijk/);
      expect(s.title).toBe(t(`qna:entries.${s.entryId}.title`));
    }
  });

  it('offers suggestions that byId can answer, as the suggestion buttons will', () => {
    const result = service.ask('hoeveel kost een lidkaart van de chiro', 'nl');
    expect(result.kind).toBe('decline');
    if (result.kind !== 'decline') return;
    for (const s of result.suggestions)
      expect(service.byId(s.entryId, 'nl')?.entryId).toBe(s.entryId);
  });
});
