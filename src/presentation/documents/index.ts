import type { ViewContext } from '../view-context';
import { tender, vacancy } from './appointment-documents';
import { beliefsNote } from './beliefs-note';
import { collegeNote } from './college-note';
import { commitment } from './commitment';
import type { DocumentId, DocumentInput, PlanDocument } from './document-model';
import { renderMarkdown } from './render-markdown';
import { evaluationFrame } from './evaluation-frame';

/**
 * The documents a municipality needs after the plan (issue 25), each a view of the plan's
 * decisions built here and rendered per format; the "all answers" export stays in src/export.
 */
export {
  DOCUMENT_IDS,
  type DocumentId,
  type DocumentInput,
  type PlanDocument,
} from './document-model';

const BUILDERS: Record<DocumentId, (input: DocumentInput) => PlanDocument> = {
  collegeNote,
  vacancy,
  tender,
  commitment,
  evaluation: evaluationFrame,
  beliefsNote,
};

/** The documents for this plan: the vacancy or the tender as step 4 chose, both when undecided. */
export function documentsOf(ctx: ViewContext): DocumentId[] {
  const route = ctx.answers.employer;
  return (
    ['collegeNote', 'vacancy', 'tender', 'commitment', 'evaluation', 'beliefsNote'] as const
  ).filter(
    (id) => !(id === 'vacancy' && route === 'external') && !(id === 'tender' && route === 'own'),
  );
}

export function buildDocument(id: DocumentId, input: DocumentInput): PlanDocument {
  return BUILDERS[id](input);
}

/** The document's title in the viewer's language, for lists of links. */
export function documentTitle(ctx: ViewContext, id: DocumentId): string {
  return ctx.t(`documents:titles.${id}`);
}

/** "verbindingsambassadeur-gemeente-zele": readable, and safe in any header. */
export function fileSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

/** "nota-aan-het-college-gemeente-zele.docx". */
export function documentFileName(
  ctx: ViewContext,
  id: DocumentId,
  extension: 'docx' | 'md',
): string {
  const org = typeof ctx.answers.orgName === 'string' ? fileSlug(ctx.answers.orgName) : '';
  return `${ctx.t(`documents:files.${id}`)}${org ? `-${org}` : ''}.${extension}`;
}

/** The Word file; `docx` is loaded with the first document, not at start-up. */
export async function renderDocx(doc: PlanDocument): Promise<Buffer> {
  const { renderDocx: render } = await import('./render-docx');
  return render(doc);
}

/** The Word text helpers the plan export shares, loaded on first use for the same reason. */
export const loadDocxText = () => import('./docx-text');

/** One document as a file in the asked format. */
export async function documentFile(
  id: DocumentId,
  input: DocumentInput,
  format: 'docx' | 'md',
): Promise<{ content: Buffer | string; filename: string; contentType: string }> {
  const doc = buildDocument(id, input);
  return format === 'docx'
    ? {
        content: await renderDocx(doc),
        filename: documentFileName(input.ctx, id, 'docx'),
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      }
    : {
        content: renderMarkdown(doc),
        filename: documentFileName(input.ctx, id, 'md'),
        contentType: 'text/markdown; charset=utf-8',
      };
}
