import { plainText } from '../../cards';

/**
 * Typed text made inert for Markdown: no HTML, links, emphasis or headings. Lighter than the
 * chat's escapeMessageText (which also escapes parentheses and braces), so a document reads clean.
 */
function escapeMessageText(text: string): string {
  return plainText(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]#|~])/g, '\\$1')
    .replace(/^(\s*)([-+]|\d+[.)])(\s)/gm, '$1\\$2$3');
}
import { sourceGroups, type Block, type Inline, type PlanDocument } from './document-model';

/** Typed and written text escaped, placeholders in bold, references as [n]. */
function inline(parts: Inline[]): string {
  return parts
    .map((p) =>
      typeof p === 'string'
        ? escapeMessageText(p).replace(/\r?\n/g, '  \n')
        : 'open' in p
          ? `**${escapeMessageText(p.open)}**`
          : `\\[${p.cite}\\]`,
    )
    .join('');
}

function cell(parts: Inline[]): string {
  return inline(parts).replace(/\s*\n\s*/g, ' ') || ' ';
}

function block(b: Block): string[] {
  switch (b.kind) {
    case 'heading':
      return [`${b.level === 1 ? '##' : '###'} ${escapeMessageText(b.text)}`, ''];
    case 'paragraph':
      return [`${b.lead ? `**${escapeMessageText(b.lead)}** ` : ''}${inline(b.parts)}`, ''];
    case 'bullets':
      return [...b.items.map((i) => `- ${inline(i)}`), ''];
    case 'numbered':
      return [...b.items.map((i, n) => `${n + 1}. ${inline(i)}`), ''];
    case 'table':
      return [
        `| ${b.header.map((h) => escapeMessageText(h) || ' ').join(' | ')} |`,
        `|${b.header.map(() => ' --- ').join('|')}|`,
        ...b.rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
        '',
      ];
  }
}

/** The same document as Markdown, for a wiki or an e-mail: the same content as the Word file. */
export function renderMarkdown(doc: PlanDocument): string {
  const out = [`# ${escapeMessageText(doc.title)}`, ''];
  if (doc.subject) out.push(`**${escapeMessageText(doc.subject)}**`, '');
  out.push(`_${escapeMessageText(doc.subtitle)}_`, '');
  out.push(`## ${escapeMessageText(doc.openTitle)}`, '');
  if (doc.open.length) out.push(...doc.open.map((o) => `- **${escapeMessageText(o)}**`), '');
  else out.push(`_${escapeMessageText(doc.openEmpty)}_`, '');
  for (const b of doc.blocks) out.push(...block(b));
  if (doc.sources.length) {
    out.push(`## ${escapeMessageText(doc.sourcesTitle)}`, '');
    out.push(
      ...sourceGroups(doc).map(
        (g) =>
          `- [${escapeMessageText(g.doc)}](${g.url}): ` +
          g.parts.map((p) => `\\[${p.n}\\] ${escapeMessageText(p.title)}`).join('; '),
      ),
      '',
    );
  }
  out.push('---', '', `_${escapeMessageText(doc.closing)}_`, '');
  return out.join('\n');
}
