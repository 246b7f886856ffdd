/** Plan exports: a Word document and Markdown, built from the shared summary model. */
export { planDocx, DOCX_TYPE } from './docx-export';
export { planMarkdown } from './markdown-export';
export { planFileName } from './plan-content';
export { ExportHandler, type ExportDeps } from './export-handler';
/** The documents written from the plan (src/presentation/documents), stored as downloads. */
export { DocumentsHandler } from './documents-handler';
export { documentInput, planFileRenderer } from './plan-documents';
