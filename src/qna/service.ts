import { translator, type Locale } from '../i18n';
import { resolveSource } from '../sources';
import { createAnalyzer } from './analyzer';
import { RetrievalAnswerer, type Answerer } from './answerer';
import { loadKnowledgeBase, type KbEntry, type KnowledgeBase } from './knowledge-base';
import { loadOffTopicWords } from './off-topic';
import { loadPassages, PassageIndex } from './passages';
import { Retriever } from './retriever';
import type { QnaAnswer, QnaDecline, QnaService } from './types';

// Chat messages longer than this are not quick questions; cutting them keeps the work per turn bounded.
const MAX_QUESTION_LENGTH = 500;

export interface AnswererDeps {
  kb: KnowledgeBase;
  retriever: Retriever;
  passages: PassageIndex;
}

export interface QnaServiceOptions {
  /** Builds the answerer from the loaded KB and index; defaults to plain retrieval. */
  answerer?: (deps: AnswererDeps) => Answerer;
  /** Serves these entries instead of content/qna (e.g. the bench's synthetic 1 000-entry KB). */
  knowledgeBase?: KnowledgeBase;
}

function source(sectionId: string, locale: Locale): QnaAnswer['sources'][number] {
  const { docTitle, sectionTitle, url } = resolveSource(sectionId, locale);
  return { docTitle, sectionTitle, url };
}

function toAnswer(entry: KbEntry, locale: Locale, score: number, text?: string): QnaAnswer {
  const texts = entry.texts[locale];
  const sources = entry.sources.map((id) => source(id, locale));
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

/** A quote of a seed passage, cited like an entry; the step buttons follow the instrument's steps. */
function toQuote(
  draft: { sectionId: string; sentences: string[]; confidence: number },
  locale: Locale,
): QnaAnswer {
  const t = translator(locale);
  const { docId, docTitle, sectionTitle, url } = resolveSource(draft.sectionId, locale);
  const step = /^s(\d)[A-Z]/.exec(draft.sectionId)?.[1];
  return {
    kind: 'answer',
    entryId: `passage:${draft.sectionId}`,
    claim: 'quote',
    title: t(`qna:ui.quoteFrom.${docId}`),
    text: draft.sentences.join('\n'),
    more: t('qna:ui.quoteMore', { doc: docTitle }),
    sources: [{ docTitle, sectionTitle, url }],
    relatedSteps: step ? [Number(step)] : [],
    score: draft.confidence,
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
    const analyzer = createAnalyzer();
    const retriever = new Retriever(kb, analyzer, loadOffTopicWords());
    const passages = new PassageIndex(loadPassages(), analyzer);
    answerer =
      options.answerer?.({ kb, retriever, passages }) ??
      new RetrievalAnswerer(retriever, undefined, passages);
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
      if (draft.kind === 'quote') return toQuote(draft, locale);
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
