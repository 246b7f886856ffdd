import { countSentences, normaliseQuestion, words } from '../../src/qna/text';

describe('text helpers', () => {
  it('counts sentences by their end marks, also without a final full stop', () => {
    expect(countSentences('Eén. Twee? Drie!')).toBe(3);
    expect(countSentences('Eén zin zonder punt')).toBe(1);
    expect(countSentences('Voorzie 80 à 100%. Dat geeft ademruimte.')).toBe(2);
    expect(countSentences('')).toBe(0);
  });

  it('does not end a sentence at an abbreviation or a decimal point', () => {
    expect(countSentences('Denk aan bv. een sportclub of 1.5 fte.')).toBe(1);
  });

  it('normalises case, accents, punctuation and the numeral één', () => {
    expect(words('Strategieën, één Coördinator!')).toEqual(['strategieen', '1', 'coordinator']);
    expect(normaliseQuestion('  Wat   telt als GESLAAGD?? ')).toBe('wat telt als geslaagd');
    expect(words('50% of bottom-up')).toEqual(['50', 'procent', 'of', 'bottom', 'up']);
  });
});
