import type { ActiveAdvice } from '../guide';
import { resolveSource } from '../sources';
import type { ViewContext } from './view-context';

/** One piece of advice as every surface shows it (cards, note, export, tab page). */
export interface AdviceView {
  id: string;
  kind: 'source' | 'suggestion';
  severity: 'tip' | 'caution';
  /** "Tip", "Let op", "Tip van Brugbot" or "Let op · tip van Brugbot", with its emoji. */
  label: string;
  /** The advice itself, without label. */
  body: string;
  /** Why it applies to this plan, in terms of the user's own answers. */
  reason: string;
  /** Cited sections; empty for Brugbot's own suggestions without a practice source. */
  sources: { title: string; url: string }[];
  /** `**label** · body`, for surfaces that show one text. */
  text: string;
  /** "Waarom: … · Bron: [..](..)" markdown line, for cards. */
  source: string;
  /** The same line naming sections only, for cards that list many pieces of advice. */
  compactSource: string;
  /** The two halves of `source` on their own, for cards that show them on separate lines. */
  whyLine: string;
  sourcesLine: string;
  /** "Bron: [section](url)" naming sections only, or the own-suggestion line. */
  compactSourcesLine: string;
}

function label(ctx: ViewContext, rule: ActiveAdvice['rule']): string {
  const icon = rule.severity === 'caution' ? '⚠️' : '💡';
  const key =
    rule.kind === 'suggestion'
      ? `bot:advice.label.suggestion.${rule.severity}`
      : `bot:advice.label.${rule.severity}`;
  return `${icon} ${ctx.t(key)}`;
}

function reason(ctx: ViewContext, a: ActiveAdvice): string {
  const base = `guide:advice.${a.rule.id}`;
  if (a.reasons.length === 0) return ctx.t(`${base}.reason`);
  const text = a.reasons.map((r) => ctx.t(`${base}.reasons.${r}`)).join('; ');
  // Fragments are written to be joined mid-sentence; the reason as a whole starts with a capital.
  return text.charAt(0).toUpperCase() + text.slice(1) + (/[.!?]$/.test(text) ? '' : '.');
}

/** Active advice, localised, with label, reason and every cited source. */
export function presentAdvice(
  ctx: ViewContext,
  include: (rule: ActiveAdvice['rule']) => boolean = () => true,
): AdviceView[] {
  return (ctx.advice ?? ctx.guide.activeAdvice(ctx.answers))
    .filter((a) => include(a.rule))
    .map((a) => {
      const resolved = a.rule.sources.map((id) => resolveSource(id, ctx.locale));
      const sources = resolved.map((s) => ({
        title: `${s.docTitle} — ${s.sectionTitle}`,
        url: s.url,
      }));
      const why = ctx.t('bot:advice.why', { reason: reason(ctx, a) });
      const cite = (titles: string[]): string =>
        titles.length > 0
          ? ctx.t('bot:advice.sources', {
              links: titles.map((title, i) => `[${title}](${sources[i]!.url})`).join(' · '),
            })
          : ctx.t('bot:advice.ownSuggestion');
      const head = label(ctx, a.rule);
      const body = ctx.t(`guide:advice.${a.rule.id}.text`);
      return {
        id: a.rule.id,
        kind: a.rule.kind,
        severity: a.rule.severity,
        label: head,
        body,
        reason: reason(ctx, a),
        sources,
        text: `**${head}** · ${body}`,
        source: `${why} · ${cite(sources.map((s) => s.title))}`,
        whyLine: why,
        sourcesLine: cite(sources.map((s) => s.title)),
        compactSourcesLine: cite(resolved.map((s) => s.sectionTitle)),
        compactSource: `${why} · ${cite(resolved.map((s) => s.sectionTitle))}`,
      };
    });
}
