import path from 'node:path';
import { repoRoot } from '../../src/paths';
import { citationEntity, citationEntitySchema, createQnaService } from '../../src/qna';
import { blindRoundDirs, loadBlindSet } from '../helpers/qna-blind-eval';
import { loadEvalSet } from '../helpers/qna-eval';
import { loadPassages } from '../../src/qna/passages';
import { translator } from '../../src/i18n';

const service = createQnaService();
const seedSentences = new Set(loadPassages().flatMap((s) => s.paragraphs.flat()));

// Questions on details of the seeds that no curated entry covers: a Kortrijk episode, a remark
// of the ambassador, the holiday-only initiatives of step 2 (which names "computer" and
// "zomervakantie", words the off-topic list holds).
const PASSAGE_ONLY = [
  { q: 'wat gebeurde er met het zwembad in kortrijk', section: 'krInternal', has: /QR-code/ },
  {
    q: 'moet je om 9 uur aan je computer zitten om je kind in te schrijven voor een kamp',
    section: 'krInternal',
    has: /negen uur aan je computer/,
  },
  {
    q: 'zijn er initiatieven in de zomervakantie waar ik rekening mee moet houden',
    section: 's2Talks',
    has: /schoolvakanties/,
  },
];

describe('a question only a seed passage answers', () => {
  it.each(PASSAGE_ONLY)('"$q" gets a quote from $section', ({ q, section, has }) => {
    const answer = service.ask(q, 'nl');
    expect(answer).toMatchObject({ kind: 'answer', claim: 'quote', entryId: `passage:${section}` });
    if (answer.kind !== 'answer') return;
    expect(answer.text).toMatch(has);
    const sentences = answer.text.split('\n');
    expect(sentences.length).toBeGreaterThanOrEqual(1);
    expect(sentences.length).toBeLessThanOrEqual(3);
    expect(sentences.filter((s) => !seedSentences.has(s))).toEqual([]);
    expect(answer.sources).toHaveLength(1);
    expect(answer.title).toBe(
      translator('nl')(`qna:ui.quoteFrom.${section.startsWith('kr') ? 'kortrijk' : 'instrument'}`),
    );
  });

  it('is quoted in Dutch for an English user, under an English title and source', () => {
    const nl = service.ask(PASSAGE_ONLY[0]!.q, 'nl');
    const en = service.ask(PASSAGE_ONLY[0]!.q, 'en');
    if (nl.kind !== 'answer' || en.kind !== 'answer') throw new Error('expected two quotes');
    expect(en.text).toBe(nl.text);
    expect(en.title).toBe('From the Kortrijk practice story');
    expect(en.more).toMatch(/Kortrijk/);
    expect(translator('en')('qna:ui.quoteNote')).toMatch(/in Dutch/);
  });

  it('carries a Teams citation like a curated answer', () => {
    const answer = service.ask(PASSAGE_ONLY[0]!.q, 'nl');
    if (answer.kind !== 'answer') throw new Error('expected a quote');
    const parsed = citationEntitySchema.safeParse(citationEntity(answer));
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it('still leaves every out-of-scope question of every eval set unanswered by a quote', () => {
    const evalDir = path.join(repoRoot, 'test', 'qna-eval');
    const questions = [
      ...loadEvalSet(evalDir).outOfScope.map((o) => ({ q: o.q, lang: 'nl' as const })),
      ...blindRoundDirs(evalDir).flatMap((dir) =>
        loadBlindSet(dir).outOfScope.map((o) => ({ q: o.question, lang: o.lang })),
      ),
    ];
    expect(questions.length).toBeGreaterThan(60);
    const quoted = questions.filter(({ q, lang }) => {
      const a = service.ask(q, lang);
      return a.kind === 'answer' && a.claim === 'quote';
    });
    expect(quoted).toEqual([]);
  });

  it('declines what neither an entry nor a passage covers', () => {
    expect(service.ask('wanneer begint de zomervakantie dit jaar', 'nl').kind).toBe('decline');
    expect(service.ask('hoeveel kost een brood bij de bakker in Kortrijk', 'nl').kind).toBe(
      'decline',
    );
  });
});
