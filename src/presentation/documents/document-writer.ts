import { plainText } from '../../cards';
import { isAnswered, type AnswerValue } from '../../guide';
import { resolveSource } from '../../sources';
import { authorName, formatAnswer, formatList, type ViewContext } from '../view-context';
import type { Block, DocumentId, DocumentInput, Inline, PlanDocument } from './document-model';

const TOKEN = /\u0000(\d+)\u0000/;

/** A sentence that opens with a phrase from running text ("de gemeente Zele …") gets its capital. */
function capitalised(parts: Inline[], locale: ViewContext['locale']): Inline[] {
  const [first, ...rest] = parts;
  if (typeof first !== 'string' || !/^\p{Ll}/u.test(first)) return parts;
  return [first.charAt(0).toLocaleUpperCase(locale) + first.slice(1), ...rest];
}

/** "6 december 2026" in Brussels: documents carry a full date, not the cards' short one. */
export function longDate(date: Date, locale: ViewContext['locale']): string {
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-BE' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Brussels',
  }).format(date);
}

/**
 * Builds one document: reads answers as prose, turns what is unanswered into a visible
 * placeholder, numbers the sources the text relies on, and collects the blocks. Every sentence
 * comes from the `documents` namespace, so the wording is Brugbot's own and translatable.
 */
export class DocumentWriter {
  readonly blocks: Block[] = [];
  private readonly cited: string[] = [];

  readonly ctx: ViewContext;
  private readonly now: Date;
  /** Dates (YYYY-MM-DD) of the confirmed follow-up schedule, from src/followup; may be empty. */
  readonly followUpDates: string[];

  constructor(input: DocumentInput) {
    this.ctx = input.ctx;
    this.now = input.now;
    this.followUpDates = input.followUpDates;
  }

  t(key: string, vars?: Record<string, unknown>): string {
    return this.ctx.t(`documents:${key}`, vars);
  }

  raw(id: string): AnswerValue | undefined {
    const value = this.ctx.answers[id];
    return value !== undefined && isAnswered(value) ? value : undefined;
  }

  /** The answer as a reader sees it (choice labels, localised numbers), or undefined. */
  value(id: string): string | undefined {
    const q = this.ctx.guide.question(id);
    const raw = this.raw(id);
    if (!q || raw === undefined) return undefined;
    return plainText(formatAnswer(this.ctx, q, raw)).trim() || undefined;
  }

  /** Choice labels of a multiselect answer, each whole (for lists). */
  labels(id: string): string[] {
    const raw = this.raw(id);
    const ids = Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : [];
    return ids.map((c) => this.ctx.t(`guide:questions.${id}.choices.${c}`));
  }

  /** The answer inside a sentence (no closing full stop of its own), or a placeholder. */
  answer(id: string): Inline {
    const value = this.value(id);
    if (!value) return this.decide(id);
    // "Het diensthoofd …" typed as an answer reads "het diensthoofd …" inside a sentence.
    return value
      .replace(/[.;\s]+$/, '')
      .replace(/^(De|Het|Een|The|A|An)\s/, (m) => m.toLowerCase());
  }

  /** Choice labels inside a sentence: lower case, except names ("Huis van het Kind", "OCMW"). */
  inSentence(labels: string[]): string[] {
    return labels.map((l) =>
      /^\p{Lu}\p{Ll}+(\s[^\p{Lu}]*)*$/u.test(l)
        ? l.charAt(0).toLocaleLowerCase(this.ctx.locale) + l.slice(1)
        : l,
    );
  }

  /** "[nog te beslissen: de looptijd]". */
  decide(id: string): Inline {
    return { open: this.t('open.decide', { what: this.t(`open.what.${id}`) }) };
  }

  /** "[in te vullen door het bestuur: de juridische grond]": a part the sources do not give. */
  fill(what: string): Inline {
    return { open: this.t('open.fill', { what: this.t(`open.own.${what}`) }) };
  }

