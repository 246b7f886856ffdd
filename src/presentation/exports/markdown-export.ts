import { escapeMessageText } from '..';
import type { SummaryContext } from '..';
import { planContent } from './plan-content';

/** Each line of typed text as a quote line, escaped, so an answer cannot become a heading or a link. */
function quoted(text: string): string[] {
  return text.split(/\r\n|\r|\n/).map((line) => `> ${escapeMessageText(line)}`);
}

/**
 * The plan as Markdown, for pasting into minutes or a wiki: the same content as the .docx.
 * Everything a person typed (answers, names, the organisation) is escaped.
 */
export function planMarkdown(ctx: SummaryContext, now: Date): string {
  const { t } = ctx;
  const { model, answeredBy, exportedOn, basis } = planContent(ctx, now);
  const out: string[] = [
    `# ${escapeMessageText(model.title)}`,
    '',
    `_${escapeMessageText(model.meta)}_  `,
    `_${escapeMessageText(exportedOn)}_`,
  ];
  for (const step of model.steps) {
    out.push('', `## ${step.title}`, '');
    if (step.contributors) out.push(`_${escapeMessageText(step.contributors)}_`, '');
    if (step.answers.length === 0) out.push(`_${t('bot:summary.noAnswers')}_`);
    for (const answer of step.answers) {
      out.push(
        `**${escapeMessageText(answer.label)}**`,
        '',
        ...quoted(answer.value),
        '',
        `_${escapeMessageText(answeredBy(answer))}_`,
        '',
      );
    }
  }
  const progress = model.progress;
  if (progress.show) {
    // Follow-up figures (src/followup): every check-in, with the instrument's caution.
    out.push('', `## ${progress.title}`, '');
    if (progress.empty) out.push(`_${progress.empty}_`);
    for (const row of progress.rows) {
      out.push(`- ${escapeMessageText(row.text)}`);
      if (row.note) out.push(...quoted(row.note).map((line) => `  ${line}`));
    }
    for (const line of [progress.next, progress.expectations].filter(Boolean))
      out.push('', escapeMessageText(line));
    out.push(
      '',
      `_${escapeMessageText(progress.caution)}_ ${t('exports:source')} [${escapeMessageText(progress.sourceTitle)}](${progress.sourceUrl})`,
    );
  }
  out.push('', `## ${t('bot:advice.title')}`, '');
  if (model.advice.length === 0) out.push(`_${t('exports:noAdvice')}_`);
  for (const advice of model.advice) {
    const cited = advice.sources.map((s) => `[${escapeMessageText(s.title)}](${s.url})`);
    // The label's emphasis is Brugbot's own markup: only the text inside it is made inert.
    out.push(
      `- **${escapeMessageText(advice.label)}** · ${escapeMessageText(advice.body)}  `,
      `  ${escapeMessageText(t('bot:advice.why', { reason: advice.reason }))}  `,
      cited.length > 0
        ? `  ${t('exports:source')} ${cited.join(' · ')}`
        : `  _${t('bot:advice.ownSuggestion')}_`,
    );
  }
  out.push('', `## ${t('bot:summary.openPointsTitle', { count: model.openPoints.length })}`, '');
  if (model.openPoints.length === 0) out.push(`_${t('exports:noOpenPoints')}_`);
  for (const point of model.openPoints) out.push(`- ${escapeMessageText(point.text)}`);
  out.push(
    '',
    '---',
    `${t('exports:basis')} [${escapeMessageText(basis.title)}](${basis.url})`,
    '',
  );
  return out.join('\n');
}
