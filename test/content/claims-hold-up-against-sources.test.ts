import fs from 'node:fs';
import path from 'node:path';
import { loadGuideDefinition } from '../../src/guide/load-definition';
import { paths } from '../../src/paths';
import { loadKnowledgeBase } from '../../src/qna';
import { foldAccents } from '../../src/qna/text';
import { docOfSection, sectionPassage } from '../../src/sources';
import { SEED_DIR } from '../helpers/seeds';
import { documentInput } from '../../src/export';
import { buildDocument, documentsOf } from '../../src/presentation';
import { textsOf } from '../documents/document-text';
import { ZELE, ZELE_EN, zelePlan } from '../documents/zele-plan';
import { realGuide } from '../helpers/plans';

// Every figure Brugbot states must stand in the passage it cites (a wrong figure with a citation
// is the worst bug this product can have), and every quick answer must cite a passage that holds
// its key terms. Passages are cut from the seeds by the boundaries in content/sources.json.

type Tree = { [key: string]: string | Tree };
const locale = (lng: string, ns: string): Tree =>
  JSON.parse(fs.readFileSync(path.join(paths.locales, lng, `${ns}.json`), 'utf8')) as Tree;

const NUMBER_WORDS: Record<string, string> = {
  twee: '2',
  drie: '3',
  vier: '4',
  vijf: '5',
  zes: '6',
  zeven: '7',
  acht: '8',
  negen: '9',
  tien: '10',
  elf: '11',
  twaalf: '12',
  twintig: '20',
  dertig: '30',
  veertig: '40',
  vijftig: '50',
  zestig: '60',
  zeventig: '70',
  tachtig: '80',
  negentien: '19',
  honderd: '100',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  twelve: '12',
  nineteen: '19',
  twenty: '20',
  thirty: '30',
  forty: '40',
  fifty: '50',
  sixty: '60',
  seventy: '70',
  eighty: '80',
  hundred: '100',
};

/**
 * Figures in a text, as digits. Step numbers ("stap 3") are navigation and selection limits
 * ("kies er hoogstens 3", "choose up to 3") are instructions for the form, not claims.
 */
function figures(text: string): string[] {
  const plain = foldAccents(text)
    .replace(
      /\b(hoogstens|maximaal|max\.?|up to|at most|kies( er)?( de)?|choose( the)?)\s+(\d+|twee|drie|vier|vijf|two|three|four|five)\b/g,
      ' ',
    )
    .replace(/\b(stap|step|stappen|steps)\s+\d(\s*(en|and|tot|to|-|–)\s*\d)?/g, ' ');
  const out = new Set<string>();
  for (const m of plain.matchAll(/\d+/g)) out.add(String(Number(m[0])));
  for (const w of plain.split(/[^a-z]+/)) if (NUMBER_WORDS[w]) out.add(NUMBER_WORDS[w]);
  return [...out];
}

const passages = new Map<string, string>();
function passage(section: string): string {
  let text = passages.get(section);
  if (text === undefined) {
    text = foldAccents(sectionPassage(section, SEED_DIR)).replace(/\s+/g, ' ');
    passages.set(section, text);
  }
  return text;
}

/** Figures a text may state that no passage spells out, each with the arithmetic it explains. */
const EXPLAINED_ARITHMETIC: Record<string, string[]> = {
  // "two people at 80% make 160": the help text shows the sum it asks for.
  'questions.workingTime.help': ['160'],
  // Answer options and sample answers of Brugbot's own questions, not claims about the sources.
  'questions.supportGroupFrequency.choices': ['2'],
  'questions.followUpMoments.examples': ['2'],
};

/** Items a passage lists without numbering them: "three moments" counts the passage's bullets. */
const LISTED_ITEMS: Record<string, string[]> = {
  s1Beliefs: ['3'], // three expectations
  s6Success: ['3'], // three moments of a successful referral
  lkSession: ['6'], // the six steps
  lkStrategyExamples: ['6'], // Lokeren applies all six strategies
  pq179Findings: ['4'], // four bottlenecks, four successes
};

function unsupported(where: string, text: string, sections: string[]): string[] {
  const source = new Set(
    sections.flatMap((s) => [...figures(passage(s)), ...(LISTED_ITEMS[s] ?? [])]),
  );
  const allowed = EXPLAINED_ARITHMETIC[where] ?? [];
  return figures(text).filter((f) => !source.has(f) && !allowed.includes(f));
}

const guide = loadGuideDefinition();
const kb = loadKnowledgeBase();

