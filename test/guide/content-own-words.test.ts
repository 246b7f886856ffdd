import fs from 'node:fs';
import path from 'node:path';
import { paths, repoRoot } from '../../src/paths';

/**
 * The guide's texts must be written in our own words: facts carry over from the source
 * documents, sentences do not. No run of RUN_LENGTH words of a guide text may appear in a seed.
 */
const RUN_LENGTH = 8;
// CI clones the repo with shared/ beside it; the seeds are the texts we must not copy.
const SEEDS_DIR = process.env.BRUGBOT_SEEDS_DIR ?? path.join(repoRoot, '..', 'shared', 'seeds');
const GUIDE_LOCALES = ['nl', 'en'].map((lng) => path.join(paths.locales, lng, 'guide.json'));

/**
 * Two readings of "punctuation stripped": dropping it (`of-ofverhaal` → `ofofverhaal`) and
 * turning it into a word break (`of ofverhaal`). Checking both keeps the test strict either way.
 */
function tokenisations(text: string): string[][] {
  const lower = text.normalize('NFC').toLowerCase();
  const dropped = lower.replace(/[^\p{L}\p{N}\s]+/gu, '');
  const broken = lower.replace(/[^\p{L}\p{N}]+/gu, ' ');
  return [dropped, broken].map((t) => t.split(/\s+/).filter(Boolean));
}

function runsOf(words: string[], n: number): string[] {
  const runs: string[] = [];
  for (let i = 0; i + n <= words.length; i++) runs.push(words.slice(i, i + n).join(' '));
  return runs;
}

function runSet(texts: string[], n: number): Set<string> {
  const set = new Set<string>();
  for (const text of texts) {
    for (const words of tokenisations(text)) runsOf(words, n).forEach((r) => set.add(r));
  }
  return set;
}

/** Every string value in a JSON tree, with its dotted key path. */
function stringsOf(node: unknown, prefix = ''): { key: string; text: string }[] {
  if (typeof node === 'string') return [{ key: prefix, text: node }];
  if (Array.isArray(node)) return node.flatMap((v, i) => stringsOf(v, `${prefix}[${i}]`));
  if (node && typeof node === 'object') {
    return Object.entries(node).flatMap(([k, v]) => stringsOf(v, prefix ? `${prefix}.${k}` : k));
  }
  return [];
}

/** The runs of `text` that also occur in `sourceRuns`. */
function copiedRuns(text: string, sourceRuns: Set<string>, n: number): string[] {
  const hits = new Set<string>();
  for (const words of tokenisations(text)) {
    for (const run of runsOf(words, n)) if (sourceRuns.has(run)) hits.add(run);
  }
  return [...hits];
}

describe('the own-words checker', () => {
  const source = runSet(
    ['Een aanstelling van onbepaalde duur lijkt ons aangewezen, maar als dat…'],
    8,
  );

  it('flags a copied run regardless of case and punctuation', () => {
    expect(
      copiedRuns('Ook hier: een AANSTELLING van onbepaalde duur lijkt ons aangewezen!', source, 8),
    ).toEqual(['een aanstelling van onbepaalde duur lijkt ons aangewezen']);
  });

  it('lets a rephrased sentence pass', () => {
    expect(copiedRuns('Een contract van onbepaalde duur heeft de voorkeur.', source, 8)).toEqual(
      [],
    );
  });

  it('treats hyphens both as dropped and as word breaks', () => {
    const hyphenated = runSet(
      ['een of-ofverhaal naar een en-enverhaal in het jeugdwerk vandaag'],
      8,
    );
    expect(
      copiedRuns('een of ofverhaal naar een en enverhaal in het jeugdwerk', hyphenated, 8),
    ).not.toEqual([]);
  });
});

const seedFiles = fs.existsSync(SEEDS_DIR)
  ? fs.readdirSync(SEEDS_DIR).filter((f) => /\.(txt|md)$/.test(f))
  : [];

describe('guide texts in nl and en', () => {
  it('have the seed documents to compare against', () => {
    expect({ SEEDS_DIR, found: seedFiles.length }).toEqual({ SEEDS_DIR, found: expect.any(Number) });
    expect(seedFiles.length).toBeGreaterThan(0);
  });

  const seedRuns = runSet(
    seedFiles.map((f) => fs.readFileSync(path.join(SEEDS_DIR, f), 'utf8')),
    RUN_LENGTH,
  );

  it.each(GUIDE_LOCALES)(`share no run of ${RUN_LENGTH} words with a seed: %s`, (file) => {
    const texts = stringsOf(JSON.parse(fs.readFileSync(file, 'utf8')));
    expect(texts.length).toBeGreaterThan(100);
    const copied = texts
      .map(({ key, text }) => ({ key, runs: copiedRuns(text, seedRuns, RUN_LENGTH) }))
      .filter((c) => c.runs.length > 0)
      .map((c) => `${c.key}: "${c.runs.join('" / "')}"`);
    expect(copied).toEqual([]);
  });
});
