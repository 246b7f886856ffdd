import type { Guide, PlanState, StepStatus } from '../../guide';
import { translator, type Locale } from '../../i18n';
import { buildSummary } from '../summary';
import { planRef } from '../../storage';
import {
  documentsOf,
  documentTitle,
  formatDateTime,
  viewContext,
  type DocumentId,
  type ProgressModel,
  type ViewContext,
} from '..';
import { tabProgressView, type TabProgressView } from './tab-progress';

/** The tab has room to spare: answers are shown whole (the longest allowed is 3 000 characters). */
const NO_TRUNCATION = Number.MAX_SAFE_INTEGER;

export interface TabStepView {
  number: number;
  title: string;
  status: StepStatus;
  statusLabel: string;
  /** Where the conversation left off; the page marks it for sighted and screen-reader users. */
  current: boolean;
  answers: { label: string; value: string; byLine: string }[];
  contributors: string;
}

export interface TabAdviceView {
  text: string;
  severity: 'caution' | 'tip';
  /** "Let op", "Tip" or "Tip van Brugbot". */
  severityLabel: string;
  reason: string;
  /** Cited sections; empty for Brugbot's own suggestions. */
  sources: { label: string; url: string }[];
}

/**
 * One plan as the read-only page shows it: plain strings (the page sets them as text, never
 * as HTML), already localised, so the browser needs no guide, no i18n and no formatting rules.
 */
export interface TabPlanView {
  conversationId: string;
  /** The plan's link name (storage/keys.ts), which the steering note's link carries. */
  ref: string;
  /** Short name for the plan picker. */
  label: string;
  title: string;
  meta: string;
  steps: TabStepView[];
  advice: TabAdviceView[];
  adviceTitle: string;
  openPoints: string[];
  openPointsTitle: string;
  /** Whether there is anything to put in a Word document yet. */
  canExport: boolean;
  /** The follow-up figures over time (src/followup). */
  progress: TabProgressView;
  /** The documents written from the plan (src/presentation/documents), made on a click. */
  documents: TabDocumentsView;
}

export interface TabDocumentsView {
  title: string;
  intro: string;
  appendix: string;
  labels: { word: string; markdown: string };
  items: { id: DocumentId; title: string }[];
}

/** The documents section: which documents this plan yields, in the reader's language. */
function documentsView(ctx: ViewContext): TabDocumentsView {
  const t = (key: string) => ctx.t(`documents:tab.${key}`);
  return {
    title: t('title'),
    intro: t('intro'),
    appendix: t('appendix'),
    labels: { word: t('word'), markdown: t('markdown') },
    items: documentsOf(ctx).map((id) => ({ id, title: documentTitle(ctx, id) })),
  };
}

/** Builds the page's view of a plan from the same summary model the card and export use. */
export function tabPlanView(
  guide: Guide,
  plan: { key: string; conversationId: string; state: PlanState },
  locale: Locale,
  progress: ProgressModel,
): TabPlanView {
  const t = translator(locale);
  const ctx = { ...viewContext(guide, plan.state, locale, t), progress };
  const summary = buildSummary(ctx, NO_TRUNCATION);
  const orgName = typeof ctx.answers.orgName === 'string' ? ctx.answers.orgName : '';
  const updated = formatDateTime(plan.state.updatedAt, locale);
  const steps = summary.steps.map((s): TabStepView => {
    const status = guide.stepStatus(s.number, ctx.answers);
    return {
      number: s.number,
      title: s.title,
      status,
      statusLabel: t(`bot:overview.status.${status}`),
      current: plan.state.status !== 'completed' && plan.state.currentStep === s.number,
      answers: s.answers.map((a) => ({
        label: a.label,
        value: a.value,
        byLine: a.by
          ? t('tab:model.answeredBy', { name: a.by, when: formatDateTime(a.at, locale) })
          : formatDateTime(a.at, locale),
      })),
      contributors: s.contributors,
    };
  });
  const advice = summary.advice.map((a): TabAdviceView => ({
    text: a.body,
    severity: a.severity,
    severityLabel: a.label,
    reason: t('bot:advice.why', { reason: a.reason }),
    sources: a.sources.map((s) => ({ label: s.title, url: s.url })),
  }));
  return {
    conversationId: plan.conversationId,
    ref: planRef(plan.key),
    label: t('tab:model.pickerLabel', { name: orgName || t('tab:model.unnamed'), when: updated }),
    title: summary.title,
    meta: summary.meta,
    steps,
    advice,
    adviceTitle: t('bot:advice.title'),
    openPoints: summary.openPoints.map((p) => p.text),
    openPointsTitle: t('bot:summary.openPointsTitle', { count: summary.openPoints.length }),
    canExport: Object.keys(plan.state.answers).length > 0,
    progress: tabProgressView(ctx),
    documents: documentsView(ctx),
  };
}
