import { normaliseQuestion } from '../../src/insight';

describe('a declined question as the knowledge-base maintainer sees it', () => {
  it('is lower-case, without digits, e-mail addresses, phone numbers, URLs or punctuation', () => {
    expect(
      normaliseQuestion(
        'Mag ik 3 Springkastelen bestellen via jan.peeters@gemeente.be, +32 3 123 45 67 of https://example.org/x?y=1 ?',
      ),
    ).toBe('mag ik springkastelen bestellen via of');
    expect(normaliseQuestion('Bel 0470/12.34.56 of www.brugbot.be vóór 15u!')).toBe(
      'bel of vóór u',
    );
  });

  it('makes the same question typed differently one text', () => {
    const forms = ['Wordt het morgen mooi weer in Gent?', 'wordt het MORGEN mooi  weer in gent'];
    expect(new Set(forms.map(normaliseQuestion)).size).toBe(1);
  });

  it('keeps at most 160 characters and gives nothing for a question of only numbers', () => {
    expect(normaliseQuestion('waarom '.repeat(60)).length).toBeLessThanOrEqual(160);
    expect(normaliseQuestion('12 345 + 6')).toBe('');
  });
});
