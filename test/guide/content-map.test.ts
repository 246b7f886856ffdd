import fs from 'node:fs';
import path from 'node:path';
import { loadGuideDefinition } from '../../src/guide/load-definition';
import { paths, repoRoot } from '../../src/paths';

type Tree = { [key: string]: string | Tree };

const definition = loadGuideDefinition();
const steps = definition.steps;
const parts = steps.flatMap((s) => s.parts);
const questions = parts.flatMap((p) => p.questions);
const groups = parts.flatMap((p) => p.resources);
const locales = {
  nl: JSON.parse(fs.readFileSync(path.join(paths.locales, 'nl', 'guide.json'), 'utf8')) as Tree,
  en: JSON.parse(fs.readFileSync(path.join(paths.locales, 'en', 'guide.json'), 'utf8')) as Tree,
};
const contentMap = fs.readFileSync(path.join(repoRoot, 'docs', 'content-map.md'), 'utf8');

/** The instrument's own sections (seed 001): each must be carried by at least one guide item. */
const INSTRUMENT_SECTIONS = [
  'intro',
  's1Beliefs',
  's1Reading',
  's2Context',
  's2Talks',
  's2Lifeworld',
  's3Focus',
  's3Strategies',
  's3Profile',
  's3Budget',
  's3Duration',
  's4Hire',
  's5Support',
  's6Goals',
  's6SupplySide',
  's6DemandSide',
  's6Benchmark',
  's6Success',
  's6Criteria',
  's6Registration',
  's6FollowUp',
];

function textAt(tree: Tree, key: string): string {
  const found = lookup(tree, key);
  return typeof found === 'string' ? found : '';
}

function lookup(tree: Tree, key: string): string | Tree | undefined {
  return key
    .split('.')
    .reduce<string | Tree | undefined>(
      (node, segment) => (node && typeof node === 'object' ? node[segment] : undefined),
      tree,
    );
}

/** Every key the guide needs in a locale, derived from the definition. */
function requiredKeys(): string[] {
  const keys: string[] = [];
  for (const s of steps) keys.push(`steps.${s.id}.title`, `steps.${s.id}.intro`);
  for (const p of parts) keys.push(`parts.${p.id}.title`, `parts.${p.id}.intro`);
  for (const q of questions) {
    keys.push(`questions.${q.id}.label`, `questions.${q.id}.help`);
    if (q.examples) keys.push(`questions.${q.id}.examples`);
    for (const c of q.choices ?? []) keys.push(`questions.${q.id}.choices.${c.id}`);
  }
  for (const g of groups) keys.push(`resourceGroups.${g.id}`);
  for (const r of definition.advice) {
    keys.push(`advice.${r.id}.text`);
    if (r.reasons.length === 0) keys.push(`advice.${r.id}.reason`);
    for (const reason of r.reasons) keys.push(`advice.${r.id}.reasons.${reason.id}`);
  }
  return keys;
}

/** Every leaf key a locale holds that the definition can explain (placeholders are optional). */
function allowedKeys(): Set<string> {
  const allowed = new Set(requiredKeys());
  for (const q of questions) allowed.add(`questions.${q.id}.placeholder`);
  return allowed;
}

function leafKeys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : leafKeys(v, `${prefix}${k}.`),
  );
}

/** Sentences in a help text; abbreviations such as "bv." and "e.g." do not end one. */
function sentenceCount(text: string): number {
  const plain = text.replace(/\b(bv|e\.g|i\.e|vb|o\.a|enz)\./gi, '$1');
  return plain.split(/[.!?…](?:\s|$)/).filter((s) => s.trim().length > 0).length;
}

describe('the guide definition', () => {
  it('has six steps, each with at least one question', () => {
    expect(steps.map((s) => s.id)).toEqual(['s1', 's2', 's3', 's4', 's5', 's6']);
    const empty = steps.filter((s) => s.parts.flatMap((p) => p.questions).length === 0);
    expect(empty.map((s) => s.id)).toEqual([]);
  });

  it('uses every section of the instrument at least once', () => {
    const used = new Set([
      ...parts.map((p) => p.source),
      ...questions.map((q) => q.source),
      ...definition.advice.flatMap((r) => r.sources),
    ]);
    expect(INSTRUMENT_SECTIONS.filter((id) => !used.has(id))).toEqual([]);
  });

  it('shows no placeholder in advice texts: advice never computes figures', () => {
    for (const rule of definition.advice) {
      for (const tree of Object.values(locales)) {
        expect({ rule: rule.id, text: textAt(tree, `advice.${rule.id}.text`) }).not.toEqual(
          expect.objectContaining({ text: expect.stringMatching(/\{\{/) }),
        );
      }
    }
  });
});

describe.each(Object.entries(locales))('locales/%s/guide.json', (_lng, tree) => {
  it('has a non-empty text for every key the guide needs', () => {
    const missing = requiredKeys().filter((key) => {
      const value = lookup(tree, key);
      return typeof value !== 'string' || value.trim() === '';
    });
    expect(missing).toEqual([]);
  });

  it('holds no key the guide does not use', () => {
    const allowed = allowedKeys();
    expect(leafKeys(tree).filter((key) => !allowed.has(key))).toEqual([]);
  });

  it('keeps help texts to at most four sentences', () => {
    const long = questions
      .map((q) => ({
        id: q.id,
        sentences: sentenceCount(textAt(tree, `questions.${q.id}.help`)),
      }))
      .filter((h) => h.sentences > 4);
    expect(long).toEqual([]);
  });
});

describe('docs/content-map.md', () => {
  it('names every step, part, question, advice rule and source the guide uses', () => {
    const ids = [
      ...steps.map((s) => s.id),
      ...parts.map((p) => p.id),
      ...questions.map((q) => q.id),
      ...definition.advice.map((r) => r.id),
      ...new Set([
        ...[...parts, ...questions].map((i) => i.source),
        ...definition.advice.flatMap((r) => r.sources),
      ]),
    ];
    const mentioned = (id: string) => new RegExp(`\`${id}\``).test(contentMap);
    expect(ids.filter((id) => !mentioned(id))).toEqual([]);
  });
});
