import fs from 'node:fs';
import path from 'node:path';
import type { PartDefinition, QuestionDefinition } from '../../src/guide/definition-schema';
import { loadGuideDefinition } from '../../src/guide/load-definition';
import { paths } from '../../src/paths';

/**
 * A step card shows every question of the step with its help text and must stay under 25 KB.
 * The real card is built elsewhere (and per part); this builds a lean stand-in of a whole step
 * from the content alone, so texts that grow too long are caught here. Measured once against
 * `cards/step.json`, the real output was about 1.4 times the stand-in, hence the lower budget.
 */
const CARD_LIMIT = 25_000;
const CONTENT_BUDGET = 17_000;

type Texts = Record<string, unknown>;
const definition = loadGuideDefinition();

function text(tree: Texts, key: string): string {
  const value = key.split('.').reduce<unknown>((n, k) => (n as Texts | undefined)?.[k], tree);
  return typeof value === 'string' ? value : '';
}

function block(value: string, extra: object = {}): object {
  return { type: 'TextBlock', text: value, wrap: true, spacing: 'Small', ...extra };
}

function input(q: QuestionDefinition, t: Texts): object {
  const base = {
    id: q.id,
    isRequired: q.required,
    errorMessage: text(t, `questions.${q.id}.label`),
  };
  const placeholder = text(t, `questions.${q.id}.placeholder`);
  switch (q.type) {
    case 'choice':
    case 'multiselect':
    case 'yesno': {
      const choices = (q.choices ?? [{ id: 'yes' }, { id: 'no' }]).map((c) => ({
        title: text(t, `questions.${q.id}.choices.${c.id}`) || c.id,
        value: c.id,
      }));
      return {
        type: 'Input.ChoiceSet',
        ...base,
        style: 'expanded',
        isMultiSelect: q.type === 'multiselect',
        choices,
      };
    }
    case 'number':
      return { type: 'Input.Number', ...base, min: q.min, max: q.max, placeholder };
    case 'date':
      return { type: 'Input.Date', ...base };
    default:
      return {
        type: 'Input.Text',
        ...base,
        isMultiline: q.type === 'multiline',
        maxLength: q.maxLength,
        placeholder,
      };
  }
}

function partItems(part: PartDefinition, t: Texts): object[] {
  const items: object[] = [
    block(text(t, `parts.${part.id}.title`), { weight: 'Bolder', size: 'Medium' }),
    block(text(t, `parts.${part.id}.intro`), { isSubtle: true }),
  ];
  for (const q of part.questions) {
    items.push(block(text(t, `questions.${q.id}.label`), { weight: 'Bolder' }));
    items.push(block(text(t, `questions.${q.id}.help`), { isSubtle: true, size: 'Small' }));
    if (q.examples)
      items.push(block(text(t, `questions.${q.id}.examples`), { isSubtle: true, size: 'Small' }));
    items.push(input(q, t));
  }
  for (const group of part.resources) {
    items.push(block(text(t, `resourceGroups.${group.id}`), { weight: 'Bolder', size: 'Small' }));
    items.push(
      block(group.items.map((i) => `- [${i.title}](${i.url})`).join('\n'), { size: 'Small' }),
    );
  }
  return [{ type: 'Container', id: `part-${part.id}`, separator: true, items }];
}

describe.each(['nl', 'en'])('step cards in %s', (lng) => {
  const t = JSON.parse(
    fs.readFileSync(path.join(paths.locales, lng, 'guide.json'), 'utf8'),
  ) as Texts;

  it.each(definition.steps.map((s) => [s.id, s] as const))(
    '%s stays within the card budget',
    (_id, step) => {
      const card = {
        type: 'AdaptiveCard',
        $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
        version: '1.5',
        body: [
          block(text(t, `steps.${step.id}.title`), { weight: 'Bolder', size: 'Large' }),
          block(text(t, `steps.${step.id}.intro`)),
          ...step.parts.flatMap((p) => partItems(p, t)),
        ],
      };
      const bytes = Buffer.byteLength(JSON.stringify(card), 'utf8');
      expect(CONTENT_BUDGET * 1.4).toBeLessThan(CARD_LIMIT);
      expect({ step: step.id, bytes, fits: bytes <= CONTENT_BUDGET }).toEqual({
        step: step.id,
        bytes,
        fits: true,
      });
    },
  );
});
