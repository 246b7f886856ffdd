/** Plan exports (rendered in src/presentation/exports), stored as downloads. */
export { ExportHandler, type ExportDeps } from './export-handler';
/** The documents written from the plan (src/presentation/documents), stored as downloads. */
export { DocumentsHandler } from './documents-handler';
export { documentInput, planFileRenderer } from './plan-documents';
