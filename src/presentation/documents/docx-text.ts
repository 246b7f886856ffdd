import { ExternalHyperlink, TextRun } from 'docx';

/**
 * Text helpers for Word files, shared by the plan export (src/export) and the documents. Loaded
 * with the first document only (see `loadDocxText`), since `docx` takes ~30 ms to load.
 */

/**
 * XML 1.0 forbids most control characters; Word refuses a document that contains one, and a
 * pasted answer can. Lone surrogates are not valid either. Tabs and newlines are kept.
 */
export function xmlSafe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Cs}/gu, '');
}

interface RunStyle {
  size?: number;
  color?: string;
  italics?: boolean;
  bold?: boolean;
}

/** A typed answer keeps its line breaks: one run per line, joined by breaks. */
export function lines(text: string, style: RunStyle = {}): TextRun[] {
  return xmlSafe(text)
    .split(/\r\n|\r|\n/)
    .map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0, ...style }));
}

export const SUBTLE = { size: 18, color: '595959' };

/** Source links sit in small print, so they take the small size too. */
export function link(text: string, url: string): ExternalHyperlink {
  return new ExternalHyperlink({
    link: url,
    children: [new TextRun({ text: xmlSafe(text), style: 'Hyperlink', size: SUBTLE.size })],
  });
}
