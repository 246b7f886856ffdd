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

describe('a first sentence longer than the brief allows', () => {
  it('is cut where a phrase ends (comma, semicolon, dash or "en"), with "…"', () => {
    const long =
      'Kinderen van 6 tot 14 jaar, uit gezinnen in armoede in de wijken Rabot en Brugse Poort.';
    expect(firstSentence(long)).toBe('Kinderen van 6 tot 14 jaar…');
    expect(
      firstSentence('Tieners uit de wijk; vooral meisjes die niet naar een jeugdhuis gaan.'),
    ).toBe('Tieners uit de wijk…');
    expect(
      firstSentence('Jongeren uit Overbeke en hun ouders die de weg naar het aanbod niet vinden.'),
    ).toBe('Jongeren uit Overbeke…');
    expect(
      firstSentence('Young people in Overbeke – mostly girls who never come to the youth club.'),
    ).toBe('Young people in Overbeke…');
  });

  it('without a phrase boundary, ends on a word that closes a phrase, never on "in"', () => {
    const cut = firstSentence(
      'Kinderen van 6 tot 14 jaar uit gezinnen in armoede die de weg naar het aanbod niet vinden.',
    );
    expect(cut).toBe('Kinderen van 6 tot 14 jaar uit gezinnen…');
    expect([...cut].length).toBeLessThanOrEqual(50);
  });
});
