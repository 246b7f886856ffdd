import type { ViewContext } from '../view-context';

/**
 * A document is a view of the plan's decisions, not of its transcript: blocks of prose built
 * from the answers, with visible placeholders where something is still open and numbered
 * references to the source passages the prose relies on. The renderers (Word, Markdown) only
 * lay these blocks out.
 */

/** Text as typed or written; a placeholder for an open part; a reference to a listed source. */
export type Inline = string | { open: string } | { cite: number };

export type Block =
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'paragraph'; parts: Inline[]; lead?: string }
  | { kind: 'bullets' | 'numbered'; items: Inline[][] }
  | { kind: 'table'; header: string[]; rows: Inline[][][] };

export const DOCUMENT_IDS = [
  'collegeNote',
  'vacancy',
  'tender',
  'commitment',
  'evaluation',
  'beliefsNote',
] as const;
export type DocumentId = (typeof DOCUMENT_IDS)[number];

/** What a document is made from: the plan as the viewer sees it, the date, the follow-up dates. */
export interface DocumentInput {
  ctx: ViewContext;
  now: Date;
  /** Confirmed follow-up dates (YYYY-MM-DD, from src/followup), empty when there is none. */
  followUpDates: string[];
}

export interface PlanDocument {
  id: DocumentId;
  title: string;
  /** "Onderwerp: …" under the title, where the kind of document has one (the college note). */
  subject?: string;
  /** "Gemeente Zele · 6 december 2026": who it is for and when it was made. */
  subtitle: string;
  /** Heading of the list of open parts, and every placeholder in the order it appears. */
  openTitle: string;
  open: string[];
  openEmpty: string;
  blocks: Block[];
  sourcesTitle: string;
  /**
   * Numbered as cited; `section` names the passage in content/sources.json, `doc` the source
   * document it belongs to (the list names each document once, its cited parts beside it).
   */
  sources: { n: number; section: string; doc: string; title: string; url: string }[];
  /** Who wrote the answers, said once at the end. */
  closing: string;
}

/** The sources grouped per document, in order of first citation: each document listed once. */
export function sourceGroups(
  doc: PlanDocument,
): { doc: string; url: string; parts: { n: number; title: string }[] }[] {
  const groups = new Map<
    string,
    { doc: string; url: string; parts: { n: number; title: string }[] }
  >();
  for (const s of doc.sources) {
    const group = groups.get(s.doc) ?? { doc: s.doc, url: s.url, parts: [] };
    group.parts.push({ n: s.n, title: s.title });
    groups.set(s.doc, group);
  }
  return [...groups.values()];
}
