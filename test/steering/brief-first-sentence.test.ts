import { firstSentence } from '../../src/presentation/steering/brief-decisions';

describe('a long answer in the brief', () => {
  it('is its first sentence, with "…" when more follows', () => {
    expect(firstSentence('Tieners uit de wijk Overbeke. Vooral meisjes van 12 tot 14 jaar.')).toBe(
      'Tieners uit de wijk Overbeke. …',
    );
  });

  it('does not end at an abbreviation early in the sentence', () => {
    expect(firstSentence('Nieuwkomers, bv. jongeren in OKAN. En hun ouders.')).toBe(
      'Nieuwkomers, bv. jongeren in OKAN. …',
    );
  });

  it('cuts a long first sentence on a word boundary', () => {
    const cut = firstSentence(`${'woord '.repeat(40)}einde.`, 50);
    expect([...cut].length).toBeLessThanOrEqual(50);
    expect(cut).toMatch(/woord…$/);
  });

  it('keeps a short answer whole, on one line', () => {
    expect(firstSentence('  De jeugddienst\n')).toBe('De jeugddienst');
  });
});
