import { paths } from '../../src/paths';
import { copiedRuns, localeStrings, seedRunIndex, wordRuns } from '../helpers/copied-text';
import { SEED_DIR } from '../helpers/seeds';

describe('locale texts are written in our own words', () => {
  const index = seedRunIndex(SEED_DIR);
  const strings = localeStrings(paths.locales);

  it('reads the seed documents and the locale files', () => {
    expect(index.size).toBeGreaterThan(5000);
    expect(strings.some((s) => s.where.startsWith('nl/qna.json.entries.'))).toBe(true);
    expect(strings.some((s) => s.where.includes('.variants'))).toBe(false);
  });

  it('contains no run of eight or more words from any seed document', () => {
    expect(copiedRuns(strings, index)).toEqual([]);
  });

  it('would catch a copied sentence, even with other casing, accents or punctuation', () => {
    const copied =
      'Voldoende tijd en continuiteit is belangrijk, voor een verbindingsambassadeur om een netwerk!';
    expect(wordRuns(copied).some((r) => index.has(r))).toBe(true);
    expect(copiedRuns([{ where: 'probe', value: copied }], index)).not.toEqual([]);
  });
});
