import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import JSZip from 'jszip';
import { documentInput } from '../../src/export';
import { documentFile, documentsOf } from '../../src/presentation';
import { realGuide, T0 } from '../helpers/plans';
import { ZELE, zelePlan } from './zele-plan';

// LibreOffice is required, not optional: CI installs libreoffice-writer-nogui and poppler-utils.
// A missing soffice makes this test fail with ENOENT; it never skips.
jest.setTimeout(180_000);

const input = {
  ...documentInput(realGuide(), zelePlan(), 'nl', T0),
  followUpDates: ['2027-03-01'],
};
const ids = documentsOf(input.ctx);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brug-docs-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the Word documents of a complete plan', () => {
  const files: Record<string, Buffer> = {};
  beforeAll(async () => {
    for (const id of ids) files[id] = (await documentFile(id, input, 'docx')).content as Buffer;
  });

  it('open in a docx parser: every XML part well-formed, real Word styles in use', async () => {
    const { DOMParser } = new JSDOM('').window;
    for (const id of ids) {
      const zip = await JSZip.loadAsync(files[id]!);
      for (const name of Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n))) {
        const xml = await zip.file(name)!.async('string');
        const parsed = new DOMParser().parseFromString(xml, 'application/xml');
        expect([name, parsed.getElementsByTagName('parsererror').length]).toEqual([name, 0]);
      }
      const doc = await zip.file('word/document.xml')!.async('string');
      expect(doc).toContain('<w:pStyle w:val="Title"/>');
      expect(doc).toContain('<w:pStyle w:val="Heading1"/>');
      expect(doc).toContain('<w:numPr>');
    }
    const note = await (
      await JSZip.loadAsync(files.collegeNote!)
    )
      .file('word/document.xml')!
      .async('string');
    expect(note).toContain('<w:pStyle w:val="Heading2"/>');
    expect(note).toContain('<w:tbl>');
    expect(note).toContain('Artikel 1.');
  });

  it('convert to PDF with LibreOffice headless, with their title and the municipality on page 1', () => {
    for (const id of ids) fs.writeFileSync(path.join(dir, `${id}.docx`), files[id]!);
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        ...ids.map((id) => path.join(dir, `${id}.docx`)),
      ],
      { stdio: 'pipe', timeout: 170_000 },
    );
    for (const id of ids) {
      const pdf = path.join(dir, `${id}.pdf`);
      expect(fs.statSync(pdf).size).toBeGreaterThan(5_000);
      const firstPage = execFileSync('pdftotext', ['-f', '1', '-l', '1', pdf, '-'], {
        encoding: 'utf8',
      });
      expect(firstPage).toContain(ZELE.orgName);
    }
  });
});
