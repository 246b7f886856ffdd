// Writes the plan export of a realistic sample plan as .docx (and .md), for scripts/render-export.sh.
// Run with: node -r ./test/helpers/register-ts.js scripts/write-sample-export.ts <out-dir> [nl|en]
import fs from 'node:fs';
import path from 'node:path';
import { viewContext } from '../src/presentation';
import { planDocx, planMarkdown } from '../src/presentation/exports';
import { isLocale, translator } from '../src/i18n';
import { filledPlan, plausibleValue, realGuide, T0 } from '../test/helpers/plans';
import { withProgress } from '../src/followup';

async function main(): Promise<void> {
  const [outDir = '/tmp/brugbot-export', lang = 'nl'] = process.argv.slice(2);
  const locale = isLocale(lang) ? lang : 'nl';
  const state = filledPlan(plausibleValue);
  // A longer, multi-line answer with markup in it, as people really type them.
  const note =
    'Vrije tijd is een recht.\nWe willen dat elk kind <b>ergens</b> bij hoort — ook **zonder** geld. 🎉';
  const answers = { ...state.answers, beliefsNote: { ...state.answers.beliefsNote!, value: note } };
  const ctx = withProgress(
    viewContext(
      realGuide(),
      { ...state, answers, status: 'completed', completedAt: T0.toISOString() },
      locale,
      translator(locale),
    ),
  );
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'plan.docx'), await planDocx(ctx, T0));
  fs.writeFileSync(path.join(outDir, 'plan.md'), planMarkdown(ctx, T0));
  process.stdout.write(`${path.join(outDir, 'plan.docx')}\n`);
}

void main();
