/** The plan exports: a Word document and Markdown, built from the shared summary model. */
export { planDocx, DOCX_TYPE } from './docx-export';
export { planMarkdown } from './markdown-export';
export { planFileName } from './plan-content';
