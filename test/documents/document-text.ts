import JSZip from 'jszip';
import type { Inline, PlanDocument } from '../../src/presentation/documents/document-model';

/** An inline part as a reader sees it in the Word file. */
export function plain(parts: Inline[]): string {
  return parts
    .map((p) => (typeof p === 'string' ? p : 'open' in p ? p.open : `[${p.cite}]`))
    .join('');
}

/** Every run of text in the model: paragraphs, list items and table cells, in order. */
export function textsOf(doc: PlanDocument): { parts: Inline[]; text: string }[] {
  return doc.blocks.flatMap((b) => {
    const rows = ((): Inline[][] => {
      switch (b.kind) {
        case 'paragraph':
          return [b.lead ? [`${b.lead} `, ...b.parts] : b.parts];
        case 'bullets':
        case 'numbered':
          return b.items;
        case 'table':
          return b.rows.flat();
        case 'heading':
          return [[b.text]];
      }
    })();
    return rows.map((parts) => ({ parts, text: plain(parts) }));
  });
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The paragraphs of a .docx as plain text, with the style each one carries. */
export async function docxParagraphs(bytes: Buffer): Promise<{ style: string; text: string }[]> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml
    .split('</w:p>')
    .map((p) => ({
      style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? '',
      text: [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
        .map((m) => m[1]!)
        .join('')
        .replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e]!),
    }))
    .filter((p) => p.text || p.style);
}

/** Markdown as text: escapes undone, emphasis markers dropped. */
export function markdownText(md: string): string {
  return md
    .replace(/(?<!\\)\*\*/g, '')
    .replace(/\\([\\`*_[\]#|~\-+.)])/g, '$1')
    .replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e]!);
}
