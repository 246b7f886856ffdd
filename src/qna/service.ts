import type { Locale } from '../i18n';
import { resolveSource } from '../sources';
import { createAnalyzer } from './analyzer';
import { RetrievalAnswerer, type Answerer } from './answerer';
import { loadKnowledgeBase, type KbEntry, type KnowledgeBase } from './knowledge-base';
import { loadOffTopicWords } from './off-topic';
import { Retriever } from './retriever';
import type { QnaAnswer, QnaDecline, QnaService } from './types';

// Chat messages longer than this are not quick questions; cutting them keeps the work per turn bounded.
const MAX_QUESTION_LENGTH = 500;

export interface AnswererDeps {
  kb: KnowledgeBase;
  retriever: Retriever;
}

export interface QnaServiceOptions {
  /** Builds the answerer from the loaded KB and index; defaults to plain retrieval. */
  answerer?: (deps: AnswererDeps) => Answerer;
  /** Serves these entries instead of content/qna (e.g. the bench's synthetic 10 000-entry KB). */
  knowledgeBase?: KnowledgeBase;
}

function toAnswer(entry: KbEntry, locale: Locale, score: number, text?: string): QnaAnswer {
  const texts = entry.texts[locale];
  const sources = entry.sources.map((id) => {
    const s = resolveSource(id, locale);
    return { docTitle: s.docTitle, sectionTitle: s.sectionTitle, url: s.url };
  });
  return {
    kind: 'answer',
    entryId: entry.id,
    claim: entry.kind,
    title: texts.title,
    text: text ?? texts.answer,
    more: texts.more,
    sources,
    relatedSteps: [...entry.relatedSteps],
    score,
  };
}

/**
 * Loads and validates the KB at once (a broken KB fails start-up) and builds the search index
 * once, with the first question; share the returned service, since every question then runs
 * against the in-memory index only.
 */
export function createQnaService(options: QnaServiceOptions = {}): QnaService {
  const kb = options.knowledgeBase ?? loadKnowledgeBase();
  // The index (~200 ms for the real KB) is built with the first question, not at start-up: the
  // first turns (welcome, step cards) only look entries up by id.
  let answerer: Answerer | undefined;
  const answererNow = (): Answerer => {
    if (answerer) return answerer;
    const retriever = new Retriever(kb, createAnalyzer(), loadOffTopicWords());
    answerer = options.answerer?.({ kb, retriever }) ?? new RetrievalAnswerer(retriever);
    return answerer;
  };

  const entry = (id: string): KbEntry | undefined => kb.byId.get(id);

  return {
    ask(question: string, locale: Locale): QnaAnswer | QnaDecline {
      const draft = answererNow().answer(question.slice(0, MAX_QUESTION_LENGTH), locale);
      if (draft.kind === 'answer') {
        const found = entry(draft.entryId);
        if (found) return toAnswer(found, locale, draft.confidence, draft.text);
        return { kind: 'decline', suggestions: [] };
      }
      const suggestions = draft.suggestionIds.flatMap((id) => {
        const found = entry(id);
        return found ? [{ entryId: id, title: found.texts[locale].title }] : [];
      });
      return { kind: 'decline', suggestions };
    },
    byId(entryId: string, locale: Locale): QnaAnswer | undefined {
      const found = entry(entryId);
      return found ? toAnswer(found, locale, 1) : undefined;
    },
    entryIds(): string[] {
      return kb.entries.map((e) => e.id);
    },
  };
}
