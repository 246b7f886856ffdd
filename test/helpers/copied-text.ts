import fs from 'node:fs';
import path from 'node:path';
import { words } from '../../src/qna/text';

/** Run length that counts as copying: eight normalised words in a row. */
export const COPY_RUN = 8;

export interface LocaleString {
  /** e.g. "nl/qna.json.entries.focus.answer" */
  where: string;
  value: string;
}

export interface CopiedRun {
  where: string;
  run: string;
}

/** Every `n`-word run of a text, on words normalised as retrieval does (lowercase, no accents or punctuation). */
export function wordRuns(text: string, n = COPY_RUN): string[] {
  const w = words(text);
  const runs: string[] = [];
  for (let i = 0; i + n <= w.length; i += 1) runs.push(w.slice(i, i + n).join(' '));
  return runs;
}

/** All runs of all source documents, for constant-time look-ups. */
export function seedRunIndex(seedDir: string, n = COPY_RUN): Set<string> {
  const index = new Set<string>();
  for (const file of fs.readdirSync(seedDir).filter((f) => f.endsWith('.txt'))) {
    wordRuns(fs.readFileSync(path.join(seedDir, file), 'utf8'), n).forEach((r) => index.add(r));
  }
  return index;
}

function walk(
  value: unknown,
  where: string,
  skip: (where: string) => boolean,
  out: LocaleString[],
): void {
  if (skip(where)) return;
  if (typeof value === 'string') out.push({ where, value });
  else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${where}[${i}]`, skip, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) walk(v, `${where}.${k}`, skip, out);
  }
}

/**
 * Every string in locales/<lng>/*.json except what names or quotes users rather than tells:
 * the sources namespace (document and section titles) and the qna question variants.
 */
export function localeStrings(localesDir: string): LocaleString[] {
  const out: LocaleString[] = [];
  for (const lng of fs.readdirSync(localesDir)) {
    const dir = path.join(localesDir, lng);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const file of fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.json') && f !== 'sources.json')) {
      const json: unknown = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
      const skip = (where: string): boolean => file === 'qna.json' && /\.variants$/.test(where);
      walk(json, `${lng}/${file}`, skip, out);
    }
  }
  return out;
}

/** The runs of `strings` that also occur in the seed index, one per offending string and run. */
export function copiedRuns(strings: LocaleString[], index: Set<string>, n = COPY_RUN): CopiedRun[] {
  return strings.flatMap(({ where, value }) =>
    wordRuns(value, n)
      .filter((r) => index.has(r))
      .map((run) => ({ where, run })),
  );
}
