import { translator, type Locale } from '../../src/i18n';
import { documentInput } from '../../src/export';
import {
  buildDocument,
  documentFile,
  documentsOf,
  type PlanDocument,
} from '../../src/presentation';
import type { PlanState } from '../../src/guide';
import { realGuide, T0 } from '../helpers/plans';
import { docxParagraphs, markdownText, textsOf } from './document-text';
import { halfPlan, ZELE, ZELE_EN, zelePlan } from './zele-plan';

// What a college secretary needs before a document can go on the agenda or out of the house:
// no code keys, no tips to the drafting team, placeholders for the municipality's own parts.

const guide = realGuide();

/** "open.what.results", "questions.x.choices.y": an i18n key that reached the page. */
const I18N_KEY = /\b[a-z][A-Za-z]+(?:\.[a-z][A-Za-z0-9]+)+\b/g;

const plans: [string, Locale, () => PlanState][] = [
  ['full', 'nl', () => zelePlan()],
  ['full', 'en', () => zelePlan(ZELE_EN)],
  ['half', 'nl', () => halfPlan()],
  ['half', 'en', () => halfPlan(ZELE_EN)],
];

function build(state: PlanState, locale: Locale) {
  const input = documentInput(guide, state, locale, T0);
  const docs = documentsOf(input.ctx).map((id) => buildDocument(id, input));
  return { input, docs };
}

const bodyOf = (doc: PlanDocument) => textsOf(doc).map((x) => x.text);
const textOf = (doc: PlanDocument) => bodyOf(doc).join('\n');

describe('the key pattern', () => {
  it('catches the keys that leaked before, and not ordinary text', () => {
    expect('[nog te beslissen: open.what.processCriteria]'.match(I18N_KEY)).toEqual([
      'open.what.processCriteria',
    ]);
    expect('De gemeente Zele (bv. financiën, e.g. HR), 80 à 100 %.'.match(I18N_KEY)).toBeNull();
  });
});

describe.each(plans)('the %s plan in %s', (kind, locale, plan) => {
  const t = translator(locale);
  const { input, docs } = build(plan(), locale);
  const note = docs.find((d) => d.id === 'collegeNote')!;
  const fill = (what: string) =>
    t('documents:open.fill', { what: t(`documents:open.own.${what}`) });

  it('shows no i18n key in any rendered document, Word or Markdown', async () => {
    for (const doc of docs) {
      const md = markdownText((await documentFile(doc.id, input, 'md')).content as string)
        // Links keep their address in Markdown; the address is not text a reader reads.
        .replace(/\]\([^)]*\)/g, ']');
      const word = (
        await docxParagraphs((await documentFile(doc.id, input, 'docx')).content as Buffer)
      )
        .map((p) => p.text)
        .join('\n');
      expect({ doc: doc.id, keys: md.match(I18N_KEY) }).toEqual({ doc: doc.id, keys: null });
      expect({ doc: doc.id, keys: word.match(I18N_KEY) }).toEqual({ doc: doc.id, keys: null });
    }
  });

  it('addresses no drafting tips to the reader', () => {
    const labels = ['tip', 'caution'].map((s) => t(`bot:advice.label.suggestion.${s}`));
    for (const doc of docs) for (const label of labels) expect(textOf(doc)).not.toContain(label);
    expect(textOf(note)).not.toContain(t('bot:advice.label.tip') + ':');
    // Points of attention are worded for the college, not as instructions to the team.
    expect(textOf(note)).not.toMatch(
      locale === 'nl'
        ? /\b(Bespreek|Weeg|help contacten|kies samen|jullie|leg de verwachting)\b/
        : /\b(Discuss|Weigh|Those of you|choose together|yourselves|set the expectation)\b/,
    );
  });

  it('rewords only points of attention that exist in the steering brief', () => {
    const own = Object.keys(t('documents:attention', { returnObjects: true }));
    expect(own.length).toBeGreaterThan(0);
    const steering = t('steering:attention', { returnObjects: true }) as Record<string, string>;
    for (const id of own) expect(Object.keys(steering)).toContain(id);
  });

  it('leaves the reason, competence, credit, visum and advisers to the municipality', () => {
    for (const own of ['reason', 'competence', 'credit', 'visum', 'advices', 'budgetCode'])
      expect(note.open).toContain(fill(own));
    // The advisers are named as examples only: the DPO and the youth council.
    expect(fill('advices')).toMatch(
      locale === 'nl' ? /gegevensbescherming.*jeugdraad/ : /data protection officer.*youth council/,
    );
  });

  it('approves the use of the budget instead of having the college provide it', () => {
    const art3 = bodyOf(note).find((x) =>
      x.startsWith(t('documents:note.decision.article', { n: 3 })),
    )!;
    expect(art3).toContain(fill('budgetCode'));
    expect(art3).not.toMatch(locale === 'nl' ? /voorziet/ : /provides/);
  });

  it('approves the annexed evaluation framework, and the commitment statement when partners sign one', () => {
    const body = bodyOf(note);
    expect(body.some((x) => x.endsWith(t('documents:note.decision.evaluationFrame')))).toBe(true);
    const signs = kind === 'full';
    expect(body.some((x) => x.endsWith(t('documents:note.decision.commitment')))).toBe(signs);
  });

  it('asks for grade, diploma and selection procedure in the vacancy', () => {
    const vacancy = docs.find((d) => d.id === 'vacancy')!;
    for (const own of ['grade', 'diploma', 'selectionProcedure', 'salaryScale'])
      expect(vacancy.open).toContain(fill(own));
  });

  it("leaves the partner's commitment, the period and the contacts open, in words partners know", () => {
    const commitment = docs.find((d) => d.id === 'commitment')!;
    for (const own of ['partnerCommitment', 'period', 'contacts', 'orgCommitment'])
      expect(commitment.open).toContain(fill(own));
    expect(textOf(commitment)).not.toMatch(locale === 'nl' ? /\bhet plan\b/i : /\bthe plan\b/i);
  });

  it('writes whole sentences: no doubled intervision, no "1 person", no ranking, the municipality in lower case', () => {
    for (const doc of docs) {
      const text = textOf(doc);
      expect(text).not.toMatch(
        /intervisie en intervisie|intervision \(peer supervision\) and intervision/i,
      );
      expect(text).not.toMatch(/verdeeld over 1 |shared by 1 /);
      expect(text).not.toMatch(/wegen .*het zwaarst|weigh most/);
      expect(text).not.toMatch(
        locale === 'nl' ? /[a-z,] Gemeente Zele/ : /[a-z,] Municipality of Zele/,
      );
      expect(text).not.toMatch(
        /functionele bruggen bouwt en netwerkmakelaar|bridges and network broker/,
      );
    }
    // Own hire while trust is mixed: the administration gives its own reason, nothing invented.
    const reason = t('documents:open.fill', { what: t('documents:open.own.routeReason') });
    expect(note.open.includes(reason)).toBe(kind === 'full');
    const intro = bodyOf(note)[1]!;
    expect(
      intro.startsWith(locale === 'nl' ? 'De gemeente Zele wil' : 'The municipality of Zele'),
    ).toBe(true);
  });

  it('lists each source document once under Bronnen, with the parts it cites', async () => {
    for (const doc of docs) {
      const md = (await documentFile(doc.id, input, 'md')).content as string;
      const list = md.slice(md.indexOf(`## ${doc.sourcesTitle}`));
      const docsCited = new Set(doc.sources.map((s) => s.doc));
      expect(list.split('\n').filter((l) => l.startsWith('- ['))).toHaveLength(docsCited.size);
      for (const s of doc.sources) expect(list).toContain(`\\[${s.n}\\] ${s.title}`);
    }
  });
});

