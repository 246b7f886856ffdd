import type { Locale } from '../i18n';

export interface QnaSource {
  docTitle: string;
  sectionTitle: string;
  url: string;
}

export interface QnaAnswer {
  kind: 'answer';
  /** The entry's id; `passage:<section>` for a quote. */
  entryId: string;
  title: string;
  text: string;
  more: string;
  /**
   * `source`: a curated answer on what the sources say; `suggestion`: Brugbot's own advice,
   * labelled as such; `quote`: no entry fitted, so `text` holds one to three sentences of the
   * cited seed passage word for word, one per line (Dutch, whatever the user's language).
   */
  claim: 'source' | 'suggestion' | 'quote';
  /** Every cited section, numbered in this order in the message ([1], [2], …). */
  sources: QnaSource[];
  relatedSteps: number[];
  /** Confidence in 0..1 (1 for answers requested by id). */
  score: number;
}

export interface QnaDecline {
  kind: 'decline';
  /** Up to three close topics, best first; may be empty. */
  suggestions: { entryId: string; title: string }[];
}

export interface QnaService {
  ask(question: string, locale: Locale): QnaAnswer | QnaDecline;
  /** For suggestion buttons and links from guide steps. */
  byId(entryId: string, locale: Locale): QnaAnswer | undefined;
  entryIds(): string[];
}
