import type { SummaryContext, ViewContext } from '..';
import { answeredLine, fileSlug, formatDateTime } from '..';
import { resolveSource } from '../../sources';
import { buildSummary, type SummaryModel } from '../summary';

/** The export carries every answer whole: no card budget applies to a document. */
const NO_LIMIT = Number.MAX_SAFE_INTEGER;

export interface PlanContent {
  model: SummaryModel;
  /** "Ingevuld door An · 23 nov. 10:00" per question id. */
  answeredBy: (answer: SummaryModel['steps'][number]['answers'][number]) => string;
  exportedOn: string;
  /** The instrument the guide follows, named once at the end with its link. */
  basis: { title: string; url: string };
}

/** What both export formats show, from the same summary model the cards use. */
export function planContent(ctx: SummaryContext, now: Date): PlanContent {
  const { t, locale } = ctx;
  const intro = resolveSource('intro', locale);
  return {
    model: buildSummary(ctx, NO_LIMIT),
    answeredBy: (a) => answeredLine(ctx, a.by, a.at),
    exportedOn: t('exports:exportedOn', {
      when: formatDateTime(now.toISOString(), locale),
    }),
    basis: { title: `${intro.docTitle} — ${intro.sectionTitle}`, url: intro.url },
  };
}

/** "plan-verbindingsambassadeur-gemeente-brugge.docx": readable, and safe in any header. */
export function planFileName(ctx: ViewContext, extension: 'docx' | 'md'): string {
  const org = typeof ctx.answers.orgName === 'string' ? ctx.answers.orgName : '';
  const slug = fileSlug(org);
  return `${ctx.t('exports:fileName')}${slug ? `-${slug}` : ''}.${extension}`;
}