  /** A numbered reference to a source section, listed under "Bronnen" at the end. */
  cite(section: string): Inline {
    let index = this.cited.indexOf(section);
    if (index < 0) index = this.cited.push(section) - 1;
    return { cite: index + 1 };
  }

  /** A sentence from the locale with answers, placeholders or references in its slots. */
  line(key: string, vars: Record<string, Inline | Inline[]> = {}): Inline[] {
    const slots: Inline[][] = [];
    const args: Record<string, string> = {};
    for (const [name, v] of Object.entries(vars)) {
      args[name] = `\u0000${slots.length}\u0000`;
      slots.push(Array.isArray(v) ? v : [v]);
    }
    const text = this.t(key, args);
    return text
      .split(TOKEN)
      .flatMap((piece, i) => (i % 2 === 1 ? slots[Number(piece)]! : piece ? [piece] : []));
  }

  /** "a, b en c" over answers that may be missing: the present ones, or a placeholder. */
  list(items: string[], orDecide: string): Inline {
    return items.length > 0 ? formatList(items, this.ctx.locale) : this.decide(orDecide);
  }

  h1(text: string): void {
    this.blocks.push({ kind: 'heading', level: 1, text });
  }

  h2(text: string): void {
    this.blocks.push({ kind: 'heading', level: 2, text });
  }

  p(...parts: Inline[]): void {
    this.blocks.push({ kind: 'paragraph', parts: capitalised(parts, this.ctx.locale) });
  }

  /** A paragraph opened by a bold lead ("Artikel 1."). */
  article(lead: string, parts: Inline[]): void {
    this.blocks.push({ kind: 'paragraph', lead, parts });
  }

  /** Free text as typed, one paragraph per paragraph the writer made. */
  prose(id: string): boolean {
    const text = this.value(id);
    if (!text) return false;
    for (const para of text.split(/\n\s*\n/)) if (para.trim()) this.p(para.trim());
    return true;
  }

  bullets(items: Inline[][], numbered = false): void {
    if (items.length > 0) this.blocks.push({ kind: numbered ? 'numbered' : 'bullets', items });
  }

  table(header: string[], rows: Inline[][][]): void {
    this.blocks.push({ kind: 'table', header, rows });
  }

  /** The finished document: placeholders gathered for "Nog open", sources numbered. */
  finish(id: DocumentId, title: string, subject?: string): PlanDocument {
    const { ctx } = this;
    const org = this.value('orgName');
    const open = new Set<string>();
    const walk = (parts: Inline[]) => {
      for (const p of parts) if (typeof p === 'object' && 'open' in p) open.add(p.open);
    };
    for (const b of this.blocks) {
      if (b.kind === 'paragraph') walk(b.parts);
      if (b.kind === 'bullets' || b.kind === 'numbered') b.items.forEach(walk);
      if (b.kind === 'table') b.rows.forEach((r) => r.forEach(walk));
    }
    const names = [
      ...new Set(
        Object.entries(ctx.state.answers)
          .filter(([key]) => ctx.guide.question(key) !== undefined)
          // Documents are read by others: made without a viewer, so names stay names.
          .map(([, a]) => plainText(authorName(ctx, a.by)).trim()),
      ),
    ].filter(Boolean);
    const date = longDate(this.now, ctx.locale);
    return {
      id,
      title,
      ...(subject ? { subject } : {}),
      subtitle: org ? `${org} · ${date}` : date,
      openTitle: this.t('open.title'),
      open: [...open],
      openEmpty: this.t('open.none'),
      blocks: this.blocks,
      sourcesTitle: this.t('sources.title'),
      sources: this.cited.map((section, i) => {
        const s = resolveSource(section, ctx.locale);
        return { n: i + 1, section, doc: s.docTitle, title: s.sectionTitle, url: s.url };
      }),
      closing: names.length
        ? this.t('closing', { names: formatList(names, ctx.locale), date })
        : this.t('closingUnnamed', { date }),
    };
  }
}
