import { getI18n, type Locale } from '../../src/i18n';
import { QnaContentError, validateKnowledgeBase } from '../../src/qna/knowledge-base';

type Bundle = { ui: Record<string, string>; entries: Record<string, Record<string, unknown>> };

function realBundles(): Record<Locale, Bundle> {
  const i18n = getI18n();
  const copy = (lng: Locale): Bundle =>
    structuredClone(i18n.getResourceBundle(lng, 'qna') as Bundle);
  return { nl: copy('nl'), en: copy('en') };
}

const entry = (id: string, section = 'intro'): Record<string, unknown> => ({
  id,
  sources: [section],
  keyTerms: ['instrument'],
  relatedSteps: [],
});

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof QnaContentError) return error.problems;
    throw error;
  }
  return [];
}

describe('invalid Q&A content fails at load with a message naming the entry', () => {
  it('reports an entry whose texts are missing in one locale', () => {
    const bundles = realBundles();
    const raw = [entry('whatIsAmbassador')];
    bundles.en.entries = { whatIsAmbassador: bundles.en.entries.whatIsAmbassador! };
    bundles.nl.entries = {};
    expect(problemsOf(() => validateKnowledgeBase(raw, bundles))).toEqual([
      expect.stringMatching(/entry whatIsAmbassador: missing nl texts/),
    ]);
  });

  it("reports Brugbot's own suggestion that cites the instrument", () => {
    const bundles = realBundles();
    bundles.nl.entries = { focus: bundles.nl.entries.focus! };
    bundles.en.entries = { focus: bundles.en.entries.focus! };
    const own = { ...entry('focus', 's3Focus'), kind: 'suggestion' };
    expect(problemsOf(() => validateKnowledgeBase([own], bundles))).toEqual([
      "entry focus: Brugbot's own suggestion must not cite the instrument",
    ]);
  });

  it('reports an unknown source section', () => {
    const bundles = realBundles();
    bundles.nl.entries = { focus: bundles.nl.entries.focus! };
    bundles.en.entries = { focus: bundles.en.entries.focus! };
    expect(problemsOf(() => validateKnowledgeBase([entry('focus', 's9Nowhere')], bundles))).toEqual(
      ['entry focus: unknown section "s9Nowhere"'],
    );
  });

  it('reports an answer longer than three sentences', () => {
    const bundles = realBundles();
    const long = { ...bundles.en.entries.budget!, answer: 'One. Two. Three. Four.' };
    bundles.nl.entries = { budget: bundles.nl.entries.budget! };
    bundles.en.entries = { budget: long };
    expect(problemsOf(() => validateKnowledgeBase([entry('budget', 's3Budget')], bundles))).toEqual(
      [expect.stringMatching(/entry budget: en answer: answer longer than 3 sentences/)],
    );
  });

  it('reports texts for an entry that does not exist and a non-camelCase id', () => {
    const bundles = realBundles();
    bundles.nl.entries = { budget: bundles.nl.entries.budget! };
    bundles.en.entries = { budget: bundles.en.entries.budget! };
    const problems = problemsOf(() =>
      validateKnowledgeBase([entry('Budget-Entry', 's3Budget')], bundles),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/entry #0: id: id must be camelCase/),
        expect.stringMatching(/locales\/nl\/qna.json: texts for unknown entry budget/),
      ]),
    );
  });
});
