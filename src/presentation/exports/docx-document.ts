import { Document, HeadingLevel, Packer, Paragraph, type ParagraphChild } from 'docx';
import { loadDocxText, type SummaryContext } from '..';
import type { SummaryModel } from '../summary';
import { planContent } from './plan-content';

/** The Word text helpers, shared with the documents (src/presentation/documents). */
type DocxText = Awaited<ReturnType<typeof loadDocxText>>;

/** Follow-up figures (src/followup): every check-in, with the instrument's caution. */
function progressParagraphs(
  { lines, link, SUBTLE }: DocxText,
  progress: SummaryModel['progress'],
  sourceLabel: string,
): Paragraph[] {
  if (!progress.show) return [];
  const out = [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      spacing: { before: 360, after: 80 },
      children: lines(progress.title),
    }),
  ];
  if (progress.empty)
    out.push(new Paragraph({ children: lines(progress.empty, { italics: true }) }));
  for (const row of progress.rows) {
    out.push(new Paragraph({ bullet: { level: 0 }, children: lines(row.text) }));
    if (row.note)
      out.push(
        new Paragraph({ indent: { left: 720 }, children: lines(row.note, { italics: true }) }),
      );
  }
  for (const line of [progress.next, progress.expectations].filter(Boolean))
    out.push(new Paragraph({ spacing: { before: 120 }, children: lines(line) }));
  out.push(
    new Paragraph({
      spacing: { before: 120 },
      children: [
        ...lines(`${progress.caution} ${sourceLabel} `, SUBTLE),
        link(progress.sourceTitle, progress.sourceUrl),
      ],
    }),
  );
  return out;
}

/**
 * The plan as a Word document for the steering group's files: a heading per step with every
 * answer in full and who gave it when, the advice with its sources, and the open points.
 * The docx package escapes text for XML, so typed text cannot add markup.
 */
export async function buildPlanDocx(ctx: SummaryContext, now: Date): Promise<Buffer> {
  const { t } = ctx;
  const text = await loadDocxText();
  const { lines, link, SUBTLE, xmlSafe } = text;
  const { model, answeredBy, exportedOn, basis } = planContent(ctx, now);
  const body: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: lines(model.title) }),
    new Paragraph({ children: lines(model.meta, SUBTLE) }),
    new Paragraph({ children: lines(exportedOn, SUBTLE) }),
  ];
  for (const step of model.steps) {
    body.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        spacing: { before: 360, after: 80 },
        children: lines(step.title),
      }),
    );
    if (step.contributors)
      body.push(
        new Paragraph({ children: lines(step.contributors, { ...SUBTLE, italics: true }) }),
      );
    if (step.answers.length === 0)
      body.push(new Paragraph({ children: lines(t('bot:summary.noAnswers'), { italics: true }) }));
    for (const answer of step.answers) {
      body.push(
        new Paragraph({
          heading: HeadingLevel.HEADING_3,
          spacing: { before: 160 },
          children: lines(answer.label),
        }),
      );
      body.push(new Paragraph({ children: lines(answer.value) }));
      body.push(
        new Paragraph({ spacing: { after: 160 }, children: lines(answeredBy(answer), SUBTLE) }),
      );
    }
  }
  body.push(...progressParagraphs(text, model.progress, t('exports:source')));
  body.push(
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      spacing: { before: 360, after: 80 },
      children: lines(t('bot:advice.title')),
    }),
  );
  if (model.advice.length === 0)
    body.push(new Paragraph({ children: lines(t('exports:noAdvice'), { italics: true }) }));
  for (const advice of model.advice) {
    const source: ParagraphChild[] =
      advice.sources.length > 0
        ? [
            ...lines(`${t('exports:source')} `, SUBTLE),
            ...advice.sources.flatMap((s, i) => [
              ...(i > 0 ? lines(' · ', SUBTLE) : []),
              link(s.title, s.url),
            ]),
          ]
        : lines(t('bot:advice.ownSuggestion'), SUBTLE);
    // The label starts with its own ⚠️/💡 marker, so no bullet on top of it.
    body.push(
      new Paragraph({
        spacing: { before: 120 },
        children: [...lines(`${advice.label} · `, { bold: true }), ...lines(advice.body)],
      }),
    );
    body.push(
      new Paragraph({ children: lines(t('bot:advice.why', { reason: advice.reason }), SUBTLE) }),
    );
    body.push(new Paragraph({ spacing: { after: 120 }, children: source }));
  }
  const openTitle = t('bot:summary.openPointsTitle', { count: model.openPoints.length });
  body.push(
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      spacing: { before: 360, after: 80 },
      children: lines(openTitle),
    }),
  );
  if (model.openPoints.length === 0)
    body.push(new Paragraph({ children: lines(t('exports:noOpenPoints'), { italics: true }) }));
  for (const point of model.openPoints)
    body.push(new Paragraph({ bullet: { level: 0 }, children: lines(point.text) }));
  body.push(
    new Paragraph({
      spacing: { before: 400 },
      children: [...lines(`${t('exports:basis')} `, SUBTLE), link(basis.title, basis.url)],
    }),
  );

  const doc = new Document({
    creator: 'Brugbot',
    title: xmlSafe(model.title).slice(0, 250),
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [{ children: body }],
  });
  return Packer.toBuffer(doc);
}