describe.each(['nl', 'en'])('figures in the %s texts', (lng) => {
  const guideTexts = locale(lng, 'guide');
  const qna = locale(lng, 'qna');

  const steering = locale(lng, 'steering');

  it('every figure in an advice text or reason occurs in a passage the rule cites', () => {
    const problems = guide.advice.flatMap((rule) => {
      // The steering brief words each rule for the group; it makes the same claims.
      const texts = JSON.stringify([
        (guideTexts.advice as Tree)[rule.id],
        (steering.attention as Tree)[rule.id],
      ]);
      const bad = unsupported(`advice.${rule.id}`, texts, rule.sources);
      return bad.length ? [{ rule: rule.id, figures: bad }] : [];
    });
    expect(problems).toEqual([]);
  });

  it('every figure in a quick answer occurs in a passage the entry cites', () => {
    const problems = kb.entries.flatMap((entry) => {
      const t = (qna.entries as Tree)[entry.id] as Record<string, string>;
      const text = [t.title, t.answer, t.more].join(' ');
      const bad = unsupported(`entries.${entry.id}`, String(text), entry.sources);
      return bad.length ? [{ entry: entry.id, figures: bad }] : [];
    });
    expect(problems).toEqual([]);
  });

  it('every figure in a question or part text occurs in the passage it cites', () => {
    const problems: { where: string; figures: string[] }[] = [];
    for (const step of guide.steps) {
      for (const part of step.parts) {
        const partTexts = JSON.stringify((guideTexts.parts as Tree)[part.id]);
        const bad = unsupported(`parts.${part.id}`, partTexts, [part.source]);
        if (bad.length) problems.push({ where: `parts.${part.id}`, figures: bad });
        for (const q of part.questions) {
          const qt = (guideTexts.questions as Tree)[q.id] as Tree;
          for (const [key, value] of Object.entries(qt)) {
            const where = `questions.${q.id}.${key}`;
            const bad2 = unsupported(where, JSON.stringify(value), [q.source, part.source]);
            if (bad2.length) problems.push({ where, figures: bad2 });
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('sources of claims', () => {
  it("never cite the instrument for Brugbot's own suggestions", () => {
    const bad = guide.advice.filter(
      (r) => r.kind === 'suggestion' && r.sources.some((s) => docOfSection(s) === 'instrument'),
    );
    expect(bad.map((r) => r.id)).toEqual([]);
  });

  it('every quick answer cites at least one passage that holds all its key terms', () => {
    const problems = kb.entries.flatMap((entry) => {
      const terms = entry.keyTerms.map((t) => foldAccents(t));
      const ok = entry.sources.some((s) => terms.every((term) => passage(s).includes(term)));
      if (ok) return [];
      const missing = entry.sources.map((s) => ({
        section: s,
        missing: terms.filter((term) => !passage(s).includes(term)),
      }));
      return [{ entry: entry.id, missing }];
    });
    expect(problems).toEqual([]);
  });
});

// The documents written from a plan (src/presentation/documents) make claims too: wording under
// `cited.<section>` in locales/*/documents.json is checked against that section's passage, and
// no other document text may state a figure; the rendered documents of a complete plan are
// checked paragraph by paragraph against the passages they cite, the plan's own figures aside.
describe.each(['nl', 'en'] as const)('figures in the %s documents', (lng) => {
  it('every figure in a cited document text occurs in its passage; other texts state none', () => {
    const problems: { where: string; figures: string[] }[] = [];
    const walk = (tree: Tree, at: string[]) => {
      for (const [key, value] of Object.entries(tree)) {
        if (typeof value !== 'string') {
          walk(value, [...at, key]);
          continue;
        }
        const where = [...at, key].join('.');
        const text = value.replace(/\{\{[^}]*\}\}/g, ' ');
        const bad =
          at[0] === 'cited' ? unsupported(`documents.${where}`, text, [at[1]!]) : figures(text);
        if (bad.length) problems.push({ where, figures: bad });
      }
    };
    walk(locale(lng, 'documents'), []);
    expect(problems).toEqual([]);
  });

  it('every figure in the documents of a complete plan occurs in a passage the text cites', () => {
    const state = zelePlan(lng === 'en' ? ZELE_EN : ZELE);
    const input = documentInput(realGuide(), state, lng, new Date('2026-11-23T09:00:00Z'));
    const own = new Set(
      Object.values(state.answers).flatMap((a) =>
        figures(
          `${JSON.stringify(a.value)} ${typeof a.value === 'number' ? a.value.toLocaleString('nl-BE') : ''}`,
        ),
      ),
    );
    const problems = documentsOf(input.ctx).flatMap((id) => {
      const doc = buildDocument(id, input);
      return textsOf(doc).flatMap(({ parts, text }) => {
        const cited = parts.flatMap((p) =>
          typeof p === 'object' && 'cite' in p ? [doc.sources[p.cite - 1]!.section] : [],
        );
        if (cited.length === 0) return [];
        const written = parts.filter((p) => typeof p === 'string').join(' ');
        const source = new Set(
          cited.flatMap((s) => [...figures(passage(s)), ...(LISTED_ITEMS[s] ?? [])]),
        );
        const bad = figures(written).filter((f) => !own.has(f) && !source.has(f));
        return bad.length ? [{ document: id, text, figures: bad }] : [];
      });
    });
    expect(problems).toEqual([]);
  });
});
