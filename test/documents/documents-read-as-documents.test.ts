import { translator, type Locale } from '../../src/i18n';
import { documentInput } from '../../src/export';
import {
  buildDocument,
  documentFile,
  documentsOf,
  type PlanDocument,
} from '../../src/presentation';
import { realGuide, T0 } from '../helpers/plans';
import { docxParagraphs, markdownText, textsOf } from './document-text';
import { halfPlan, ZELE, ZELE_EN, zelePlan } from './zele-plan';

const guide = realGuide();
const FOLLOW_UP = ['2027-03-01', '2027-07-01'];

function documents(state: ReturnType<typeof zelePlan>, locale: Locale) {
  const input = { ...documentInput(guide, state, locale, T0), followUpDates: FOLLOW_UP };
  return { input, docs: documentsOf(input.ctx).map((id) => buildDocument(id, input)) };
}

/** The section headings each document must have, whatever was answered. */
const HEADINGS: Record<PlanDocument['id'], string[]> = {
  collegeNote: [
    'note.context.title',
    'note.legal.title',
    'note.advices.title',
    'note.argument.title',
    'note.finance.title',
    'note.attention.title',
    'note.decision.title',
  ],
  vacancy: ['vacancy.jobTitle', 'vacancy.tasksTitle', 'vacancy.profileTitle', 'vacancy.offerTitle'],
  tender: ['tender.subjectTitle', 'tender.tasksTitle', 'tender.framingTitle', 'tender.awardTitle'],
  commitment: ['commitment.askTitle', 'commitment.offerTitle', 'commitment.signTitle'],
  evaluation: [
    'evaluation.goalsTitle',
    'evaluation.indicatorsTitle',
    'evaluation.successTitle',
    'evaluation.registrationTitle',
    'evaluation.reportingTitle',
  ],
  beliefsNote: ['beliefs.beliefsTitle', 'beliefs.expectationsTitle'],
};

const cases: [string, Locale, () => ReturnType<typeof zelePlan>, string][] = [
  ['a complete plan', 'nl', () => zelePlan(), ZELE.orgName!],
  ['a complete plan', 'en', () => zelePlan(ZELE_EN), ZELE_EN.orgName!],
  ['a plan stopped halfway', 'nl', () => halfPlan(), ZELE.orgName!],
  ['a plan stopped halfway', 'en', () => halfPlan(ZELE_EN), ZELE_EN.orgName!],
];

describe.each(cases)('the documents of %s, in %s', (kind, locale, plan, org) => {
  const t = translator(locale);
  const { input, docs } = documents(plan(), locale);
  const questionLabels = guide.definition.steps
    .flatMap((s) => s.parts.flatMap((p) => p.questions))
    .map((q) => t(`guide:questions.${q.id}.label`));
  const answeredBy = t('bot:step.answeredBy', { name: '', when: '' }).split(' ')[0]!;

  it('yields at least four documents, each with its headings, naming the organisation', () => {
    expect(docs.length).toBeGreaterThanOrEqual(5);
    for (const doc of docs) {
      const headings = doc.blocks.flatMap((b) => (b.kind === 'heading' ? [b.text] : []));
      for (const key of HEADINGS[doc.id]) expect(headings).toContain(t(`documents:${key}`));
      const body = textsOf(doc).map((x) => x.text);
      // In running text the name reads "de gemeente Zele".
      expect(body.some((text) => text.toLowerCase().includes(org.toLowerCase()))).toBe(true);
    }
  });

  it('contains no question labels and no "filled in by" lines; contributors once, at the end', () => {
    for (const doc of docs) {
      const all = [doc.title, ...textsOf(doc).map((x) => x.text)].join('\n');
      for (const label of questionLabels) expect(all).not.toContain(label);
      expect(all).not.toContain(answeredBy);
      expect(doc.closing).toContain(t('documents:closing', { names: '', date: '' }).split(' ')[0]);
    }
  });

  it('lists every placeholder of the text under "Nog open", and the same ones in both files', async () => {
    for (const doc of docs) {
      const inText = textsOf(doc).flatMap((x) =>
        x.parts.flatMap((p) => (typeof p === 'object' && 'open' in p ? [p.open] : [])),
      );
      expect([...new Set(inText)].sort()).toEqual([...doc.open].sort());
      const md = markdownText((await documentFile(doc.id, input, 'md')).content as string);
      const word = (
        await docxParagraphs((await documentFile(doc.id, input, 'docx')).content as Buffer)
      ).map((p) => p.text);
      const openAt = md.indexOf(doc.openTitle);
      for (const open of doc.open) {
        expect(md.indexOf(open)).toBeGreaterThan(openAt);
        expect(word).toContain(open);
      }
      // Markdown carries the same content: every paragraph, item and cell of the Word file.
      for (const { text } of textsOf(doc)) {
        expect(md.replace(/\s+/g, ' ')).toContain(text.replace(/\s+/g, ' ').trim());
        if (text.trim()) expect(word.join('\n')).toContain(text.trim());
      }
    }
  });

  if (kind === 'a complete plan') {
    it('writes the chosen options as prose, and leaves only the parts the sources cannot give', () => {
      const note = docs.find((d) => d.id === 'collegeNote')!;
      const text = textsOf(note)
        .map((x) => x.text)
        .join('\n');
      expect(text).toContain(t('documents:facts.percent', { n: '80' }));
      expect(text).toContain(t('documents:facts.indefinite'));
      expect(text).toContain(locale === 'nl' ? ZELE.hostService : ZELE_EN.hostService);
      expect(text).toContain(t('guide:questions.successDefinition.choices.enrolsAfterTrial'));
      expect(text).toContain(t('documents:note.argument.bothSides', { cite: '[5]' }).slice(0, 30));
      expect(
        note.open.every((o) => o.startsWith(t('documents:open.fill', { what: '' }).slice(0, 12))),
      ).toBe(true);
      expect(docs.map((d) => d.id)).toEqual([
        'collegeNote',
        'vacancy',
        'commitment',
        'evaluation',
        'beliefsNote',
      ]);
    });
  } else {
    it('still writes every document, with what is not decided as placeholders', () => {
      const note = docs.find((d) => d.id === 'collegeNote')!;
      const decide = (id: string) =>
        t('documents:open.decide', { what: t(`documents:open.what.${id}`) });
      expect(note.open).toEqual(
        expect.arrayContaining([decide('durationType'), decide('workingTime'), decide('employer')]),
      );
      // Step 4 is not answered: both the vacancy and the tender.
      expect(docs.map((d) => d.id)).toEqual([
        'collegeNote',
        'vacancy',
        'tender',
        'commitment',
        'evaluation',
        'beliefsNote',
      ]);
    });
  }
});
