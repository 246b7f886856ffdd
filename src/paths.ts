import path from 'node:path';

/** Repository root, valid both from `src/` (ts-jest) and from `dist/src/` (built). */
export const repoRoot = path.resolve(
  __dirname,
  __dirname.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..',
);

export const paths = {
  locales: path.join(repoRoot, 'locales'),
  content: path.join(repoRoot, 'content'),
  cards: path.join(repoRoot, 'cards'),
  public: path.join(repoRoot, 'public'),
};
