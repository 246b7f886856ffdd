import { LOCALES } from '../../src/i18n';
import {
  loadKnowledgeBase,
  MAX_ANSWER_SENTENCES,
  MAX_TITLE_LENGTH,
} from '../../src/qna/knowledge-base';
import { countSentences } from '../../src/qna/text';

describe('the Q&A knowledge base', () => {
  const kb = loadKnowledgeBase();

  it('loads between 60 and 90 entries with unique camelCase ids', () => {
    expect(kb.entries.length).toBeGreaterThanOrEqual(60);
    expect(kb.entries.length).toBeLessThanOrEqual(90);
    const ids = kb.entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-zA-Z0-9]*$/);
  });

  it('has short titles, answers of at most three sentences and at least four variants in both locales', () => {
    for (const entry of kb.entries) {
      for (const lng of LOCALES) {
        const t = entry.texts[lng];
        expect({ id: entry.id, lng, titleFits: t.title.length <= MAX_TITLE_LENGTH }).toEqual({
          id: entry.id,
          lng,
          titleFits: true,
        });
        expect(countSentences(t.answer)).toBeLessThanOrEqual(MAX_ANSWER_SENTENCES);
        expect(t.more.length).toBeGreaterThan(t.answer.length / 3);
        expect(t.variants.length).toBeGreaterThanOrEqual(4);
      }
    }
  });

  it('links only to guide steps 1 to 6 and explains every step in an entry of its own', () => {
    for (const entry of kb.entries)
      for (const s of entry.relatedSteps) expect([1, 2, 3, 4, 5, 6]).toContain(s);
    for (const step of [1, 2, 3, 4, 5, 6]) {
      expect(kb.byId.get(`step${step}`)?.relatedSteps).toEqual([step]);
    }
  });

  it('covers the key facts: referral moments, benchmark, working time, duration and the six strategies', () => {
    const nl = (id: string): string => kb.byId.get(id)?.texts.nl.answer ?? '';
    expect(nl('successfulReferral')).toMatch(
      /proefsessies[\s\S]*zes tot acht maanden[\s\S]*volgende werkjaar/,
    );
    expect(nl('benchmark')).toMatch(/80[\s\S]*60 tot 70[\s\S]*indicatie[\s\S]*norm/);
    // The instrument gives no figure for part-time jobs, so neither may the bot.
    expect(nl('benchmark')).not.toMatch(/\b(40|30|35)\b/);
    expect(nl('workingTime')).toMatch(/halftijdse[\s\S]*80 tot 100%[\s\S]*twee collega/);
    expect(nl('duration')).toMatch(/onbepaalde duur[\s\S]*drie jaar/);
    const strategies = kb.entries.filter(
      (e) => e.id.startsWith('strategy') && e.id !== 'strategiesOverview',
    );
    expect(strategies).toHaveLength(6);
  });
});
