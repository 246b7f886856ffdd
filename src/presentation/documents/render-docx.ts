import {
  AlignmentType,
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { sourceGroups, type Block, type Inline, type PlanDocument } from './document-model';
import { lines, link, SUBTLE, xmlSafe } from './docx-text';

const NUMBERED = 'brug-numbered';

/** Typed text as runs; a placeholder highlighted so nobody sends it out unfilled; a reference. */
function runs(parts: Inline[], style: { bold?: boolean } = {}): ParagraphChild[] {
  return parts.flatMap((p): ParagraphChild[] => {
    if (typeof p === 'string') return lines(p, style);
    if ('open' in p)
      return [new TextRun({ text: xmlSafe(p.open), bold: true, highlight: 'yellow' })];
    return [new TextRun({ text: `[${p.cite}]`, color: '1F4E79' })];
  });
}

/** Each numbered list starts at 1: a new instance of the same numbering. */
function blockElements(block: Block, instance: () => number): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [
        new Paragraph({
          heading: block.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
          spacing: { before: block.level === 1 ? 320 : 200, after: 80 },
          keepNext: true,
          children: lines(block.text),
        }),
      ];
    case 'paragraph':
      return [
        new Paragraph({
          spacing: { after: 120 },
          children: [
            ...(block.lead ? lines(`${block.lead} `, { bold: true }) : []),
            ...runs(block.parts),
          ],
        }),
      ];
    case 'bullets':
      return block.items.map(
        (item) => new Paragraph({ bullet: { level: 0 }, children: runs(item) }),
      );
    case 'numbered': {
      const n = instance();
      return block.items.map(
        (item) =>
          new Paragraph({
            numbering: { reference: NUMBERED, level: 0, instance: n },
            spacing: { after: 40 },
            children: runs(item),
          }),
      );
    }
    case 'table':
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          // Label, the plan's value, the instrument's advice: the advice needs the room.
          columnWidths: block.header.length === 3 ? [2300, 2600, 4100] : undefined,
          rows: [
            new TableRow({
              tableHeader: true,
              children: block.header.map(
                (h) =>
                  new TableCell({
                    children: [new Paragraph({ children: lines(h, { bold: true }) })],
                  }),
              ),
            }),
            ...block.rows.map(
              (row) =>
                new TableRow({
                  children: row.map(
                    (cell) =>
                      new TableCell({ children: [new Paragraph({ children: runs(cell) })] }),
                  ),
                }),
            ),
          ],
        }),
        new Paragraph({ children: [] }),
      ];
  }
}

/** A document as a Word file with real styles: Title, Heading 1–2, lists, tables. */
export async function renderDocx(doc: PlanDocument): Promise<Buffer> {
  let instances = 0;
  const body: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: lines(doc.title) }),
    ...(doc.subject
      ? [new Paragraph({ spacing: { after: 80 }, children: lines(doc.subject, { bold: true }) })]
      : []),
    new Paragraph({ spacing: { after: 240 }, children: lines(doc.subtitle, SUBTLE) }),
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: lines(doc.openTitle) }),
    ...(doc.open.length
      ? doc.open.map((o) => new Paragraph({ bullet: { level: 0 }, children: runs([{ open: o }]) }))
      : [new Paragraph({ children: lines(doc.openEmpty, { italics: true }) })]),
  ];
  for (const block of doc.blocks) body.push(...blockElements(block, () => ++instances));
  if (doc.sources.length) {
    body.push(
      new Paragraph({ heading: HeadingLevel.HEADING_1, children: lines(doc.sourcesTitle) }),
    );
    for (const g of sourceGroups(doc)) {
      const parts = g.parts.map((p) => `[${p.n}] ${p.title}`).join('; ');
      body.push(new Paragraph({ children: [link(g.doc, g.url), ...lines(`: ${parts}`, SUBTLE)] }));
    }
  }
  body.push(new Paragraph({ spacing: { before: 360 }, children: lines(doc.closing, SUBTLE) }));
  const document = new Document({
    creator: 'Brugbot',
    title: xmlSafe(doc.title).slice(0, 250),
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    numbering: {
      config: [
        {
          reference: NUMBERED,
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 720, hanging: 360 } } },
            },
          ],
        },
      ],
    },
    sections: [{ children: body }],
  });
  return Packer.toBuffer(document);
}
