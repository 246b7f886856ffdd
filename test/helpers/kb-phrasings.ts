import fs from 'node:fs';
import path from 'node:path';
import { paths } from '../../src/paths';

export interface Phrasing {
  where: string;
  text: string;
}

/** Every question the KB indexes as phrasing (variants) or topic label (title), both locales. */
export function kbPhrasings(): Phrasing[] {
  const out: Phrasing[] = [];
  for (const lng of ['nl', 'en']) {
    const file = path.join(paths.locales, lng, 'qna.json');
    const bundle = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      entries: Record<string, { title: string; variants: string[] }>;
    };
    for (const [id, texts] of Object.entries(bundle.entries)) {
      out.push({ where: `${lng} ${id} title`, text: texts.title });
      texts.variants.forEach((v, i) => out.push({ where: `${lng} ${id} variants[${i}]`, text: v }));
    }
  }
  return out;
}