describe('the tender for an external partner', () => {
  it("evaluates the execution of the assignment, not the contractor's employee", () => {
    for (const [locale, answers] of [
      ['nl', ZELE],
      ['en', ZELE_EN],
    ] as const) {
      const t = translator(locale);
      const { docs } = build(halfPlan(answers), locale);
      const text = textOf(docs.find((d) => d.id === 'tender')!);
      expect(text).toContain(
        locale === 'nl'
          ? 'evalueert de uitvoering van de opdracht'
          : 'evaluates the execution of the assignment',
      );
      expect(text).not.toMatch(/functioneren|performance/);
      const tender = docs.find((d) => d.id === 'tender')!;
      for (const own of ['tenderDuration', 'priceForm', 'processorAgreement', 'selectionCriteria'])
        expect(tender.open).toContain(
          t('documents:open.fill', { what: t(`documents:open.own.${own}`) }),
        );
      expect(t('documents:tender.reporting')).not.toMatch(/^(De ambassadeur|The ambassador)/);
    }
  });
});

describe('follow-up dates in the documents', () => {
  /** The plan with follow-up moments stored under the follow-up keys, with or without a start. */
  function withMoments(confirmed: boolean): PlanState {
    const state = zelePlan();
    const like = state.answers.orgName!;
    const add = (key: string, value: string) => (state.answers[key] = { ...like, value });
    add('fu.m1.date', '2027-05-23');
    add('fu.m2.date', '2027-11-23');
    if (confirmed) add('fu.start', '2026-11-23');
    return state;
  }

  it("carries only a confirmed schedule, and the plan's own moments either way", () => {
    const proposed = documentInput(guide, withMoments(false), 'nl', T0);
    expect(proposed.followUpDates).toEqual([]);
    const confirmed = documentInput(guide, withMoments(true), 'nl', T0);
    // 23 May 2027 is a Sunday: the documents name the Monday, the day the check-in goes out.
    expect(confirmed.followUpDates).toEqual(['2027-05-24', '2027-11-23']);
    const frame = buildDocument('evaluation', proposed);
    expect(textOf(frame)).toContain(ZELE.followUpMoments);
    expect(textOf(frame)).not.toContain('2027');
    expect(textOf(buildDocument('evaluation', confirmed))).toContain('24 mei 2027');
  });
});
