import fs from 'node:fs';
import path from 'node:path';
import {
  initialPlanState,
  transition,
  type Answers,
  type GuideEvent,
  type PlanState,
  type QuestionDefinition,
} from '../../src/guide';
import { repoRoot } from '../../src/paths';
import { plausibleValue, realGuide, T0 } from '../helpers/plans';

const guide = realGuide();
const ctx = { now: T0, actor: { id: 'aad-anne', name: 'Anne' } };
const steps = guide.definition.steps;
const parts = steps.flatMap((s) => s.parts.map((part, index) => ({ step: s.number, part, index })));
const core = parts.filter((p) => p.part.depth === 'core');
const deepen = parts.filter((p) => p.part.depth === 'deepen');

/** Answers every required core question that is visible, as a person on the core route would. */
function coreAnswers(): Answers {
  const answers: Record<string, Answers[string]> = {};
  // Twice: an answer can reveal a conditional required question (e.g. a fixed term's years).
  for (let pass = 0; pass < 3; pass++) {
    for (const n of steps.map((s) => s.number)) {
      for (const q of guide.coreQuestionsOf(n)) {
        if (q.required && guide.isVisible(q, answers)) answers[q.id] = typed(q);
      }
    }
  }
  return answers;
}

function typed(q: QuestionDefinition): Answers[string] {
  const raw = plausibleValue(q);
  if (q.type === 'number') return Number(raw);
  if (q.type === 'multiselect') return raw.split(',').slice(0, q.maxSelected ?? 99);
  return raw;
}

const run = (state: PlanState, event: GuideEvent) => transition(guide, state, event, ctx);

describe('the core route and the optional "verdiepen" parts', () => {
  it('asks a core of 20 to 25 required questions, and keeps everything else optional', () => {
    const required = steps.flatMap((s) =>
      guide.coreQuestionsOf(s.number).filter((q) => q.required && !q.showIf),
    );
    expect(required.length).toBeGreaterThanOrEqual(20);
    expect(required.length).toBeLessThanOrEqual(25);
    const deepenRequired = deepen.flatMap((p) => p.part.questions.filter((q) => q.required));
    expect(deepenRequired).toEqual([]);
  });

  it('counts a plan with only core answers as complete, with no open points', () => {
    const answers = coreAnswers();
    expect(guide.openPoints(answers)).toEqual([]);
    expect(guide.isComplete(answers)).toBe(true);
    const answeredDeepen = deepen.flatMap((p) => p.part.questions).filter((q) => answers[q.id]);
    expect(answeredDeepen).toEqual([]);
  });

  it('counts only core questions as open points', () => {
    const open = guide.openPoints({});
    const coreIds = new Set(core.flatMap((p) => p.part.questions.map((q) => q.id)));
    expect(open.length).toBeGreaterThan(0);
    expect(open.filter((q) => !coreIds.has(q.id))).toEqual([]);
  });

  it('walks the core cards with "next" and skips every deepen card', () => {
    const answers = coreAnswers();
    const seen: string[] = [];
    let at: { step: number; part: number } | undefined = guide.firstPosition(1, answers);
    while (at) {
      seen.push(guide.step(at.step).parts[at.part]!.id);
      at = guide.nextPosition(at, answers);
    }
    const deepenIds = new Set(deepen.map((p) => p.part.id));
    expect(seen.filter((id) => deepenIds.has(id))).toEqual([]);
    expect(seen.length).toBeLessThanOrEqual(16);
  });

  it('opens a deepen part on request, keeps the card answers, and goes on after it', () => {
    let state = run(initialPlanState(T0), { type: 'start' }).state;
    const reading = guide.step(1).parts.findIndex((p) => p.id === 'reading');
    const opened = run(state, {
      type: 'submitStep',
      step: 1,
      part: 0,
      revision: state.revision,
      values: { orgName: 'Gemeente Ronse' },
      nav: 'deepen',
      target: reading,
    });
    expect(opened.outputs.at(-1)).toEqual({ kind: 'step', step: 1, part: reading });
    expect(opened.state.answers.orgName?.value).toBe('Gemeente Ronse');
    state = opened.state;
    const on = run(state, {
      type: 'submitStep',
      step: 1,
      part: reading,
      revision: state.revision,
      values: {},
      nav: 'next',
    });
    expect(on.outputs.at(-1)).toEqual({ kind: 'step', step: 2, part: 0 });
    expect(guide.previousPosition({ step: 1, part: reading }, {})).toEqual({ step: 1, part: 0 });
  });

  it('asks "Nog open" before leaving empty required questions, then skips or marks them', () => {
    const state = run(initialPlanState(T0), { type: 'start' }).state;
    const card = { type: 'submitStep' as const, step: 1, part: 0 };
    const tried = run(state, {
      ...card,
      revision: state.revision,
      values: { orgName: 'Gemeente Ronse' },
      nav: 'next',
    });
    const prompt = tried.outputs.at(-1)!;
    expect(prompt).toEqual({
      kind: 'openPrompt',
      step: 1,
      part: 0,
      questions: ['organisationType', 'expectations', 'beliefsNote'],
    });
    expect(tried.state.answers.orgName?.value).toBe('Gemeente Ronse');
    const s = tried.state;
    const fill = run(s, { ...card, revision: s.revision, values: {}, nav: 'fill' });
    expect(fill.outputs.at(-1)).toEqual({
      kind: 'step',
      step: 1,
      part: 0,
      open: ['organisationType', 'expectations', 'beliefsNote'],
    });
    const skip = run(s, { ...card, revision: s.revision, values: {}, nav: 'skip' });
    expect(skip.outputs.at(-1)).toEqual({ kind: 'step', step: 2, part: 0 });
  });

  it('refuses more choices than a priority question allows, and says how many', () => {
    const barriers = guide.question('barriersChildren')!;
    expect(barriers.maxSelected).toBe(3);
    const state = run(initialPlanState(T0), { type: 'goto', step: 2 }).state;
    const distance = guide.step(2).parts.findIndex((p) => p.id === 'distance');
    const { outputs, state: next } = run(state, {
      type: 'submitStep',
      step: 2,
      part: distance,
      revision: state.revision,
      values: { barriersChildren: 'informalLeisure,offerDoesNotFit,distrustSociety,notUsedAtHome' },
      nav: 'next',
    });
    expect(outputs.at(-1)).toMatchObject({
      kind: 'step',
      errors: { barriersChildren: 'tooManyChoices' },
    });
    expect(next.answers.barriersChildren).toBeUndefined();
  });

  it('lets the talks cover all six points the instrument lists, with no cap', () => {
    expect(guide.question('talkTopics')!.maxSelected).toBeUndefined();
  });

  it('keeps every instrument section reachable and traced in docs/content-map.md', () => {
    const map = fs.readFileSync(path.join(repoRoot, 'docs', 'content-map.md'), 'utf8');
    for (const p of parts) {
      const reachable = p.part.depth === 'core' ? guide.routeParts(p.step, coreAnswers()) : null;
      if (reachable && p.part.questions.every((q) => !q.showIf))
        expect(reachable).toContain(p.index);
      expect(map).toContain(`\`${p.part.id}\``);
    }
    for (const p of deepen) expect(guide.deepenParts(p.step, {})).toContain(p.index);
  });
});
